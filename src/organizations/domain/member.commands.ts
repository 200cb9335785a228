import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { ErasureGround, RemovalGround } from './member.events.js';

export type AdmitMember = Command<'admitMember', { memberId: string; organizationId: string; fullName: string; birthDate: IsoDate; admittedOn: IsoDate }>;
export type MakeMemberFull = Command<'makeMemberFull', { madeFullOn: IsoDate }>;
export type TransferMember = Command<'transferMember', { toOrganizationId: string; transferredOn: IsoDate }>;
export type TakeUpPost = Command<
  'takeUpPost',
  { postId: string; title: string; organizationId: string; committeeLevel: OrganizationLevel | null; takenUpOn: IsoDate }
>;
export type LeavePost = Command<'leavePost', { postId: string; leftOn: IsoDate }>;
export type AssignCadreManagement = Command<'assignCadreManagement', { committeeOf: string; assignedOn: IsoDate }>;
export type EndCadreManagement = Command<'endCadreManagement', { endedOn: IsoDate }>;
export type RemoveFromRoll = Command<'removeFromRoll', { ground: RemovalGround; removedOn: IsoDate }>;
export type ReleaseMember = Command<'releaseMember', { reason: string; releasedOn: IsoDate }>;
export type RecordDeath = Command<'recordDeath', { diedOn: IsoDate }>;
export type RecordExpulsion = Command<'recordExpulsion', { disciplineDecisionId: string; expelledOn: IsoDate }>;
/** An annulled expulsion gives membership back (QĐ 117-QĐ/TW); recorded by the appeal process. */
export type RestoreMembership = Command<'restoreMembership', { disciplineDecisionId: string; appealId: string; restoredOn: IsoDate }>;
/** Erasure at the data subject's request or by law (Decree 13/2023/NĐ-CP art. 16); `reference` names the request or decision. */
export type ErasePersonalData = Command<'erasePersonalData', { ground: ErasureGround; reference: string }>;

export type MemberCommand =
  | AdmitMember
  | MakeMemberFull
  | TransferMember
  | TakeUpPost
  | LeavePost
  | AssignCadreManagement
  | EndCadreManagement
  | RemoveFromRoll
  | ReleaseMember
  | RecordDeath
  | RecordExpulsion
  | RestoreMembership
  | ErasePersonalData;
