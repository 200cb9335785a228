import { assertNever } from '../../shared/domain/decider.js';
import { endRunning, type DatedPeriod } from '../../shared/domain/dated-periods.js';
import type { Erasable } from '../../shared/domain/personal-data.js';
import type { IsoDate, Membership, OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { MemberEvent, Post } from './member.events.js';

export type HeldPost = Post & Readonly<{ takenUpOn: IsoDate }>;

/** A period in which the committee of `committeeOf` managed the member as a cadre. */
export type CadreManagement = DatedPeriod & Readonly<{ committeeOf: string }>;

/** The period still running, if any. */
export function currentCadreManagement(periods: readonly CadreManagement[]): CadreManagement | null {
  return periods.find((period) => period.until === null) ?? null;
}

export type MemberRecord = Readonly<{
  memberId: string;
  organizationId: string;
  fullName: Erasable<string>;
  birthDate: Erasable<IsoDate>;
  /** Erased for good (the key destroyed): name and birth date are null from then on. */
  personalDataErased: boolean;
  admittedOn: IsoDate;
  madeFullOn: IsoDate | null;
  posts: readonly HeldPost[];
  cadreManagement: readonly CadreManagement[];
  lastActOn: IsoDate;
}>;

export type LeavingKind = 'removed-from-roll' | 'released' | 'died' | 'expelled';

export type MemberState =
  | Readonly<{ status: 'not-admitted' }>
  | Readonly<{ status: 'probationary'; member: MemberRecord }>
  | Readonly<{ status: 'full'; member: MemberRecord }>
  | Readonly<{ status: 'left'; member: MemberRecord; membership: Membership; leftBy: LeavingKind; leftOn: IsoDate }>;

export type MemberStatus = MemberState['status'];

/** What discipline needs to know of a member: forms depend on membership and posts (Charter art. 35.2). */
export type MemberFacts = Readonly<{
  memberId: string;
  organizationId: string;
  membership: Membership;
  onRoll: boolean;
  posts: readonly HeldPost[];
  committeeLevels: readonly OrganizationLevel[];
  cadreManagement: readonly CadreManagement[];
}>;

export function memberFacts(state: MemberState): MemberFacts | null {
  if (state.status === 'not-admitted') return null;
  const { memberId, organizationId, posts, cadreManagement } = state.member;
  const membership = state.status === 'left' ? state.membership : state.status;
  const committeeLevels = posts.flatMap((post) => (post.committeeLevel === null ? [] : [post.committeeLevel]));
  return { memberId, organizationId, membership, onRoll: state.status !== 'left', posts, committeeLevels, cadreManagement };
}

export function initialMemberState(): MemberState {
  return { status: 'not-admitted' };
}

/** The state without name and birth date: after an erasure, or for a reader who may not see them. */
export function withoutPersonalFields(state: MemberState): MemberState {
  return state.status === 'not-admitted' ? state : { ...state, member: { ...state.member, fullName: null, birthDate: null } };
}

function leave(member: MemberRecord, membership: Membership, leftBy: LeavingKind, leftOn: IsoDate): MemberState {
  return { status: 'left', member: { ...member, lastActOn: leftOn }, membership, leftBy, leftOn };
}

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  if (event.type === 'MemberAdmitted') {
    const { memberId, organizationId, fullName, birthDate, admittedOn } = event.data;
    return {
      status: 'probationary',
      member: {
        memberId,
        organizationId,
        fullName,
        birthDate,
        personalDataErased: false,
        admittedOn,
        madeFullOn: null,
        posts: [],
        cadreManagement: [],
        lastActOn: admittedOn,
      },
    };
  }
  if (event.type === 'PersonalDataErased') {
    const erased = withoutPersonalFields(state);
    return erased.status === 'not-admitted' ? erased : { ...erased, member: { ...erased.member, personalDataErased: true } };
  }
  if (event.type === 'MembershipRestored') {
    return state.status === 'left' ? { status: state.membership, member: { ...state.member, lastActOn: event.data.restoredOn } } : state;
  }
  if (state.status !== 'probationary' && state.status !== 'full') return state;
  const { member, status } = state;
  switch (event.type) {
    case 'MemberMadeFull':
      return { status: 'full', member: { ...member, madeFullOn: event.data.madeFullOn, lastActOn: event.data.madeFullOn } };
    case 'MemberTransferred':
      return { status, member: { ...member, organizationId: event.data.toOrganizationId, lastActOn: event.data.transferredOn } };
    case 'PostTakenUp': {
      const { postId, title, organizationId, committeeLevel, takenUpOn } = event.data;
      const posts = [...member.posts, { postId, title, organizationId, committeeLevel, takenUpOn }];
      return { status, member: { ...member, posts, lastActOn: takenUpOn } };
    }
    case 'PostLeft': {
      const posts = member.posts.filter((post) => post.postId !== event.data.postId);
      return { status, member: { ...member, posts, lastActOn: event.data.leftOn } };
    }
    case 'CadreManagementAssigned': {
      const { committeeOf, assignedOn } = event.data;
      const cadreManagement = [...endRunning(member.cadreManagement, assignedOn), { committeeOf, from: assignedOn, until: null }];
      return { status, member: { ...member, cadreManagement } };
    }
    case 'CadreManagementEnded':
      return { status, member: { ...member, cadreManagement: endRunning(member.cadreManagement, event.data.endedOn) } };
    case 'MemberRemovedFromRoll':
      return leave(member, status, 'removed-from-roll', event.data.removedOn);
    case 'MemberReleased':
      return leave(member, status, 'released', event.data.releasedOn);
    case 'MemberDied':
      return leave(member, status, 'died', event.data.diedOn);
    case 'MemberExpelled':
      return leave(member, status, 'expelled', event.data.expelledOn);
    default:
      return assertNever(event);
  }
}
