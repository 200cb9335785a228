import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';

/**
 * What a list plans for: seats on the committee (ban chấp hành), on its standing committee, the key posts
 * (bí thư, phó bí thư, chủ chốt), or the heads of the organization's departments (lãnh đạo cấp phòng, ban).
 */
export const PLANNING_TARGETS = ['executive-committee', 'standing-committee', 'key-posts', 'department-heads'] as const;
export type PlanningTarget = (typeof PLANNING_TARGETS)[number];

/** The term planned for, by its years (nhiệm kỳ 2020-2025). */
export type PlanningTerm = Readonly<{ fromYear: number; toYear: number }>;

/** Why a member leaves a list: a sanction taking effect, or the committee's review (not meeting the standards, duties not completed, a violation). */
export const PLANNING_REMOVAL_REASONS = ['discipline', 'standards-not-met', 'duties-not-completed', 'violation', 'other'] as const;
export type PlanningRemovalReason = (typeof PLANNING_REMOVAL_REASONS)[number];
export const REVIEW_REMOVAL_REASONS = PLANNING_REMOVAL_REASONS.filter((reason) => reason !== 'discipline');

/** The list an act belongs to, repeated on every act so that a reader of one act needs no other stream. */
export type PlanningListRef = Readonly<{ planningListId: string; organizationId: string; target: PlanningTarget; term: PlanningTerm }>;

/** Quy hoạch cán bộ: the organization's committee approves a planning list for a term, by a decision. */
export type PlanningListApproved = Event<'PlanningListApproved', PlanningListRef & { approvedOn: IsoDate; decision: string }>;
/** Đưa vào (bổ sung) quy hoạch. */
export type MemberAddedToPlanning = Event<
  'MemberAddedToPlanning',
  { planningListId: string; memberId: string; addedOn: IsoDate; decision: string; list: PlanningListRef }
>;
/** Đưa ra khỏi quy hoạch; `disciplineDecisionId` names the sanction that removed the member, if one did. */
export type MemberRemovedFromPlanning = Event<
  'MemberRemovedFromPlanning',
  {
    planningListId: string;
    memberId: string;
    removedOn: IsoDate;
    reason: PlanningRemovalReason;
    decision: string;
    disciplineDecisionId: string | null;
    list: PlanningListRef;
  }
>;
/** Back on the list: the sanction that removed the member was annulled (QĐ 117-QĐ/TW). */
export type MemberRestoredToPlanning = Event<
  'MemberRestoredToPlanning',
  { planningListId: string; memberId: string; restoredOn: IsoDate; disciplineDecisionId: string; appealId: string; list: PlanningListRef }
>;

export type PlanningListEvent = PlanningListApproved | MemberAddedToPlanning | MemberRemovedFromPlanning | MemberRestoredToPlanning;

/** The acts on a member of the list, the events that the member record and the statistics follow. */
export type PlanningActEvent = Exclude<PlanningListEvent, PlanningListApproved>;

export const PLANNING_LIST_ACT_DATES: ActDates<PlanningListEvent> = {
  PlanningListApproved: (e) => e.data.approvedOn,
  MemberAddedToPlanning: (e) => e.data.addedOn,
  MemberRemovedFromPlanning: (e) => e.data.removedOn,
  MemberRestoredToPlanning: (e) => e.data.restoredOn,
};
