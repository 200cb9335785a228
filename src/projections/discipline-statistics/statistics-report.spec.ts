import type { FactCount } from './statistics-acts.js';
import { statisticsFigures } from './statistics-report.js';

const districtCommission = { bodyKind: 'inspection-commission', bodyLevel: 'district' } as const;
const districtStanding = { bodyKind: 'standing-committee', bodyLevel: 'district' } as const;

function fact(act: FactCount['act'], actKind: string | null, count: number, body: { bodyKind: string; bodyLevel: string } | null = null): FactCount {
  return { act, subjectKind: 'member', actKind, bodyKind: body?.bodyKind ?? null, bodyLevel: body?.bodyLevel ?? null, count };
}

describe('statistics figures', () => {
  it('Charter art. 36 cl. 5 and art. 39: appeal outcomes (upheld, changed, annulled) are figures of their own, beside the sanctions', () => {
    const figures = statisticsFigures([
      fact('sanction', 'warning', 4, districtCommission),
      fact('appeal-outcome', 'upheld', 2, districtStanding),
      fact('appeal-outcome', 'changed', 1, districtStanding),
      fact('appeal-outcome', 'annulled', 1, districtStanding),
    ]);
    expect(figures.appeals.members).toEqual({ total: 4, upheld: 2, changed: 1, annulled: 1 });
    expect(figures.appeals.organizations).toEqual({ total: 0, upheld: 0, changed: 0, annulled: 0 });
    expect(figures.sanctions.members.total).toBe(4);
    expect(figures.sanctions.members.byForm.warning).toBe(4);
  });

  it('Charter art. 39: an annulment decided in the period does not take a sanction out of it (the sanction counts where it took effect)', () => {
    const annulledOnly = statisticsFigures([fact('appeal-outcome', 'annulled', 1, districtStanding), fact('restoration', 'party-membership', 1)]);
    expect(annulledOnly.sanctions.members.total).toBe(0);
    expect(annulledOnly.appeals.members.annulled).toBe(1);
  });

  it('QĐ 117-QĐ/TW: restorations are counted per item given back, every item listed', () => {
    const figures = statisticsFigures([fact('restoration', 'party-membership', 1), fact('restoration', 'cadre-planning-eligibility', 2)]);
    expect(figures.restorations.members.total).toBe(3);
    expect(figures.restorations.members.byItem).toEqual({
      'evaluation-and-classification': 0,
      'cadre-planning-eligibility': 2,
      'appointment-and-nomination': 0,
      'salary-increase': 0,
      'commendations-and-awards': 0,
      'post-or-equivalent': 0,
      'party-membership': 1,
    });
  });
});
