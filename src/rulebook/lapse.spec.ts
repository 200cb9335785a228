import { lapseDate, lapseOn } from './lapse.js';
import { defaultRulebook } from './rulebook.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');
const warning = { form: 'warning', announcedOn: '2023-05-12', appealPending: false, violationsCommittedOn: ['2022-11-02'] } as const;

describe('lapse of a decision (QĐ 69 art. 2 cl. 5)', () => {
  it('QĐ 69 art. 2 cl. 5: a warning announced on 12 May 2023 is still in effect on 11 May 2024', () => {
    expect(lapseOn(warning, '2024-05-11', v2023)).toMatchObject({ lapsesOn: '2024-05-12', lapsedOn: null, heldBy: null });
  });

  it('QĐ 69 art. 2 cl. 5: the warning has ended by itself on 12 May 2024, with no act recorded', () => {
    expect(lapseOn(warning, '2024-05-12', v2023)).toMatchObject({ lapsedOn: '2024-05-12', citation: { article: 'art. 2 cl. 5' }, ruleVersion: v2023.id });
    expect(lapseOn(warning, '2026-01-01', v2023).lapsedOn).toBe('2024-05-12');
  });

  it('QĐ 69 art. 2 cl. 5: expulsion and dissolution never lapse', () => {
    expect(lapseDate('2023-05-12', 'expulsion', v2023).lapsesOn).toBeNull();
    expect(lapseOn({ ...warning, form: 'dissolution' }, '2030-01-01', v2023)).toMatchObject({ lapsesOn: null, lapsedOn: null });
  });

  it('QĐ 69 art. 2 cl. 5: a new violation within the 12 months keeps the decision in effect', () => {
    const repeat = { ...warning, violationsCommittedOn: ['2022-11-02', '2024-01-20'] };
    expect(lapseOn(repeat, '2025-01-01', v2023)).toMatchObject({ lapsedOn: null, heldBy: { violationCommittedOn: '2024-01-20' } });
  });

  it('QĐ 69 art. 2 cl. 5: a violation committed after the lapse date does not revive the lapsed decision', () => {
    expect(lapseOn({ ...warning, violationsCommittedOn: ['2024-05-13'] }, '2025-01-01', v2023).lapsedOn).toBe('2024-05-12');
  });

  it('QĐ 69 art. 2 cl. 5: while an appeal is pending the decision does not lapse; it runs again from the decision on appeal', () => {
    expect(lapseOn({ ...warning, appealPending: true }, '2024-06-01', v2023)).toMatchObject({ lapsedOn: null, heldBy: { appealPending: true } });
    expect(lapseOn({ ...warning, announcedOn: '2023-09-01' }, '2024-06-01', v2023)).toMatchObject({ lapsesOn: '2024-09-01', lapsedOn: null });
  });
});
