import { FIELDWORK_ROLES } from '../shared/access/policy.js';
import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { InspectionCommand } from './domain/inspection.commands.js';
import { allowedInspectionCommands, inspectionDecider, inspectionMachine, inspectionStreamId, STREAM_TYPE } from './domain/inspection.decider.js';
import { INSPECTION_ACT_DATES, type InspectionEvent } from './domain/inspection.events.js';
import type { InspectionState } from './domain/inspection.state.js';

export const inspections: StreamResource<InspectionCommand, InspectionState, InspectionEvent> = {
  streamType: STREAM_TYPE,
  decider: inspectionDecider,
  actDates: INSPECTION_ACT_DATES,
  streamId: inspectionStreamId,
  allowedCommands: allowedInspectionCommands,
  acceptedIn: inspectionMachine.acceptedIn,
  commandRoles: FIELDWORK_ROLES,
  // The inspecting body's organization and its superiors, not the subject: an inspection of a member is
  // not the member's cell's to read.
  scopeOf: (state) => (state.status === 'not-proposed' ? [] : [{ organizationId: state.proposal.body.organizationId }]),
};

export const InspectionsController = () => ResourceController('inspections', 'Inspections — kiểm tra');
