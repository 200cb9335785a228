import { RESTORATION_ITEMS } from '../../rulebook/index.js';
import type { FactCount } from './statistics-acts.js';

export interface InspectionCounts {
  total: number;
  regular: number;
  onSignsOfViolation: number;
}
export interface SupervisionCounts {
  total: number;
  regular: number;
  thematic: number;
}
export interface BySubject<T> {
  organizations: T;
  members: T;
}
/** Cấp ủy (executive and standing committees, cells, the central bodies) and ủy ban kiểm tra. */
export interface ByActingBody<T> {
  byCommittees: BySubject<T>;
  byInspectionCommissions: BySubject<T>;
}
export type FormCounts = Record<string, number>;
export interface SanctionCounts {
  total: number;
  byForm: FormCounts;
  /** Keyed `<level>-committee`, `<level>-inspection-commission` or `cell`; each with its total and forms. */
  byDecidingBody: Record<string, FormCounts>;
}
/** Appeals decided (giải quyết khiếu nại kỷ luật) in the period, by outcome. */
export interface AppealOutcomeCounts {
  total: number;
  upheld: number;
  changed: number;
  annulled: number;
}
/** What annulments gave back (QĐ 117-QĐ/TW), one count per item ordered restored. */
export interface RestorationCounts {
  total: number;
  byItem: Record<string, number>;
}
export interface RemovalCounts {
  expelled: number;
  removedFromRoll: number;
  released: number;
}
/** Members added to, taken off or restored to planning lists in the period, by list (`<target>:<term>`). */
export interface PlanningCounts {
  total: number;
  byList: Record<string, number>;
}
export interface CadrePlanningCounts {
  added: PlanningCounts;
  removed: PlanningCounts;
  restored: PlanningCounts;
}
export interface StatisticsFigures {
  inspections: ByActingBody<InspectionCounts>;
  supervisions: ByActingBody<SupervisionCounts>;
  sanctions: BySubject<SanctionCounts>;
  appeals: BySubject<AppealOutcomeCounts>;
  restorations: BySubject<RestorationCounts>;
  removals: RemovalCounts;
  cadrePlanning: CadrePlanningCounts;
}

const MEMBER_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'];
const ORGANIZATION_FORMS = ['reprimand', 'warning', 'dissolution'];
export const APPEAL_OUTCOMES = ['upheld', 'changed', 'annulled'] as const;
const LEVEL_ORDER = ['central', 'province', 'district', 'grassroots', 'sub-grassroots', 'cell'];

function isCommission(bodyKind: string | null): boolean {
  return bodyKind === 'inspection-commission' || bodyKind === 'central-inspection-commission';
}

export function decidingBodyKey(bodyKind: string | null, bodyLevel: string | null): string {
  if (bodyKind === 'cell') return 'cell';
  return `${bodyLevel ?? 'unknown'}-${isCommission(bodyKind) ? 'inspection-commission' : 'committee'}`;
}

function sanctions(forms: readonly string[]): SanctionCounts {
  return { total: 0, byForm: Object.fromEntries(forms.map((form) => [form, 0])), byDecidingBody: {} };
}

function emptyFigures(): StatisticsFigures {
  const inspections = (): BySubject<InspectionCounts> => ({
    organizations: { total: 0, regular: 0, onSignsOfViolation: 0 },
    members: { total: 0, regular: 0, onSignsOfViolation: 0 },
  });
  const supervisions = (): BySubject<SupervisionCounts> => ({
    organizations: { total: 0, regular: 0, thematic: 0 },
    members: { total: 0, regular: 0, thematic: 0 },
  });
  const outcomes = (): AppealOutcomeCounts => ({ total: 0, upheld: 0, changed: 0, annulled: 0 });
  const restorations = (): RestorationCounts => ({ total: 0, byItem: Object.fromEntries(RESTORATION_ITEMS.map((item) => [item, 0])) });
  return {
    inspections: { byCommittees: inspections(), byInspectionCommissions: inspections() },
    supervisions: { byCommittees: supervisions(), byInspectionCommissions: supervisions() },
    sanctions: { organizations: sanctions(ORGANIZATION_FORMS), members: sanctions(MEMBER_FORMS) },
    appeals: { organizations: outcomes(), members: outcomes() },
    restorations: { organizations: restorations(), members: restorations() },
    removals: { expelled: 0, removedFromRoll: 0, released: 0 },
    cadrePlanning: { added: { total: 0, byList: {} }, removed: { total: 0, byList: {} }, restored: { total: 0, byList: {} } },
  };
}

