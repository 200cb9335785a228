import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { PlanningRemovalReason, PlanningTarget, PlanningTerm } from './planning-list.events.js';

/** Whether the member may be planned on the day of the act, as the member record derives it. */
export type PlanningStanding = Readonly<{ eligible: boolean; barredUntil: IsoDate | null; reason: 'not-on-roll' | 'planning-bar' | null }>;

export type ApprovePlanningList = Command<
  'approvePlanningList',
  { planningListId: string; organizationId: string; target: PlanningTarget; term: PlanningTerm; approvedOn: IsoDate; decision: string }
>;
export type AddToPlanning = Command<'addToPlanning', { memberId: string; addedOn: IsoDate; decision: string; standing: PlanningStanding }>;
export type RemoveFromPlanning = Command<
  'removeFromPlanning',
  { memberId: string; removedOn: IsoDate; reason: PlanningRemovalReason; decision: string; disciplineDecisionId: string | null }
>;
export type RestoreToPlanning = Command<'restoreToPlanning', { memberId: string; restoredOn: IsoDate; disciplineDecisionId: string; appealId: string }>;

export type PlanningListCommand = ApprovePlanningList | AddToPlanning | RemoveFromPlanning | RestoreToPlanning;
