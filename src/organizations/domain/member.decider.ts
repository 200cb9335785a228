import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { lastBoundary } from '../../shared/domain/dated-periods.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import { requireActDate, requireDatedFact, requireIsoDate, requireNotBefore, requireNotInFuture, requireText } from '../../shared/domain/input.js';
import { addMonths, compareIsoDates } from '../../shared/domain/iso-date.js';
import { transitions, type InStatus } from '../../shared/domain/transitions.js';
import { ORGANIZATION_LEVELS, type IsoDate } from '../../shared/domain/vocabulary.js';
import type { AdmitMember, AssignCadreManagement, MakeMemberFull, MemberCommand, RemoveFromRoll, TakeUpPost } from './member.commands.js';
import { ERASURE_GROUNDS, REMOVAL_GROUNDS, type MemberEvent } from './member.events.js';
import { currentCadreManagement, evolveMember, initialMemberState, type MemberRecord, type MemberState } from './member.state.js';

export const MEMBER_STREAM_TYPE = 'member';
export const STREAM_TYPE = MEMBER_STREAM_TYPE;
export function memberStreamId(memberId: string): string {
  return `${MEMBER_STREAM_TYPE}-${memberId}`;
}
export const streamId = memberStreamId;

/** A member who has left the roll (removed, released, died, expelled) accepts no command. */
export const memberMachine = transitions<MemberState>()({
  admitMember: ['not-admitted'],
  makeMemberFull: ['probationary'],
  transferMember: ['probationary', 'full'],
  takeUpPost: ['probationary', 'full'],
  leavePost: ['probationary', 'full'],
  assignCadreManagement: ['probationary', 'full'],
  endCadreManagement: ['probationary', 'full'],
  removeFromRoll: ['probationary', 'full'],
  releaseMember: ['probationary', 'full'],
  recordDeath: ['probationary', 'full'],
  recordExpulsion: ['probationary', 'full'],
  restoreMembership: ['left'],
  erasePersonalData: ['probationary', 'full', 'left'],
});

export type MemberCommandType = MemberCommand['type'];

/** Of the ways to leave the roll, only an expulsion can be undone (by its annulment); personal data is erased once. */
export function allowedMemberCommands(state: MemberState): MemberCommandType[] {
  const allowed = memberMachine.allowedCommands(state.status);
  if (state.status === 'not-admitted') return allowed;
  const spent = (type: MemberCommandType) =>
    (type === 'restoreMembership' && state.status === 'left' && state.leftBy !== 'expelled') ||
    (type === 'erasePersonalData' && state.member.personalDataErased) ||
    (type === 'endCadreManagement' && currentCadreManagement(state.member.cadreManagement) === null);
  return allowed.filter((type) => !spent(type));
}

/** Thời kỳ dự bị: twelve months from admission (Charter art. 5). */
export const PROBATION_MONTHS = 12;

function admit(command: AdmitMember): MemberEvent[] {
  const { memberId, organizationId, fullName, birthDate, admittedOn } = command.data;
  requireText('memberId', memberId);
  requireText('organizationId', organizationId);
  requireText('fullName', fullName);
  requireIsoDate('birthDate', birthDate);
  requireNotInFuture('admittedOn', admittedOn, command.metadata.today);
  if (compareIsoDates(birthDate, admittedOn) >= 0) {
    throw new InvalidInputError('birthDate', 'before-admission', { value: birthDate, admittedOn });
  }
  return [{ type: 'MemberAdmitted', data: { memberId, organizationId, fullName, birthDate, admittedOn } }];
}

function makeFull(command: MakeMemberFull, member: MemberRecord): MemberEvent[] {
  const { madeFullOn } = command.data;
  requireActDate('madeFullOn', madeFullOn, member.lastActOn, command.metadata.today);
  const probationEndsOn = addMonths(member.admittedOn, PROBATION_MONTHS);
  if (compareIsoDates(madeFullOn, probationEndsOn) < 0) {
    throw new RuleViolationError('probation-not-completed', {
      admittedOn: member.admittedOn,
      probationMonths: PROBATION_MONTHS,
      probationEndsOn,
      madeFullOn,
      reference: 'Charter art. 5',
    });
  }
  return [{ type: 'MemberMadeFull', data: { memberId: member.memberId, madeFullOn } }];
}

