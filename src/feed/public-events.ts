import type { AppealEvent } from '../discipline/domain/appeal.events.js';
import type { DisciplineCaseOpened } from '../discipline/domain/discipline-case.events.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import {
  INSPECTION_EVENT_TYPES,
  PLANNING_LIST_EVENT_TYPES,
  QUALITY_CLASSIFICATION_EVENT_TYPES,
  SELF_CRITICISM_REVIEW_EVENT_TYPES,
  SUPERVISION_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
} from '../projections/domain-events.js';
import type { SubjectFacts } from '../rulebook/index.js';
import type { SubjectRef } from '../shared/domain/vocabulary.js';
import { PUBLIC_EVENTS, type PublicEventData, type PublicEventType } from './contract/public-event-types.js';

/**
 * The one policy between internal events and the public integration events (issue 15). Every feed, the HTTP
 * pages and the live stream, and any publisher built later, goes through `toPublicEvent`:
 * - a confidential case or appeal never appears (src/shared/access/confidentiality.ts): none of its events;
 * - a personal field never appears: each public type lists its fields, and a member's name and birth date
 *   are in none of them;
 * - after a member's personal data is erased, nothing about that member appears, whenever it was recorded,
 *   except the erasure itself, so that a consumer can delete what it holds;
 * - corrections (an annulled or changed sanction, a restored membership, a restoration ordered) are public
 *   events of their own.
 */

