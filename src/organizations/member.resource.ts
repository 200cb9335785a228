import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { MemberCommand } from './domain/member.commands.js';
import { allowedMemberCommands, memberDecider, memberMachine, memberStreamId, STREAM_TYPE } from './domain/member.decider.js';
import { MEMBER_ACT_DATES, MEMBER_PERSONAL_DATA, type MemberEvent } from './domain/member.events.js';
import { withoutPersonalFields, type MemberState } from './domain/member.state.js';

export const members: StreamResource<MemberCommand, MemberState, MemberEvent> = {
  streamType: STREAM_TYPE,
  decider: memberDecider,
  actDates: MEMBER_ACT_DATES,
  streamId: memberStreamId,
  // Recorded by the discipline process (an expulsion taking effect, its annulment), not through a route here.
  allowedCommands: (state) => allowedMemberCommands(state).filter((type) => type !== 'recordExpulsion' && type !== 'restoreMembership'),
  acceptedIn: memberMachine.acceptedIn,
  scopeOf: (state) => (state.status === 'not-admitted' ? [] : [{ organizationId: state.member.organizationId }]),
  personalData: MEMBER_PERSONAL_DATA,
  withoutPersonalData: withoutPersonalFields,
};

export const MembersController = () => ResourceController('members', 'Members — đảng viên');