function takeUpPost(command: TakeUpPost, member: MemberRecord): MemberEvent[] {
  const { postId, title, organizationId, committeeLevel, takenUpOn } = command.data;
  requireText('postId', postId);
  requireText('title', title);
  requireText('organizationId', organizationId);
  if (committeeLevel !== null && !ORGANIZATION_LEVELS.includes(committeeLevel)) {
    throw new InvalidInputError('committeeLevel', 'organization-level', { value: committeeLevel });
  }
  if (member.posts.some((post) => post.postId === postId)) {
    throw new InvalidInputError('postId', 'not-held', { value: postId });
  }
  requireActDate('takenUpOn', takenUpOn, member.lastActOn, command.metadata.today);
  return [{ type: 'PostTakenUp', data: { memberId: member.memberId, postId, title, organizationId, committeeLevel, takenUpOn } }];
}

function assignCadreManagement(command: AssignCadreManagement, member: MemberRecord): MemberEvent[] {
  const { committeeOf, assignedOn } = command.data;
  requireText('committeeOf', committeeOf);
  if (currentCadreManagement(member.cadreManagement)?.committeeOf === committeeOf) {
    throw new InvalidInputError('committeeOf', 'changed', { value: committeeOf });
  }
  requireDatedFact('assignedOn', assignedOn, lastBoundary(member.cadreManagement) ?? member.admittedOn, command.metadata.today);
  return [{ type: 'CadreManagementAssigned', data: { memberId: member.memberId, committeeOf, assignedOn } }];
}

/** Leaving the roll ends every post first, so that current posts stay derivable from the stream alone. */
function endPosts(member: MemberRecord, leftOn: IsoDate): MemberEvent[] {
  return member.posts.map((post) => ({ type: 'PostLeft', data: { memberId: member.memberId, postId: post.postId, leftOn } }));
}

function removeFromRoll(command: RemoveFromRoll, state: InStatus<MemberState, 'probationary' | 'full'>): MemberEvent[] {
  const { ground, removedOn } = command.data;
  const { member } = state;
  if (!REMOVAL_GROUNDS.includes(ground)) throw new InvalidInputError('ground', 'removal-ground', { value: ground });
  requireActDate('removedOn', removedOn, member.lastActOn, command.metadata.today);
  if (ground === 'probation-not-qualified' && state.status !== 'probationary') {
    throw new RuleViolationError('removal-ground-probationary-only', {
      ground,
      membership: state.status,
      reference: 'Charter art. 8.1',
    });
  }
  return [...endPosts(member, removedOn), { type: 'MemberRemovedFromRoll', data: { memberId: member.memberId, ground, removedOn } }];
}

