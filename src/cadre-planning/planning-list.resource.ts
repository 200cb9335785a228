import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { PlanningListCommand } from './domain/planning-list.commands.js';
import { allowedPlanningListCommands, planningListDecider, planningListMachine, planningListStreamId, STREAM_TYPE } from './domain/planning-list.decider.js';
import { PLANNING_LIST_ACT_DATES, type PlanningListEvent } from './domain/planning-list.events.js';
import type { PlanningListState } from './domain/planning-list.state.js';

export const planningLists: StreamResource<PlanningListCommand, PlanningListState, PlanningListEvent> = {
  streamType: STREAM_TYPE,
  decider: planningListDecider,
  actDates: PLANNING_LIST_ACT_DATES,
  streamId: planningListStreamId,
  // A restoration has no route of its own: it follows an annulment (planning-follow-ups.ts).
  allowedCommands: (state) => allowedPlanningListCommands(state).filter((type) => type !== 'restoreToPlanning'),
  acceptedIn: planningListMachine.acceptedIn,
  scopeOf: (state) => (state.status === 'none' ? [] : [{ organizationId: state.list.organizationId }]),
};

export const PlanningListsController = () => ResourceController('planning-lists', 'Cadre planning — quy hoạch cán bộ');
