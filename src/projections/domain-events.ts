import { PLANNING_LIST_ACT_DATES, type PlanningListEvent } from '../cadre-planning/domain/planning-list.events.js';
import { APPEAL_ACT_DATES, type AppealEvent } from '../discipline/domain/appeal.events.js';
import { DISCIPLINE_CASE_ACT_DATES, type DisciplineCaseEvent } from '../discipline/domain/discipline-case.events.js';
import { INSPECTION_ACT_DATES, type InspectionEvent } from '../inspections/domain/inspection.events.js';
import { MEMBER_ACT_DATES, type MemberEvent } from '../organizations/domain/member.events.js';
import { ORGANIZATION_ACT_DATES, type OrganizationEvent } from '../organizations/domain/organization.events.js';
import { QUALITY_CLASSIFICATION_ACT_DATES, type QualityClassificationEvent } from '../reviews/domain/quality-classification.events.js';
import { SELF_CRITICISM_REVIEW_ACT_DATES, type SelfCriticismReviewEvent } from '../reviews/domain/self-criticism-review.events.js';
import { SUPERVISION_ACT_DATES, type SupervisionEvent } from '../supervisions/domain/supervision.events.js';

/** Every event the domains record: what a projection may subscribe to. */
export type DomainEvent =
  | OrganizationEvent
  | MemberEvent
  | InspectionEvent
  | SupervisionEvent
  | SelfCriticismReviewEvent
  | QualityClassificationEvent
  | DisciplineCaseEvent
  | AppealEvent
  | PlanningListEvent;

export type DomainEventType = DomainEvent['type'];

/** The event types of a table keyed by them (a handler per type), typed as such. */
export function typesOf<T extends Partial<Record<DomainEventType, unknown>>>(table: T): (keyof T & DomainEventType)[] {
  return Object.keys(table) as (keyof T & DomainEventType)[];
}

/** Each domain's event types at run time: each declares the act date of every type it has (ActDates is exhaustive). */
export const ORGANIZATION_EVENT_TYPES = typesOf(ORGANIZATION_ACT_DATES);
export const MEMBER_EVENT_TYPES = typesOf(MEMBER_ACT_DATES);
export const INSPECTION_EVENT_TYPES = typesOf(INSPECTION_ACT_DATES);
export const SUPERVISION_EVENT_TYPES = typesOf(SUPERVISION_ACT_DATES);
export const SELF_CRITICISM_REVIEW_EVENT_TYPES = typesOf(SELF_CRITICISM_REVIEW_ACT_DATES);
export const QUALITY_CLASSIFICATION_EVENT_TYPES = typesOf(QUALITY_CLASSIFICATION_ACT_DATES);
export const DISCIPLINE_CASE_EVENT_TYPES = typesOf(DISCIPLINE_CASE_ACT_DATES);
export const APPEAL_EVENT_TYPES = typesOf(APPEAL_ACT_DATES);
export const PLANNING_LIST_EVENT_TYPES = typesOf(PLANNING_LIST_ACT_DATES);
/** The acts on a member of a planning list (all but the list's approval). */
export const PLANNING_ACT_TYPES = PLANNING_LIST_EVENT_TYPES.filter((type) => type !== 'PlanningListApproved');

export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  ...ORGANIZATION_EVENT_TYPES,
  ...MEMBER_EVENT_TYPES,
  ...INSPECTION_EVENT_TYPES,
  ...SUPERVISION_EVENT_TYPES,
  ...SELF_CRITICISM_REVIEW_EVENT_TYPES,
  ...QUALITY_CLASSIFICATION_EVENT_TYPES,
  ...DISCIPLINE_CASE_EVENT_TYPES,
  ...APPEAL_EVENT_TYPES,
  ...PLANNING_LIST_EVENT_TYPES,
];

/** Whether a recorded event's type is one of these. */
export function isOneOf<T extends string>(types: readonly T[], type: string): type is T {
  return (types as readonly string[]).includes(type);
}
