import type { Event } from '../../shared/domain/decider.js';
import { declarePersonalData, type Erasable } from '../../shared/domain/personal-data.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, OrganizationLevel } from '../../shared/domain/vocabulary.js';

/** Grounds for xóa tên (Charter art. 8.1; guidance QĐ 24/29 point 8.1, now QĐ 294); not a sanction. */
export const REMOVAL_GROUNDS = [
  'no-activity-or-dues-3-months',
  'card-returned-or-destroyed',
  'no-progress-after-12-months-education',
  'failed-standards-two-years',
  'political-standard-not-met',
  'probation-not-qualified',
] as const;
export type RemovalGround = (typeof REMOVAL_GROUNDS)[number];

/** A post (chức vụ); `committeeLevel` is the level of the committee when the post is a seat on one (cấp ủy viên). */
export type Post = Readonly<{ postId: string; title: string; organizationId: string; committeeLevel: OrganizationLevel | null }>;

/** The cases in which a data subject may have their personal data erased (Decree 13/2023/NĐ-CP art. 16.1 a–đ). */
export const ERASURE_GROUNDS = ['no-longer-necessary', 'consent-withdrawn', 'objection-upheld', 'unlawful-processing', 'required-by-law'] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** Kết nạp: admission starts a probation (đảng viên dự bị). Name and birth date are personal data. */
export type MemberAdmitted = Event<
  'MemberAdmitted',
  { memberId: string; organizationId: string; fullName: Erasable<string>; birthDate: Erasable<IsoDate>; admittedOn: IsoDate }
>;
/** Công nhận đảng viên chính thức. */
export type MemberMadeFull = Event<'MemberMadeFull', { memberId: string; madeFullOn: IsoDate }>;
/** Chuyển sinh hoạt đảng. */
export type MemberTransferred = Event<'MemberTransferred', { memberId: string; fromOrganizationId: string; toOrganizationId: string; transferredOn: IsoDate }>;
export type PostTakenUp = Event<'PostTakenUp', Post & { memberId: string; takenUpOn: IsoDate }>;
export type PostLeft = Event<'PostLeft', { memberId: string; postId: string; leftOn: IsoDate }>;
export type MemberRemovedFromRoll = Event<'MemberRemovedFromRoll', { memberId: string; ground: RemovalGround; removedOn: IsoDate }>;
/** Cho ra khỏi Đảng. */
export type MemberReleased = Event<'MemberReleased', { memberId: string; reason: string; releasedOn: IsoDate }>;
export type MemberDied = Event<'MemberDied', { memberId: string; diedOn: IsoDate }>;
/** Khai trừ, recorded here when the discipline decision takes effect. */
export type MemberExpelled = Event<'MemberExpelled', { memberId: string; disciplineDecisionId: string; expelledOn: IsoDate }>;

/**
 * Cán bộ diện cấp ủy quản lý: from `assignedOn` the committee of `committeeOf` manages the member as a cadre
 * (authority over such members is narrower: Charter art. 36; QĐ 296-QĐ/TW art. 10-11). A new assignment replaces
 * the one before.
 */
export type CadreManagementAssigned = Event<'CadreManagementAssigned', { memberId: string; committeeOf: string; assignedOn: IsoDate }>;
export type CadreManagementEnded = Event<'CadreManagementEnded', { memberId: string; committeeOf: string; endedOn: IsoDate }>;

/** Phục hồi đảng tịch: the expulsion was annulled (QĐ 117-QĐ/TW). */
export type MembershipRestored = Event<'MembershipRestored', { memberId: string; disciplineDecisionId: string; appealId: string; restoredOn: IsoDate }>;

/**
 * Xóa dữ liệu cá nhân (Decree 13/2023/NĐ-CP art. 16): the member's key is destroyed, so that name and birth
 * date can no longer be read; who and when are the event's actor and record time. It holds no personal data.
 */
export type PersonalDataErased = Event<'PersonalDataErased', { memberId: string; ground: ErasureGround; reference: string }>;

export type MemberEvent =
  | MemberAdmitted
  | MemberMadeFull
  | MemberTransferred
  | PostTakenUp
  | PostLeft
  | CadreManagementAssigned
  | CadreManagementEnded
  | MemberRemovedFromRoll
  | MemberReleased
  | MemberDied
  | MemberExpelled
  | MembershipRestored
  | PersonalDataErased;

/** Sealed with the member's own key before they are stored; the key's destruction erases them. */
export const MEMBER_PERSONAL_DATA = declarePersonalData<MemberEvent>({
  fields: { MemberAdmitted: { subject: 'memberId', fields: ['fullName', 'birthDate'] } },
  erasure: { type: 'PersonalDataErased', subject: 'memberId' },
});

export const MEMBER_ACT_DATES: ActDates<MemberEvent> = {
  MemberAdmitted: (e) => e.data.admittedOn,
  MemberMadeFull: (e) => e.data.madeFullOn,
  MemberTransferred: (e) => e.data.transferredOn,
  PostTakenUp: (e) => e.data.takenUpOn,
  PostLeft: (e) => e.data.leftOn,
  CadreManagementAssigned: (e) => e.data.assignedOn,
  CadreManagementEnded: (e) => e.data.endedOn,
  MemberRemovedFromRoll: (e) => e.data.removedOn,
  MemberReleased: (e) => e.data.releasedOn,
  MemberDied: (e) => e.data.diedOn,
  MemberExpelled: (e) => e.data.expelledOn,
  MembershipRestored: (e) => e.data.restoredOn,
  // An erasure is dated by its recording: the act is the key's destruction, then and there.
  PersonalDataErased: () => null,
};