/** A public event as the feed serves it, without its cursor. */
export interface PublicEvent {
  readonly eventId: string;
  readonly type: PublicEventType;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamType: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Whom a public event is about: a consumer sees it when one of its organizations is in the consumer's scope. */
export interface Concerns {
  readonly organizationIds: readonly string[];
  readonly memberIds: readonly string[];
}

export interface Published {
  readonly event: PublicEvent;
  readonly concerns: Concerns;
}

/** What the policy needs beyond the event itself. */
export interface PolicyContext {
  /** The first event of the event's stream: it says whether a case or appeal is confidential, and whom it concerns. */
  readonly opening: { readonly type: string; readonly data: Readonly<Record<string, unknown>> } | undefined;
  /** For an event of a member's stream: the member's organization when it was recorded. */
  readonly memberOrganizationId: string | undefined;
  /** Whether the member's personal data has been erased, as the store stands when the event is read (not when it was recorded). */
  readonly isErased: (memberId: string) => boolean;
}

type Mapping<K extends DomainEventType> = (
  data: Extract<DomainEvent, { type: K }>['data'],
  context: PolicyContext,
) => { readonly public: Mapped; readonly concerns: Concerns } | null;

interface Mapped {
  readonly type: PublicEventType;
  readonly data: Readonly<Record<string, unknown>>;
}

function as<K extends PublicEventType>(type: K, data: PublicEventData<K>): Mapped {
  return { type, data };
}

const organization = (organizationId: string): Concerns => ({ organizationIds: [organizationId], memberIds: [] });
const member = (memberId: string, context: PolicyContext, organizationIds = [context.memberOrganizationId]): Concerns => ({
  organizationIds: organizationIds.filter((id): id is string => id !== undefined),
  memberIds: [memberId],
});

function ref(subject: SubjectRef): { kind: 'member'; memberId: string } | { kind: 'organization'; organizationId: string } {
  return subject.kind === 'member' ? { kind: 'member', memberId: subject.memberId } : { kind: 'organization', organizationId: subject.organizationId };
}

/** Whom a case or an appeal concerns: its subject, in the subject's own organization when it was opened. */
function subjectConcerns(subject: SubjectFacts): Concerns {
  if (subject.kind === 'organization') return organization(subject.organizationId);
  const own = subject.organizations[0]?.organizationId;
  return { organizationIds: own === undefined ? [] : [own], memberIds: [subject.memberId] };
}

function openingSubject(context: PolicyContext): SubjectFacts | undefined {
  const data = context.opening?.data as Partial<DisciplineCaseOpened['data']> | undefined;
  return data?.subject;
}

/** An event of a case or appeal stream concerns what the stream's opening event says. */
function caseEvent(mapped: Mapped, context: PolicyContext) {
  const subject = openingSubject(context);
  return subject ? { public: mapped, concerns: subjectConcerns(subject) } : null;
}

type Decided = Pick<Extract<AppealEvent, { type: 'SanctionUpheld' }>['data'], 'decidedBy' | 'decidedOn' | 'decisionNumber'>;

/** Written out field by field, as every mapping is: an internal field added later is not published by accident. */
const decided = (data: Decided, appealId: string) => ({
  appealId,
  decidedBy: { organizationId: data.decidedBy.organizationId, bodyKind: data.decidedBy.bodyKind },
  decidedOn: data.decidedOn,
  decisionNumber: data.decisionNumber,
});

function openingAppealId(context: PolicyContext): string {
  return String(context.opening?.data.appealId ?? '');
}

const MAPPINGS: { readonly [K in DomainEventType]?: Mapping<K> } = {
  OrganizationFounded: (d) => ({
    public: as('OrganizationFounded', {
      organizationId: d.organizationId,
      parentId: d.parentId,
      level: d.level,
      name: d.name,
      code: d.code,
      foundedOn: d.foundedOn,
    }),
    concerns: organization(d.organizationId),
  }),
  OrganizationRenamed: (d) => ({
    public: as('OrganizationRenamed', { organizationId: d.organizationId, name: d.name, renamedOn: d.renamedOn }),
    concerns: organization(d.organizationId),
  }),
  OrganizationMoved: (d) => ({
    public: as('OrganizationMoved', { organizationId: d.organizationId, parentId: d.parentId, movedOn: d.movedOn }),
    concerns: organization(d.organizationId),
  }),
  OrganizationMerged: (d) => ({
    public: as('OrganizationMerged', { organizationId: d.organizationId, successorId: d.successorId, mergedOn: d.mergedOn }),
    concerns: organization(d.organizationId),
  }),
  OrganizationDissolved: (d) => ({
    public: as('OrganizationDissolved', { organizationId: d.organizationId, dissolvedOn: d.dissolvedOn }),
    concerns: organization(d.organizationId),
  }),
  MemberAdmitted: (d, c) => ({
    public: as('MemberAdmitted', { memberId: d.memberId, organizationId: d.organizationId, admittedOn: d.admittedOn }),
    concerns: member(d.memberId, c, [d.organizationId]),
  }),
  MemberMadeFull: (d, c) => ({ public: as('MemberMadeFull', { memberId: d.memberId, madeFullOn: d.madeFullOn }), concerns: member(d.memberId, c) }),
  MemberTransferred: (d, c) => ({
    public: as('MemberTransferred', {
      memberId: d.memberId,
      fromOrganizationId: d.fromOrganizationId,
      toOrganizationId: d.toOrganizationId,
      transferredOn: d.transferredOn,
    }),
    concerns: member(d.memberId, c, [d.fromOrganizationId, d.toOrganizationId]),
  }),
  MemberRemovedFromRoll: (d, c) => ({
    public: as('MemberRemovedFromRoll', { memberId: d.memberId, ground: d.ground, removedOn: d.removedOn }),
    concerns: member(d.memberId, c),
  }),
  MemberReleased: (d, c) => ({ public: as('MemberReleased', { memberId: d.memberId, releasedOn: d.releasedOn }), concerns: member(d.memberId, c) }),
  MemberDied: (d, c) => ({ public: as('MemberDied', { memberId: d.memberId, diedOn: d.diedOn }), concerns: member(d.memberId, c) }),
  // Without the decision's id: it would name the case, which may be confidential; membership is not.
  MemberExpelled: (d, c) => ({ public: as('MemberExpelled', { memberId: d.memberId, expelledOn: d.expelledOn }), concerns: member(d.memberId, c) }),
  MembershipRestored: (d, c) => ({ public: as('MembershipRestored', { memberId: d.memberId, restoredOn: d.restoredOn }), concerns: member(d.memberId, c) }),
  PersonalDataErased: (d, c) => ({ public: as('PersonalDataErased', { memberId: d.memberId }), concerns: member(d.memberId, c) }),
  DisciplineCaseOpened: (d) => ({
    public: as('DisciplineCaseOpened', { caseId: d.caseId, subject: ref(d.subject), openedOn: d.openedOn }),
    concerns: subjectConcerns(d.subject),
  }),
  DisciplineDecisionIssued: (d, c) =>
    caseEvent(
      as('DisciplineDecisionIssued', {
        form: d.form,
        decidingBody: { organizationId: d.decidingBody.organizationId, bodyKind: d.decidingBody.bodyKind },
        decisionNumber: d.decisionNumber,
        signedOn: d.signedOn,
      }),
      c,
    ),
  DisciplineDecisionAnnounced: (d, c) => caseEvent(as('DisciplineDecisionAnnounced', { announcedOn: d.announcedOn, effectiveOn: d.effectiveOn }), c),
  DisciplineDecisionLapsed: (d, c) => caseEvent(as('DisciplineDecisionLapsed', { lapsedOn: d.lapsedOn }), c),
  NotDisciplinedLimitationExpired: (d, c) => caseEvent(as('NotDisciplinedLimitationExpired', { concludedOn: d.concludedOn }), c),
  AppealOutcomeApplied: (d, c) =>
    caseEvent(as('AppealOutcomeApplied', { appealId: d.appealId, outcome: d.outcome, form: d.form, announcedOn: d.announcedOn }), c),
  AppealFiled: (d) => ({
    public: as('AppealFiled', {
      appealId: d.appealId,
      caseId: d.sanction.caseId,
      appellant: ref(d.appellant),
      subject: ref(d.subject),
      form: d.sanction.form,
      filedOn: d.filedOn,
      reviewingBody: { organizationId: d.reviewingBody.organizationId, bodyKind: d.reviewingBody.bodyKind },
    }),
    concerns: subjectConcerns(d.subject),
  }),
  SanctionUpheld: (d, c) => caseEvent(as('SanctionUpheld', { ...decided(d, openingAppealId(c)), form: d.form }), c),
  SanctionChanged: (d, c) => caseEvent(as('SanctionChanged', { ...decided(d, openingAppealId(c)), fromForm: d.fromForm, toForm: d.toForm }), c),
  SanctionAnnulled: (d, c) => caseEvent(as('SanctionAnnulled', { ...decided(d, openingAppealId(c)), form: d.form }), c),
  RestorationOrdered: (d, c) =>
    caseEvent(
      as('RestorationOrdered', { appealId: d.appealId, subject: ref(d.subject), item: d.item, annulledForm: d.annulledForm, orderedOn: d.orderedOn }),
      c,
    ),
};

const INSPECTION_WORK = "the inspection bodies' working steps and findings, which name members and facts; consumers get the sanctions they lead to";
const PLANNING_WORK = 'cadre planning lists are personnel decisions of the committees, kept inside the party’s bodies';
const REVIEW_WORK = "a member's self-criticism and quality classification: assessments of a person, kept inside the party's bodies";

/** Internal events that are never published, each with the reason. Every domain event type is mapped or named here. */
export const INTERNAL_ONLY: Readonly<Partial<Record<DomainEventType, string>>> = {
  BodyEstablished: "an organization's bodies are used to check authority inside the service",
  OrganizationAbsorbed: 'the successor’s side of a merger: OrganizationMerged publishes it once',
  PostTakenUp: "a member's posts are used to check authority inside the service",
  PostLeft: "a member's posts are used to check authority inside the service",
  CadreManagementAssigned: 'who manages a member as a cadre is used to check authority inside the service',
  CadreManagementEnded: 'who manages a member as a cadre is used to check authority inside the service',
  AdmissionPowerGranted: "an organization's power to admit members is used to check authority inside the service",
  AdmissionPowerWithdrawn: "an organization's power to admit members is used to check authority inside the service",
  BodySucceeded: "who took over an abolished body's functions is used to route appeals inside the service",
  ViolationRecorded: 'the contents of a discipline file (violations described) stay with the bodies handling it',
  DeferralGroundRecorded: 'grounds for deferring a case (illness, pregnancy, …) are personal',
  DeferralGroundLifted: 'grounds for deferring a case (illness, pregnancy, …) are personal',
  BallotRecorded: 'secret-ballot tallies stay with the bodies that voted',
  ReceiptRefusalMinuted: 'a step of the announcement: DisciplineDecisionAnnounced publishes that the decision took effect',
  StateMatchingActionProposed: 'a proposal to a state body, not a party act',
  AppealAgainstDecisionFiled: "the case's side of an appeal: AppealFiled publishes it once",
  AppealReferredUpward: 'a step of handling an appeal; its outcome is published',
  ...Object.fromEntries([...INSPECTION_EVENT_TYPES, ...SUPERVISION_EVENT_TYPES].map((type) => [type, INSPECTION_WORK])),
  ...Object.fromEntries(PLANNING_LIST_EVENT_TYPES.map((type) => [type, PLANNING_WORK])),
  ...Object.fromEntries([...SELF_CRITICISM_REVIEW_EVENT_TYPES, ...QUALITY_CLASSIFICATION_EVENT_TYPES].map((type) => [type, REVIEW_WORK])),
};

export const MAPPED_EVENT_TYPES = Object.keys(MAPPINGS) as DomainEventType[];

/** Confidential cases (hồ sơ mật), and the appeals against their decisions, are never published. */
function confidential(context: PolicyContext): boolean {
  const confidentialTo = context.opening?.data.confidentialTo;
  return typeof confidentialTo === 'object' && confidentialTo !== null;
}

/** The public event an internal event becomes, or null when the policy keeps it inside. */
export function toPublicEvent(event: RecordedEvent, context: PolicyContext): Published | null {
  const mapping = MAPPINGS[event.type as DomainEventType] as Mapping<DomainEventType> | undefined;
  if (!mapping || confidential(context)) return null;
  const mapped = mapping(event.data as DomainEvent['data'], context);
  if (!mapped) return null;
  if (mapped.public.type !== 'PersonalDataErased' && mapped.concerns.memberIds.some(context.isErased)) return null;
  return {
    event: {
      eventId: event.eventId,
      type: mapped.public.type,
      schemaVersion: PUBLIC_EVENTS[mapped.public.type].version,
      streamId: event.streamId,
      streamType: event.streamType,
      occurredAt: event.occurredAt.toISOString(),
      recordedAt: event.recordedAt.toISOString(),
      data: mapped.public.data,
    },
    concerns: mapped.concerns,
  };
}