function addSanction(counts: SanctionCounts, forms: readonly string[], fact: FactCount): void {
  const form = fact.actKind ?? 'unknown';
  counts.total += fact.count;
  counts.byForm[form] = (counts.byForm[form] ?? 0) + fact.count;
  const key = decidingBodyKey(fact.bodyKind, fact.bodyLevel);
  const body = (counts.byDecidingBody[key] ??= { total: 0, ...Object.fromEntries(forms.map((f) => [f, 0])) });
  body.total = (body.total ?? 0) + fact.count;
  body[form] = (body[form] ?? 0) + fact.count;
}

function addPlanning(counts: PlanningCounts, fact: FactCount): void {
  const list = fact.actKind ?? 'unknown';
  counts.total += fact.count;
  counts.byList[list] = (counts.byList[list] ?? 0) + fact.count;
}

function sortedByLevel(byBody: Record<string, FormCounts>): Record<string, FormCounts> {
  const rank = (key: string) => (key === 'cell' ? LEVEL_ORDER.length : LEVEL_ORDER.findIndex((level) => key.startsWith(`${level}-`)));
  return Object.fromEntries(Object.entries(byBody).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

/** The figures of the report from the facts counted in its period and subtree. */
export function statisticsFigures(facts: readonly FactCount[]): StatisticsFigures {
  const figures = emptyFigures();
  for (const fact of facts) {
    const subject = fact.subjectKind === 'organization' ? 'organizations' : 'members';
    const by = isCommission(fact.bodyKind) ? 'byInspectionCommissions' : 'byCommittees';
    switch (fact.act) {
      case 'inspection': {
        const counts = figures.inspections[by][subject];
        counts.total += fact.count;
        if (fact.actKind === 'suspected-violation') counts.onSignsOfViolation += fact.count;
        else counts.regular += fact.count;
        break;
      }
      case 'supervision': {
        const counts = figures.supervisions[by][subject];
        counts.total += fact.count;
        if (fact.actKind === 'thematic') counts.thematic += fact.count;
        else counts.regular += fact.count;
        break;
      }
      case 'sanction':
        addSanction(figures.sanctions[subject], subject === 'members' ? MEMBER_FORMS : ORGANIZATION_FORMS, fact);
        break;
      case 'appeal-outcome': {
        const counts = figures.appeals[subject];
        const outcome = APPEAL_OUTCOMES.find((known) => known === fact.actKind);
        counts.total += fact.count;
        if (outcome) counts[outcome] += fact.count;
        break;
      }
      case 'restoration': {
        const counts = figures.restorations[subject];
        const item = fact.actKind ?? 'unknown';
        counts.total += fact.count;
        counts.byItem[item] = (counts.byItem[item] ?? 0) + fact.count;
        break;
      }
      case 'expulsion':
        figures.removals.expelled += fact.count;
        break;
      case 'removal-from-roll':
        figures.removals.removedFromRoll += fact.count;
        break;
      case 'release':
        figures.removals.released += fact.count;
        break;
      case 'planning-addition':
        addPlanning(figures.cadrePlanning.added, fact);
        break;
      case 'planning-removal':
        addPlanning(figures.cadrePlanning.removed, fact);
        break;
      case 'planning-restoration':
        addPlanning(figures.cadrePlanning.restored, fact);
        break;
    }
  }
  for (const counts of [figures.sanctions.members, figures.sanctions.organizations]) counts.byDecidingBody = sortedByLevel(counts.byDecidingBody);
  for (const counts of Object.values(figures.cadrePlanning))
    counts.byList = Object.fromEntries(Object.entries(counts.byList).sort(([a], [b]) => a.localeCompare(b)));
  return figures;
}
