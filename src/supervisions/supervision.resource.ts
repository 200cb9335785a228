import { FIELDWORK_ROLES } from '../shared/access/policy.js';
import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { SupervisionCommand } from './domain/supervision.commands.js';
import { allowedSupervisionCommands, STREAM_TYPE, supervisionDecider, supervisionMachine, supervisionStreamId } from './domain/supervision.decider.js';
import { SUPERVISION_ACT_DATES, type SupervisionEvent } from './domain/supervision.events.js';
import type { SupervisionState } from './domain/supervision.state.js';

export const supervisions: StreamResource<SupervisionCommand, SupervisionState, SupervisionEvent> = {
  streamType: STREAM_TYPE,
  decider: supervisionDecider,
  actDates: SUPERVISION_ACT_DATES,
  streamId: supervisionStreamId,
  allowedCommands: allowedSupervisionCommands,
  acceptedIn: supervisionMachine.acceptedIn,
  commandRoles: FIELDWORK_ROLES,
  scopeOf: (state) => (state.status === 'not-started' ? [] : [{ organizationId: state.supervision.body.organizationId }]),
};

export const SupervisionsController = () => ResourceController('supervisions', 'Supervisions — giám sát');
