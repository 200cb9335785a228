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
  | AppealEvent;

export type DomainEventType = DomainEvent['type'];

/** The same, at run time: each domain declares the act date of every event type it has (ActDates is exhaustive). */
export const DOMAIN_EVENT_TYPES = [
  ORGANIZATION_ACT_DATES,
  MEMBER_ACT_DATES,
  INSPECTION_ACT_DATES,
  SUPERVISION_ACT_DATES,
  SELF_CRITICISM_REVIEW_ACT_DATES,
  QUALITY_CLASSIFICATION_ACT_DATES,
  DISCIPLINE_CASE_ACT_DATES,
  APPEAL_ACT_DATES,
].flatMap((actDates) => Object.keys(actDates)) as readonly DomainEventType[];

/** The event types of a table keyed by them (a handler per type), typed as such. */
export function typesOf<T extends Partial<Record<DomainEventType, unknown>>>(table: T): (keyof T & DomainEventType)[] {
  return Object.keys(table) as (keyof T & DomainEventType)[];
}

/** Whether a recorded event's type is one of these. */
export function isOneOf<T extends string>(types: readonly T[], type: string): type is T {
  return (types as readonly string[]).includes(type);
}
