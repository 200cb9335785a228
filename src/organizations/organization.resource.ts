import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { OrganizationCommand } from './domain/organization.commands.js';
import { allowedOrganizationCommands, organizationDecider, organizationMachine, organizationStreamId, STREAM_TYPE } from './domain/organization.decider.js';
import { ORGANIZATION_ACT_DATES, type OrganizationEvent } from './domain/organization.events.js';
import type { OrganizationState } from './domain/organization.state.js';

export const organizations: StreamResource<OrganizationCommand, OrganizationState, OrganizationEvent> = {
  streamType: STREAM_TYPE,
  decider: organizationDecider,
  actDates: ORGANIZATION_ACT_DATES,
  streamId: organizationStreamId,
  // `absorb` has no route of its own: the predecessor's merge sends it to the successor.
  allowedCommands: (state) => allowedOrganizationCommands(state).filter((type) => type !== 'absorb'),
  acceptedIn: organizationMachine.acceptedIn,
  // Its parent too: an organization being founded is reached through the one it is founded under.
  scopeOf: (state) =>
    state.status === 'not-founded'
      ? []
      : [{ organizationId: state.organization.organizationId }, ...(state.organization.parentId ? [{ organizationId: state.organization.parentId }] : [])],
};

export const OrganizationsController = () => ResourceController('organizations', 'Organizations — tổ chức đảng');