export function decideMember(command: MemberCommand, state: MemberState): MemberEvent[] {
  const { today } = command.metadata;
  const allowed = allowedMemberCommands(state);
  if (!allowed.includes(command.type)) throw new InvalidTransitionError(command.type, state.status, allowed);
  switch (command.type) {
    case 'admitMember':
      memberMachine.requireState(state, command.type);
      return admit(command);
    case 'makeMemberFull':
      return makeFull(command, memberMachine.requireState(state, command.type).member);
    case 'transferMember': {
      const { member } = memberMachine.requireState(state, command.type);
      const { toOrganizationId, transferredOn } = command.data;
      requireText('toOrganizationId', toOrganizationId);
      if (toOrganizationId === member.organizationId) {
        throw new InvalidInputError('toOrganizationId', 'changed', { value: toOrganizationId });
      }
      requireActDate('transferredOn', transferredOn, member.lastActOn, today);
      const data = { memberId: member.memberId, fromOrganizationId: member.organizationId, toOrganizationId, transferredOn };
      return [{ type: 'MemberTransferred', data }];
    }
    case 'takeUpPost':
      return takeUpPost(command, memberMachine.requireState(state, command.type).member);
    case 'leavePost': {
      const { member } = memberMachine.requireState(state, command.type);
      const { postId, leftOn } = command.data;
      const post = member.posts.find((held) => held.postId === postId);
      if (!post) throw new InvalidInputError('postId', 'held', { value: postId });
      requireActDate('leftOn', leftOn, member.lastActOn, today);
      requireNotBefore('leftOn', leftOn, post.takenUpOn, 'taken-up-on');
      return [{ type: 'PostLeft', data: { memberId: member.memberId, postId, leftOn } }];
    }
    case 'assignCadreManagement':
      return assignCadreManagement(command, memberMachine.requireState(state, command.type).member);
    case 'endCadreManagement': {
      const { member } = memberMachine.requireState(state, command.type);
      const { endedOn } = command.data;
      const managed = currentCadreManagement(member.cadreManagement);
      if (!managed) throw new InvalidTransitionError(command.type, state.status, allowed);
      requireDatedFact('endedOn', endedOn, managed.from, today);
      return [{ type: 'CadreManagementEnded', data: { memberId: member.memberId, committeeOf: managed.committeeOf, endedOn } }];
    }
    case 'removeFromRoll':
      return removeFromRoll(command, memberMachine.requireState(state, command.type));
    case 'releaseMember': {
      const { member } = memberMachine.requireState(state, command.type);
      const { reason, releasedOn } = command.data;
      requireText('reason', reason);
      requireActDate('releasedOn', releasedOn, member.lastActOn, today);
      return [...endPosts(member, releasedOn), { type: 'MemberReleased', data: { memberId: member.memberId, reason, releasedOn } }];
    }
    case 'recordDeath': {
      const { member } = memberMachine.requireState(state, command.type);
      const { diedOn } = command.data;
      requireActDate('diedOn', diedOn, member.lastActOn, today);
      return [...endPosts(member, diedOn), { type: 'MemberDied', data: { memberId: member.memberId, diedOn } }];
    }
    case 'recordExpulsion': {
      const current = memberMachine.requireState(state, command.type);
      const { member } = current;
      const { disciplineDecisionId, expelledOn } = command.data;
      if (current.status === 'probationary') {
        throw new RuleViolationError('expulsion-full-members-only', {
          membership: current.status,
          reference: 'Charter art. 35.2; QĐ 69-QĐ/TW art. 7',
        });
      }
      requireText('disciplineDecisionId', disciplineDecisionId);
      requireActDate('expelledOn', expelledOn, member.lastActOn, today);
      return [...endPosts(member, expelledOn), { type: 'MemberExpelled', data: { memberId: member.memberId, disciplineDecisionId, expelledOn } }];
    }
    case 'restoreMembership': {
      const left = memberMachine.requireState(state, command.type);
      const { disciplineDecisionId, appealId, restoredOn } = command.data;
      requireText('disciplineDecisionId', disciplineDecisionId);
      requireText('appealId', appealId);
      requireActDate('restoredOn', restoredOn, left.member.lastActOn, today);
      return [{ type: 'MembershipRestored', data: { memberId: left.member.memberId, disciplineDecisionId, appealId, restoredOn } }];
    }
    case 'erasePersonalData': {
      const { member } = memberMachine.requireState(state, command.type);
      const { ground, reference } = command.data;
      if (!ERASURE_GROUNDS.includes(ground)) throw new InvalidInputError('ground', 'erasure-ground', { value: ground });
      requireText('reference', reference);
      return [{ type: 'PersonalDataErased', data: { memberId: member.memberId, ground, reference } }];
    }
    default:
      return assertNever(command);
  }
}

export const memberDecider: Decider<MemberCommand, MemberState, MemberEvent> = {
  decide: decideMember,
  evolve: evolveMember,
  initialState: initialMemberState,
};
