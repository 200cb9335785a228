import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError, RuleViolationError } from '../../shared/domain/errors.js';
import { requireNotBefore, requireNotInFuture, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { AddToPlanning, ApprovePlanningList, PlanningListCommand, RemoveFromPlanning, RestoreToPlanning } from './planning-list.commands.js';
import type { PlanningListEvent } from './planning-list.events.js';
import { evolvePlanningList, initialPlanningListState, termRunsOn, type PlanningEntry, type PlanningListState } from './planning-list.state.js';

export const PLANNING_LIST_STREAM_TYPE = 'planning-list';
export const STREAM_TYPE = PLANNING_LIST_STREAM_TYPE;
export function planningListStreamId(planningListId: string): string {
  return `${PLANNING_LIST_STREAM_TYPE}-${planningListId}`;
}

export const planningListMachine = transitions<PlanningListState>()({
  approvePlanningList: ['none'],
  addToPlanning: ['approved'],
  removeFromPlanning: ['approved'],
  restoreToPlanning: ['approved'],
});

export function allowedPlanningListCommands(state: PlanningListState): PlanningListCommand['type'][] {
  return planningListMachine.allowedCommands(state.status);
}

type Approved = Extract<PlanningListState, { status: 'approved' }>;

function requireYear(field: string, year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new InvalidInputError(field, 'calendar-year', { value: year });
}

function requireTermRunning(state: Approved, on: IsoDate): void {
  if (!termRunsOn(state.list, on)) {
    throw new RuleViolationError('planning-term-ended', { planningListId: state.list.planningListId, toYear: state.list.term.toYear, on });
  }
}

/** An act on a member of the list: dated on or after the list's approval and the member's last act on it. */
function requireEntryDate(field: string, value: IsoDate, state: Approved, entry: PlanningEntry | undefined, today: IsoDate): void {
  requireNotInFuture(field, value, today);
  requireNotBefore(field, value, state.approvedOn, 'approval');
  if (entry) requireNotBefore(field, value, entry.lastActOn, 'last-act');
}

function approve(command: ApprovePlanningList): PlanningListEvent[] {
  const { planningListId, organizationId, target, term, approvedOn, decision } = command.data;
  requireText('planningListId', planningListId);
  requireText('organizationId', organizationId);
  requireYear('term.fromYear', term.fromYear);
  requireYear('term.toYear', term.toYear);
  if (term.toYear < term.fromYear) throw new InvalidInputError('term.toYear', 'not-before-from', { from: term.fromYear, to: term.toYear });
  requireNotInFuture('approvedOn', approvedOn, command.metadata.today);
  requireText('decision', decision);
  return [{ type: 'PlanningListApproved', data: { planningListId, organizationId, target, term, approvedOn, decision } }];
}

/**
 * Adding a member: not one already on the list, within the term, and only a member the record lets be
 * planned that day (on the roll, no planning bar running: rulebook/consequences.ts).
 */
function add(command: AddToPlanning, state: Approved): PlanningListEvent[] {
  const { memberId, addedOn, decision, standing } = command.data;
  requireText('memberId', memberId);
  requireText('decision', decision);
  const entry = state.entries[memberId];
  if (entry?.status === 'in-planning') throw new RuleViolationError('already-in-planning', { memberId, planningListId: state.list.planningListId });
  requireEntryDate('addedOn', addedOn, state, entry, command.metadata.today);
  requireTermRunning(state, addedOn);
  if (!standing.eligible) throw new RuleViolationError('planning-bar', { memberId, on: addedOn, reason: standing.reason, barredUntil: standing.barredUntil });
  return [{ type: 'MemberAddedToPlanning', data: { planningListId: state.list.planningListId, memberId, addedOn, decision, list: state.list } }];
}

function remove(command: RemoveFromPlanning, state: Approved): PlanningListEvent[] {
  const { memberId, removedOn, reason, decision, disciplineDecisionId } = command.data;
  requireText('decision', decision);
  const entry = state.entries[memberId];
  if (entry?.status !== 'in-planning') throw new RuleViolationError('not-in-planning', { memberId, planningListId: state.list.planningListId });
  requireEntryDate('removedOn', removedOn, state, entry, command.metadata.today);
  return [
    {
      type: 'MemberRemovedFromPlanning',
      data: { planningListId: state.list.planningListId, memberId, removedOn, reason, decision, disciplineDecisionId, list: state.list },
    },
  ];
}

/** Back on the list only where the annulled sanction took the member off it, and while the term runs (QĐ 117-QĐ/TW). */
function restore(command: RestoreToPlanning, state: Approved): PlanningListEvent[] {
  const { memberId, restoredOn, disciplineDecisionId, appealId } = command.data;
  const entry = state.entries[memberId];
  if (entry?.status !== 'removed' || entry.removedBy !== disciplineDecisionId) {
    throw new RuleViolationError('not-removed-by-sanction', { memberId, disciplineDecisionId, planningListId: state.list.planningListId });
  }
  requireEntryDate('restoredOn', restoredOn, state, entry, command.metadata.today);
  requireTermRunning(state, restoredOn);
  return [
    {
      type: 'MemberRestoredToPlanning',
      data: { planningListId: state.list.planningListId, memberId, restoredOn, disciplineDecisionId, appealId, list: state.list },
    },
  ];
}

export function decidePlanningList(command: PlanningListCommand, state: PlanningListState): PlanningListEvent[] {
  switch (command.type) {
    case 'approvePlanningList':
      planningListMachine.requireState(state, command.type);
      return approve(command);
    case 'addToPlanning':
      return add(command, planningListMachine.requireState(state, command.type));
    case 'removeFromPlanning':
      return remove(command, planningListMachine.requireState(state, command.type));
    case 'restoreToPlanning':
      return restore(command, planningListMachine.requireState(state, command.type));
    default:
      return assertNever(command);
  }
}

export const planningListDecider: Decider<PlanningListCommand, PlanningListState, PlanningListEvent> = {
  decide: decidePlanningList,
  evolve: evolvePlanningList,
  initialState: initialPlanningListState,
};
