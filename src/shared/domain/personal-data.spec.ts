import type { Event } from './decider.js';
import { declarePersonalData, personalDataSubject, personalFieldNames, withoutPersonalData } from './personal-data.js';

type Admitted = Event<'Admitted', { memberId: string; fullName: string | null; birthDate: string | null; admittedOn: string }>;
type Erased = Event<'Erased', { memberId: string }>;
type Moved = Event<'Moved', { memberId: string; to: string }>;

const rules = declarePersonalData<Admitted | Erased | Moved>({
  fields: { Admitted: { subject: 'memberId', fields: ['fullName', 'birthDate'] } },
  erasure: { type: 'Erased', subject: 'memberId' },
});
const admitted: Admitted = { type: 'Admitted', data: { memberId: 'm-1', fullName: 'Trần Thị B', birthDate: '1991-02-03', admittedOn: '2020-01-01' } };

describe('a personal-data declaration names, per event type, the subject and the personal fields', () => {
  it('finds the subject of an event with personal data and of an erasure, and of no other event', () => {
    expect(personalDataSubject(rules, admitted)).toBe('m-1');
    expect(personalDataSubject(rules, { type: 'Erased', data: { memberId: 'm-1' } })).toBe('m-1');
    expect(personalDataSubject(rules, { type: 'Moved', data: { memberId: 'm-1', to: 'x' } })).toBeNull();
  });

  it('drops the personal fields only, so that read models never hold them', () => {
    expect(withoutPersonalData(rules, admitted)).toEqual({
      type: 'Admitted',
      data: { memberId: 'm-1', fullName: null, birthDate: null, admittedOn: '2020-01-01' },
    });
    const moved: Moved = { type: 'Moved', data: { memberId: 'm-1', to: 'x' } };
    expect(withoutPersonalData(rules, moved)).toBe(moved);
    expect(personalFieldNames(rules)).toEqual(['fullName', 'birthDate']);
  });
});
