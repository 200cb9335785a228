import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store/event-store.js';
import { MEMBER_PERSONAL_DATA } from '../organizations/domain/member.events.js';
import { DOMAIN_EVENT_TYPES } from '../projections/domain-events.js';
import { personalFieldNames } from '../shared/domain/personal-data.js';
import { PUBLIC_EVENTS, type PublicEventType } from './contract/public-event-types.js';
import { INTERNAL_ONLY, MAPPED_EVENT_TYPES, toPublicEvent, type PolicyContext } from './public-events.js';

const organizationId = 'org-commune';
const memberId = 'member-1';
const memberFacts = {
  kind: 'member',
  memberId,
  membership: 'full',
  holdsPost: false,
  organizations: [{ organizationId, level: 'grassroots' }],
  committeeSeats: [],
  managedByCommitteeOf: null,
};
const commission = { organizationId: 'org-province', level: 'province', bodyKind: 'inspection-commission' };
const caseOpened = { caseId: 'case-1', openedOn: '2026-01-05', inspectionId: null, subject: memberFacts };

function recorded(type: string, data: Record<string, unknown>, streamId = `stream-${type}`): RecordedEvent {
  return {
    globalPosition: 7,
    transactionId: '100',
    streamId,
    streamType: 'test',
    streamVersion: 2,
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'someone', correlationId: 'c' },
    occurredAt: new Date('2026-01-05T00:00:00Z'),
    recordedAt: new Date('2026-01-06T08:00:00Z'),
    previousHash: null,
    hash: 'h',
  };
}

function context(overrides: Partial<PolicyContext> = {}): PolicyContext {
  return { opening: undefined, memberOrganizationId: organizationId, isErased: () => false, ...overrides };
}

const caseContext = (opening = caseOpened) => context({ opening: { type: 'DisciplineCaseOpened', data: opening } });
const confidentialCase = { ...caseOpened, confidentialTo: { organizationId: 'org-province', bodyKind: 'inspection-commission' } };

function conforms(type: PublicEventType, data: unknown): string[] {
  return PUBLIC_EVENTS[type].data.check(data, 'data');
}

