import { isAfter, removesFromPlanning, type RuleVersion } from '../../rulebook/index.js';
import type { IsoDate, SanctionForm } from '../../shared/domain/vocabulary.js';
import type { RemoveFromPlanning, RestoreToPlanning } from './planning-list.commands.js';
import type { PlanningListRef } from './planning-list.events.js';
import { termRunsOn, type PlanningEntry, type PlanningListState } from './planning-list.state.js';

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

/** The member's place on each approved list that has one, beside the list. */
function placesOf(memberId: string, lists: readonly PlanningListState[]): { list: PlanningListRef; entry: PlanningEntry }[] {
  return lists.flatMap((state) => {
    const entry = state.status === 'approved' ? state.entries[memberId] : undefined;
    return state.status === 'approved' && entry ? [{ list: state.list, entry }] : [];
  });
}

/** The day of a follow-up act: the day of its cause, or the member's last act on the list when that came later (a cause recorded late). */
function actDay(entry: PlanningEntry, day: IsoDate): IsoDate {
  return isAfter(entry.lastActOn, day) ? entry.lastActOn : day;
}

/**
 * A sanction whose form takes the member off planning (rulebook/consequences.ts, by the version pinned on
 * the decision) removes the member from every list they are on, on the day it takes effect.
 */
export function removalsOnEffect(sanction: SanctionInEffect, lists: readonly PlanningListState[]): PlanningFollowUp[] {
  if (!removesFromPlanning(sanction.form, sanction.version).removes) return [];
  return placesOf(sanction.memberId, lists)
    .filter(({ entry }) => entry.status === 'in-planning')
    .map(({ list, entry }) => ({
      type: 'removeFromPlanning',
      planningListId: list.planningListId,
      data: {
        memberId: sanction.memberId,
        removedOn: actDay(entry, sanction.effectiveOn),
        reason: 'discipline',
        decision: sanction.decisionNumber,
        disciplineDecisionId: sanction.caseId,
      },
    }));
}

/**
 * An annulment that orders cadre-planning eligibility restored (QĐ 117-QĐ/TW) puts the member back on each
 * list the annulled sanction took them off, if the list's term still runs on the day it is ordered.
 */
export function restorationsOnAnnulment(order: PlanningRestorationOrder, lists: readonly PlanningListState[]): PlanningFollowUp[] {
  return placesOf(order.memberId, lists)
    .filter(({ list, entry }) => entry.status === 'removed' && entry.removedBy === order.caseId && termRunsOn(list, order.orderedOn))
    .map(({ list, entry }) => ({
      type: 'restoreToPlanning',
      planningListId: list.planningListId,
      data: { memberId: order.memberId, restoredOn: actDay(entry, order.orderedOn), disciplineDecisionId: order.caseId, appealId: order.appealId },
    }));
}
