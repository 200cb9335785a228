import { DISCIPLINE_CASE_ACT_DATES, type BallotRecorded } from './discipline-case.events.js';
import { MEMBER_ACT_DATES } from '../../organizations/domain/member.events.js';
import { SELF_CRITICISM_REVIEW_ACT_DATES } from '../../reviews/domain/self-criticism-review.events.js';
import { validTimeOf } from '../../shared/domain/valid-time.js';

describe("an act's valid time is its legal date", () => {
  it('is midnight UTC opening the day of the act', () => {
    const admitted = {
      type: 'MemberAdmitted',
      data: { memberId: 'm', organizationId: 'o', fullName: 'A', birthDate: '1980-01-01', admittedOn: '2019-03-02' },
    } as const;
    expect(validTimeOf(MEMBER_ACT_DATES, admitted)).toEqual(new Date('2019-03-02T00:00:00.000Z'));
  });

  it('is read where the event keeps it: a ballot by the day it was held', () => {
    const ballot = { type: 'BallotRecorded', data: { ballot: { heldOn: '2019-05-06' }, tally: {}, ruleVersion: 'v' } } as unknown as BallotRecorded;
    expect(validTimeOf(DISCIPLINE_CASE_ACT_DATES, ballot)).toEqual(new Date('2019-05-06T00:00:00.000Z'));
  });

  it('is the time of recording (left to the store) for an event without a date of its own: a review being scheduled', () => {
    const scheduled = {
      type: 'SelfCriticismReviewScheduled',
      data: { reviewId: 'r', subject: { kind: 'member', memberId: 'm' }, period: { from: '2019-01-01', to: '2019-12-31' }, scheduledFor: '2019-12-20' },
    } as const;
    expect(validTimeOf(SELF_CRITICISM_REVIEW_ACT_DATES, scheduled)).toBeUndefined();
  });
});
