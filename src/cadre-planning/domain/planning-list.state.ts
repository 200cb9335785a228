import { assertNever } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { PlanningListEvent, PlanningListRef } from './planning-list.events.js';

/** A member's place on the list: on it, or taken off (by the sanction `removedBy`, if one did). */
export type PlanningEntry = Readonly<{ memberId: string; status: 'in-planning' | 'removed'; lastActOn: IsoDate; removedBy: string | null }>;

export type PlanningListState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'approved'; list: PlanningListRef; approvedOn: IsoDate; decision: string; entries: Readonly<Record<string, PlanningEntry>> }>;

/** A list plans for its term: once the term's last year is over, nobody is added or restored to it. */
export function termRunsOn(list: PlanningListRef, on: IsoDate): boolean {
  return Number(on.slice(0, 4)) <= list.term.toYear;
}

export type PlanningListStatus = PlanningListState['status'];

export function initialPlanningListState(): PlanningListState {
  return { status: 'none' };
}

function withEntry(state: PlanningListState, entry: PlanningEntry): PlanningListState {
  return state.status === 'approved' ? { ...state, entries: { ...state.entries, [entry.memberId]: entry } } : state;
}

export function evolvePlanningList(state: PlanningListState, event: PlanningListEvent): PlanningListState {
  switch (event.type) {
    case 'PlanningListApproved': {
      const { approvedOn, decision, ...list } = event.data;
      return { status: 'approved', list, approvedOn, decision, entries: {} };
    }
    case 'MemberAddedToPlanning':
      return withEntry(state, { memberId: event.data.memberId, status: 'in-planning', lastActOn: event.data.addedOn, removedBy: null });
    case 'MemberRemovedFromPlanning':
      return withEntry(state, {
        memberId: event.data.memberId,
        status: 'removed',
        lastActOn: event.data.removedOn,
        removedBy: event.data.disciplineDecisionId,
      });
    case 'MemberRestoredToPlanning':
      return withEntry(state, { memberId: event.data.memberId, status: 'in-planning', lastActOn: event.data.restoredOn, removedBy: null });
    default:
      return assertNever(event);
  }
}
