import type { PlanningListRef } from '../../cadre-planning/domain/planning-list.events.js';

/**
 * What a statistics fact counts; `act_kind` refines it (inspection and supervision kind, sanction form,
 * appeal outcome, restored item, planning list).
 */
export const STATISTICS_ACTS = [
  'inspection',
  'supervision',
  'sanction',
  'appeal-outcome',
  'restoration',
  'expulsion',
  'removal-from-roll',
  'release',
  'planning-addition',
  'planning-removal',
  'planning-restoration',
] as const;
export type StatisticsAct = (typeof STATISTICS_ACTS)[number];

export interface StatisticsPeriod {
  /** First and last day, inclusive, of the acts' legal dates (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

/** One aggregated line of facts: how many acts of a kind, by a kind of body, on a kind of subject. */
export interface FactCount {
  readonly act: StatisticsAct;
  readonly subjectKind: 'organization' | 'member';
  readonly actKind: string | null;
  readonly bodyKind: string | null;
  readonly bodyLevel: string | null;
  readonly count: number;
}

/** A planning list's key in the figures: its target and term, `executive-committee:2020-2025`. */
export function planningListKey(list: Pick<PlanningListRef, 'target' | 'term'>): string {
  return `${list.target}:${list.term.fromYear}-${list.term.toYear}`;
}
