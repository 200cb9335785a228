import { isAfter, removesFromPlanning, type RuleVersion } from '../../rulebook/index.js';
import type { IsoDate, SanctionForm } from '../../shared/domain/vocabulary.js';
import type { RemoveFromPlanning, RestoreToPlanning } from './planning-list.commands.js';
import { termRunsOn, type PlanningListState } from './planning-list.state.js';

/** A command a planning list must record because a sanction took effect, or was annulled. */
export type PlanningFollowUp =
  | Readonly<{ type: 'removeFromPlanning'; planningListId: string; data: RemoveFromPlanning['data'] }>
  | Readonly<{ type: 'restoreToPlanning'; planningListId: string; data: RestoreToPlanning['data'] }>;

export type SanctionInEffect = Readonly<{
  caseId: string;
  memberId: string;
  form: SanctionForm;
  decisionNumber: string;
  effectiveOn: IsoDate;
  version: RuleVersion;
}>;

export type PlanningRestorationOrder = Readonly<{ caseId: string; appealId: string; memberId: string; orderedOn: IsoDate }>;

/**
 * A sanction whose form takes the member off planning (rulebook/consequences.ts, by the version pinned on
 * the decision) removes the member from every list they are on, on the day it takes effect; from a list
 * where the member's last act came later (a sanction recorded late), on that act's day.
 */
export function removalsOnEffect(sanction: SanctionInEffect, lists: readonly PlanningListState[]): PlanningFollowUp[] {
  if (!removesFromPlanning(sanction.form, sanction.version).removes) return [];
  return lists.flatMap((list): PlanningFollowUp[] => {
    const entry = list.status === 'approved' ? list.entries[sanction.memberId] : undefined;
    if (list.status !== 'approved' || entry?.status !== 'in-planning') return [];
    return [
      {
        type: 'removeFromPlanning',
        planningListId: list.list.planningListId,
        data: {
          memberId: sanction.memberId,
          removedOn: isAfter(entry.lastActOn, sanction.effectiveOn) ? entry.lastActOn : sanction.effectiveOn,
          reason: 'discipline',
          decision: sanction.decisionNumber,
          disciplineDecisionId: sanction.caseId,
        },
      },
    ];
  });
}

/**
 * An annulment that orders cadre-planning eligibility restored (QĐ 117-QĐ/TW) puts the member back on each
 * list the annulled sanction took them off, if the list's term still runs on the day it is ordered.
 */
export function restorationsOnAnnulment(order: PlanningRestorationOrder, lists: readonly PlanningListState[]): PlanningFollowUp[] {
  return lists.flatMap((list): PlanningFollowUp[] => {
    const entry = list.status === 'approved' ? list.entries[order.memberId] : undefined;
    if (list.status !== 'approved' || entry?.status !== 'removed' || entry.removedBy !== order.caseId) return [];
    if (!termRunsOn(list.list, order.orderedOn)) return [];
    return [
      {
        type: 'restoreToPlanning',
        planningListId: list.list.planningListId,
        data: {
          memberId: order.memberId,
          restoredOn: isAfter(entry.lastActOn, order.orderedOn) ? entry.lastActOn : order.orderedOn,
          disciplineDecisionId: order.caseId,
          appealId: order.appealId,
        },
      },
    ];
  });
}
