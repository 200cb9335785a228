import type { EntityManager } from 'typeorm';
import { streamId as caseStreamId } from '../../discipline/domain/discipline-case.decider.js';
import type { RecordedEvent } from '../../event-store/event-store.js';
import { MEMBER_PERSONAL_DATA } from '../../organizations/domain/member.events.js';
import { personalFieldNames } from '../../shared/domain/personal-data.js';
import type { SubjectRef } from '../../shared/domain/vocabulary.js';
import {
  evolveOrganizationTree,
  MEMBER_PLACEMENT_EVENTS,
  memberOrganization,
  mergeIntoSuccessor,
  fileTreeEvent,
  filePlacement,
  placeMember,
  text,
  TREE_EVENTS,
} from '../organization-tree.js';
import {
  APPEAL_EVENT_TYPES,
  INSPECTION_EVENT_TYPES,
  isOneOf,
  QUALITY_CLASSIFICATION_EVENT_TYPES,
  SELF_CRITICISM_REVIEW_EVENT_TYPES,
  SUPERVISION_EVENT_TYPES,
  typesOf,
  type DomainEventType,
} from '../domain-events.js';
import type { EventTimes } from '../bitemporal.js';
import type { Projection } from '../projection.js';
import type { HistoryKind } from './history-kinds.js';

/** The history entries' kinds, each with the event types that make them. */
function kind<T extends DomainEventType>(historyKind: HistoryKind, types: readonly T[]): Record<T, HistoryKind> {
  return Object.fromEntries(types.map((type) => [type, historyKind])) as Record<T, HistoryKind>;
}

/** Event types by the kind of history entry they make; the first of each starts a stream and names its subject. */
const KIND_OF: Readonly<Partial<Record<DomainEventType, HistoryKind>>> = {
  ...kind('inspection', INSPECTION_EVENT_TYPES),
  ...kind('supervision', SUPERVISION_EVENT_TYPES),
  ...kind('review', [...SELF_CRITICISM_REVIEW_EVENT_TYPES, ...QUALITY_CLASSIFICATION_EVENT_TYPES]),
  ...kind('discipline', [
    'DisciplineCaseOpened',
    'ViolationRecorded',
    'DeferralGroundRecorded',
    'DeferralGroundLifted',
    'BallotRecorded',
    'DisciplineDecisionIssued',
    'NotDisciplinedLimitationExpired',
    'DisciplineDecisionAnnounced',
    'ReceiptRefusalMinuted',
    'DisciplineDecisionLapsed',
    'StateMatchingActionProposed',
    'AppealOutcomeApplied',
    'MemberExpelled',
  ]),
  ...kind('appeal', APPEAL_EVENT_TYPES),
  ...kind('removal', ['MemberRemovedFromRoll', 'MemberReleased']),
};

/** Personal data stays in its own stream; the history shows what happened, not who the person is. */
const PERSONAL_FIELDS = new Set(personalFieldNames(MEMBER_PERSONAL_DATA));

interface Touched {
  readonly organizationId: string;
  readonly memberId: string | null;
  /** The organization a confidential case (and its appeals) is confined to; null otherwise. */
  readonly confidentialTo: string | null;
  /** The event that named the subject: the entry's own, or the first of its stream that could be placed. */
  readonly subjectEvent: EventTimes;
  /** Set when `organizationId` is this member's organization as of `subjectEvent` (an answer as of another time looks it up again). */
  readonly attributedMemberId: string | null;
}

type Data = Readonly<Record<string, unknown>>;

/** The scalar fields of the event, short: enough to list it, deterministic for replays. */
function summaryOf(data: Data): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (PERSONAL_FIELDS.has(field)) continue;
    if (typeof value === 'string') summary[field] = value.length > 200 ? `${value.slice(0, 199)}…` : value;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) summary[field] = value;
  }
  return summary;
}

const TREE = 'organization_tree';
const MEMBERS = 'organization_history_members';

/** Whom a stream-starting event is about: a subject reference, or the facts a discipline case or appeal carries. */
async function subjectOf(tx: EntityManager, event: RecordedEvent): Promise<Touched | undefined> {
  const data = event.data;
  const subject = data.subject as (SubjectRef & { organizations?: readonly { organizationId: string }[] }) | undefined;
  if (!subject) return undefined;
  const confidentialTo = (data.confidentialTo as { organizationId: string } | null | undefined)?.organizationId ?? null;
  if (subject.kind === 'organization') {
    return { organizationId: subject.organizationId, memberId: null, confidentialTo, subjectEvent: event, attributedMemberId: null };
  }
  const named = subject.organizations?.[0]?.organizationId;
  const organizationId = named ?? (await memberOrganization(tx, MEMBERS, subject.memberId));
  if (organizationId === undefined) return undefined;
  return { organizationId, memberId: subject.memberId, confidentialTo, subjectEvent: event, attributedMemberId: named === undefined ? subject.memberId : null };
}