describe('the public-event policy (issue 15)', () => {
  it('publishes each domain event type or names it as internal with a reason, never both', () => {
    const named = Object.keys(INTERNAL_ONLY);
    expect([...MAPPED_EVENT_TYPES, ...named].sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
    expect(MAPPED_EVENT_TYPES.filter((type) => named.includes(type))).toEqual([]);
  });

  it('never publishes a personal field: no public schema names one the personal-data rules declare', () => {
    const personal = personalFieldNames(MEMBER_PERSONAL_DATA);
    expect(personal).toEqual(expect.arrayContaining(['fullName', 'birthDate']));
    for (const [type, definition] of Object.entries(PUBLIC_EVENTS)) {
      const text = JSON.stringify(definition.data.json);
      expect([type, personal.filter((field) => text.includes(`"${field}"`))]).toEqual([type, []]);
    }
  });

  it("publishes an admission without the member's name and birth date, sealed or not", () => {
    const admitted = recorded('MemberAdmitted', { memberId, organizationId, fullName: 'Nguyễn Văn A', birthDate: '1980-01-01', admittedOn: '2020-01-01' });
    const published = toPublicEvent(admitted, context());
    expect(published?.event.data).toEqual({ memberId, organizationId, admittedOn: '2020-01-01' });
    expect(conforms('MemberAdmitted', published?.event.data)).toEqual([]);
    expect(published?.concerns).toEqual({ organizationIds: [organizationId], memberIds: [memberId] });
  });

  it('never publishes any event of a confidential case or of an appeal against one', () => {
    expect(toPublicEvent(recorded('DisciplineCaseOpened', confidentialCase), caseContext(confidentialCase))).toBeNull();
    const issued = { form: 'warning', decidingBody: commission, decisionNumber: '1', signedOn: '2026-01-10', ruleVersion: 'v', authorityGrant: 'g' };
    expect(toPublicEvent(recorded('DisciplineDecisionIssued', issued), caseContext(confidentialCase))).toBeNull();
    expect(
      toPublicEvent(
        recorded('DisciplineDecisionIssued', { ...issued, limitationLastDate: null, announcementDueOn: '2026-02-01', citations: [] }),
        caseContext(),
      ),
    ).not.toBeNull();
    const appealOpening = { type: 'AppealFiled', data: { appealId: 'appeal-1', subject: memberFacts, confidentialTo: confidentialCase.confidentialTo } };
    const annulled = {
      decidedBy: commission,
      decidedOn: '2026-03-01',
      decisionNumber: '2',
      afterHandlingDeadline: false,
      ruleVersion: 'v',
      form: 'warning',
      reason: 'r',
    };
    expect(toPublicEvent(recorded('SanctionAnnulled', annulled), context({ opening: appealOpening }))).toBeNull();
    expect(
      toPublicEvent(recorded('SanctionAnnulled', annulled), context({ opening: { ...appealOpening, data: { ...appealOpening.data, confidentialTo: null } } })),
    ).not.toBeNull();
  });

  it('publishes nothing about a member whose personal data was erased, whenever recorded, but the erasure itself', () => {
    const erased = context({ isErased: (id) => id === memberId });
    expect(toPublicEvent(recorded('MemberMadeFull', { memberId, madeFullOn: '2021-01-01' }), erased)).toBeNull();
    expect(toPublicEvent(recorded('DisciplineCaseOpened', caseOpened), erased)).toBeNull();
    expect(
      toPublicEvent(recorded('DisciplineDecisionAnnounced', { announcedOn: '2026-01-20', effectiveOn: '2026-01-20' }), {
        ...erased,
        opening: caseContext().opening,
      }),
    ).toBeNull();
    const erasure = toPublicEvent(recorded('PersonalDataErased', { memberId, ground: 'consent-withdrawn', reference: 'request 7' }), erased);
    expect(erasure?.event).toMatchObject({ type: 'PersonalDataErased', data: { memberId } });
    expect(toPublicEvent(recorded('MemberMadeFull', { memberId: 'member-2', madeFullOn: '2021-01-01' }), erased)).not.toBeNull();
  });

  it('publishes corrections as events of their own: a changed or annulled sanction, an applied outcome, a restoration, a restored membership', () => {
    const appeal = context({ opening: { type: 'AppealFiled', data: { appealId: 'appeal-1', subject: memberFacts } } });
    const decided = { decidedBy: commission, decidedOn: '2026-03-01', decisionNumber: '2', afterHandlingDeadline: false, ruleVersion: 'v' };
    const corrections: [string, Record<string, unknown>, PolicyContext, PublicEventType][] = [
      ['SanctionChanged', { ...decided, fromForm: 'warning', toForm: 'reprimand', authorityGrant: 'g' }, appeal, 'SanctionChanged'],
      ['SanctionAnnulled', { ...decided, form: 'expulsion', reason: 'r' }, appeal, 'SanctionAnnulled'],
      ['AppealOutcomeApplied', { appealId: 'appeal-1', outcome: 'annulled', form: null, announcedOn: '2026-03-05' }, caseContext(), 'AppealOutcomeApplied'],
      [
        'RestorationOrdered',
        {
          appealId: 'appeal-1',
          subject: { kind: 'member', memberId },
          item: 'cadre-planning-eligibility',
          annulledForm: 'expulsion',
          orderedOn: '2026-03-05',
          ruleVersion: 'v',
          citation: {},
        },
        appeal,
        'RestorationOrdered',
      ],
      ['MembershipRestored', { memberId, disciplineDecisionId: 'case-1', appealId: 'appeal-1', restoredOn: '2026-03-06' }, context(), 'MembershipRestored'],
    ];
    for (const [internal, data, policyContext, expected] of corrections) {
      const published = toPublicEvent(recorded(internal, data), policyContext);
      expect([internal, published?.event.type, conforms(expected, published?.event.data)]).toEqual([internal, expected, []]);
      expect([internal, published?.concerns.organizationIds]).toEqual([internal, [organizationId]]);
    }
  });

  it("keeps an expulsion's decision id out of the member's public event: the case may be confidential", () => {
    const expelled = toPublicEvent(recorded('MemberExpelled', { memberId, disciplineDecisionId: 'case-secret', expelledOn: '2026-01-20' }), context());
    expect(expelled?.event.data).toEqual({ memberId, expelledOn: '2026-01-20' });
  });

  it('keeps internal-only events inside', () => {
    expect(toPublicEvent(recorded('BallotRecorded', { ballot: {}, tally: {}, ruleVersion: 'v' }), caseContext())).toBeNull();
    expect(toPublicEvent(recorded('ViolationRecorded', { violationId: 'v', description: 'secret' }), caseContext())).toBeNull();
    expect(toPublicEvent(recorded('SomethingUnknown', {}), context())).toBeNull();
  });

  it('serves the envelope with the public schema version and both time axes', () => {
    const event = recorded('OrganizationRenamed', { organizationId, previousName: 'Old', name: 'New', renamedOn: '2026-01-05' });
    expect(toPublicEvent(event, context())?.event).toEqual({
      eventId: event.eventId,
      type: 'OrganizationRenamed',
      schemaVersion: 1,
      streamId: event.streamId,
      streamType: 'test',
      occurredAt: '2026-01-05T00:00:00.000Z',
      recordedAt: '2026-01-06T08:00:00.000Z',
      data: { organizationId, name: 'New', renamedOn: '2026-01-05' },
    });
  });
});