interface SubjectRow {
  organization_id: string;
  member_id: string | null;
  confidential_to: string | null;
  subject_transaction_id: string;
  subject_position: string;
  subject_occurred_at: Date;
  subject_recorded_at: Date;
  attributed_member_id: string | null;
}

async function knownSubject(tx: EntityManager, streamId: string): Promise<SubjectRow | undefined> {
  const rows = (await tx.query(
    `SELECT organization_id, member_id, confidential_to, subject_transaction_id::text AS subject_transaction_id, subject_position, subject_occurred_at, subject_recorded_at, attributed_member_id
     FROM organization_history_subjects WHERE stream_id = $1`,
    [streamId],
  )) as SubjectRow[];
  return rows[0];
}

/** The event a subject row names, with the times an answer as of another time compares. */
function subjectEventOf(row: SubjectRow): EventTimes {
  return {
    transactionId: row.subject_transaction_id,
    globalPosition: Number(row.subject_position),
    occurredAt: row.subject_occurred_at,
    recordedAt: row.subject_recorded_at,
  };
}

async function touched(tx: EntityManager, event: RecordedEvent): Promise<Touched | undefined> {
  if (event.type === 'MemberRemovedFromRoll' || event.type === 'MemberReleased' || event.type === 'MemberExpelled') {
    const memberId = text(event.data, 'memberId');
    const organizationId = await memberOrganization(tx, MEMBERS, memberId);
    // An expulsion is entered like the case that decided it: confidential with it.
    const byCase = event.type === 'MemberExpelled' ? await knownSubject(tx, caseStreamId(text(event.data, 'disciplineDecisionId'))) : undefined;
    if (organizationId === undefined) return undefined;
    return { organizationId, memberId, confidentialTo: byCase?.confidential_to ?? null, subjectEvent: event, attributedMemberId: memberId };
  }
  if (event.type === 'QualityClassified' || event.type === 'QualityClassificationCorrected') return subjectOf(tx, event);
  const known = await knownSubject(tx, event.streamId);
  if (known) {
    return {
      organizationId: known.organization_id,
      memberId: known.member_id,
      confidentialTo: known.confidential_to,
      subjectEvent: subjectEventOf(known),
      attributedMemberId: known.attributed_member_id,
    };
  }
  const subject = await subjectOf(tx, event);
  if (subject) {
    await tx.query(
      `INSERT INTO organization_history_subjects (stream_id, organization_id, member_id, confidential_to,
         subject_transaction_id, subject_position, subject_occurred_at, subject_recorded_at, attributed_member_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.streamId,
        subject.organizationId,
        subject.memberId,
        subject.confidentialTo,
        event.transactionId,
        event.globalPosition,
        event.occurredAt,
        event.recordedAt,
        subject.attributedMemberId,
      ],
    );
  }
  return subject;
}

/**
 * Issue 5's organization history: every inspection, supervision, review, discipline, appeal and removal
 * that touches an organization or its members, with the tree that subtree queries walk. An entry stays
 * with the organization the member belonged to when it happened; a merged organization's entries go with it
 * under its successor.
 */
export const organizationHistoryProjection: Projection = {
  name: 'organization-history',
  version: 4,
  handles: [...TREE_EVENTS, 'OrganizationMerged', ...MEMBER_PLACEMENT_EVENTS, ...typesOf(KIND_OF)],
  tables: [
    'organization_history',
    'organization_tree',
    'organization_history_members',
    'organization_history_subjects',
    'organization_history_placements',
    'organization_tree_events',
  ],
  async evolve(tx, event) {
    if (isOneOf(TREE_EVENTS, event.type) || event.type === 'OrganizationMerged') {
      await fileTreeEvent(tx, 'organization_tree_events', event);
      return event.type === 'OrganizationMerged' ? mergeIntoSuccessor(tx, TREE, event) : evolveOrganizationTree(tx, TREE, event);
    }
    if (isOneOf(MEMBER_PLACEMENT_EVENTS, event.type)) {
      await filePlacement(tx, 'organization_history_placements', event);
      return placeMember(tx, MEMBERS, event);
    }
    const kind = KIND_OF[event.type as DomainEventType];
    if (!kind) return;
    const touches = await touched(tx, event);
    if (!touches) return;
    await tx.query(
      `INSERT INTO organization_history (global_position, organization_id, member_id, kind, event_type, occurred_at, recorded_at, stream_id, summary, confidential_to,
         subject_transaction_id, subject_position, subject_occurred_at, subject_recorded_at, attributed_member_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        event.globalPosition,
        touches.organizationId,
        touches.memberId,
        kind,
        event.type,
        event.occurredAt,
        event.recordedAt,
        event.streamId,
        JSON.stringify(summaryOf(event.data)),
        touches.confidentialTo,
        touches.subjectEvent.transactionId,
        touches.subjectEvent.globalPosition,
        touches.subjectEvent.occurredAt,
        touches.subjectEvent.recordedAt,
        touches.attributedMemberId,
      ],
    );
  },
};
