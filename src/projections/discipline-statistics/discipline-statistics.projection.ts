import type { EntityManager } from 'typeorm';
import type { PlanningListRef } from '../../cadre-planning/domain/planning-list.events.js';
import type { RecordedEvent } from '../../event-store/event-store.js';
import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { SubjectRef } from '../../shared/domain/vocabulary.js';
import type { EventTimes } from '../bitemporal.js';
import { filePlacement, fileTreeEvent, MEMBER_PLACEMENT_EVENTS, memberOrganization, placeMember, text } from '../organization-tree.js';
import { isOneOf, typesOf, type DomainEventType } from '../domain-events.js';
import type { Projection } from '../projection.js';
import { planningListKey, type StatisticsAct } from './statistics-acts.js';
import { ancestorsOn, evolveDatedTree, LINEAGE_EVENTS, TREE } from './statistics-lineage.js';

const MEMBERS = 'discipline_statistics_members';

/** Whom an act is about, counted against the subject's organization (a member's, at the time of the act). */
interface Subject {
  readonly organizationId: string;
  readonly memberId: string | null;
  readonly subjectKind: 'organization' | 'member';
  /** The event that named the subject; set when `organizationId` is this member's organization as of that event. */
  readonly subjectEvent: EventTimes;
  readonly attributedMemberId: string | null;
}

interface Body {
  readonly bodyKind: string;
  readonly bodyLevel: string | null;
  readonly bodyOrganizationId: string;
  /** The event that named the body; whether its level came from the tree (known once the body's organization was founded). */
  readonly bodyEvent: Pick<EventTimes, 'occurredAt' | 'recordedAt'>;
  readonly bodyLevelFromTree: boolean;
}

interface Pending extends Subject, Partial<Body> {
  readonly actKind: string | null;
}

/** A member's act, counted against `organizationId` when the event names it, else the member's organization as of `event`. */
async function memberSubject(tx: EntityManager, memberId: string, event: RecordedEvent, organizationId?: string): Promise<Subject | undefined> {
  const found = organizationId ?? (await memberOrganization(tx, MEMBERS, memberId));
  if (found === undefined) return undefined;
  return { organizationId: found, memberId, subjectKind: 'member', subjectEvent: event, attributedMemberId: organizationId === undefined ? memberId : null };
}

async function subjectOf(tx: EntityManager, event: RecordedEvent): Promise<Subject | undefined> {
  const subject = event.data.subject as (SubjectRef & { organizations?: readonly { organizationId: string }[] }) | undefined;
  if (!subject) return undefined;
  if (subject.kind === 'organization') {
    return { organizationId: subject.organizationId, memberId: null, subjectKind: 'organization', subjectEvent: event, attributedMemberId: null };
  }
  return memberSubject(tx, subject.memberId, event, subject.organizations?.[0]?.organizationId);
}

async function bodyOf(tx: EntityManager, body: ActingBody & { level?: string }, event: RecordedEvent): Promise<Body> {
  const rows = (await tx.query(`SELECT level FROM ${TREE} WHERE organization_id = $1`, [body.organizationId])) as { level: string }[];
  const fromTree = body.level === undefined && rows[0] !== undefined;
  return {
    bodyKind: body.bodyKind,
    bodyLevel: body.level ?? rows[0]?.level ?? null,
    bodyOrganizationId: body.organizationId,
    bodyEvent: event,
    bodyLevelFromTree: fromTree,
  };
}

function latest(...instants: readonly (Date | undefined)[]): Date {
  return new Date(Math.max(...instants.filter((instant) => instant !== undefined).map((instant) => instant.getTime())));
}

async function record(tx: EntityManager, event: RecordedEvent, act: StatisticsAct, occurredOn: string, fact: Pending | undefined): Promise<void> {
  if (!fact) return;
  // The fact stands in an answer as of other times only with the events it took its subject and body from.
  await tx.query(
    `INSERT INTO discipline_statistics_facts
       (global_position, stream_id, occurred_on, organization_id, member_id, subject_kind, act, act_kind, body_kind, body_level, body_organization_id, ancestors,
        transaction_id, occurred_at, recorded_at, needs_occurred_at, needs_recorded_at, subject_transaction_id, subject_position, attributed_member_id, body_level_from_tree)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${ancestorsOn('$4', '$3::date')}, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      event.globalPosition,
      event.streamId,
      occurredOn,
      fact.organizationId,
      fact.memberId,
      fact.subjectKind,
      act,
      fact.actKind,
      fact.bodyKind ?? null,
      fact.bodyLevel ?? null,
      fact.bodyOrganizationId ?? null,
      event.transactionId,
      event.occurredAt,
      event.recordedAt,
      latest(event.occurredAt, fact.subjectEvent.occurredAt, fact.bodyEvent?.occurredAt),
      latest(event.recordedAt, fact.subjectEvent.recordedAt, fact.bodyEvent?.recordedAt),
      fact.subjectEvent.transactionId,
      fact.subjectEvent.globalPosition,
      fact.attributedMemberId,
      fact.bodyLevelFromTree ?? false,
    ],
  );
}

async function remember(tx: EntityManager, streamId: string, pending: Pending | undefined): Promise<void> {
  if (!pending) return;
  await tx.query(
    `INSERT INTO discipline_statistics_pending (stream_id, organization_id, member_id, subject_kind, act_kind, body_kind, body_level, body_organization_id,
       subject_transaction_id, subject_position, subject_occurred_at, subject_recorded_at, attributed_member_id, body_occurred_at, body_recorded_at, body_level_from_tree)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (stream_id) DO UPDATE SET act_kind = EXCLUDED.act_kind, body_kind = EXCLUDED.body_kind,
       body_level = EXCLUDED.body_level, body_organization_id = EXCLUDED.body_organization_id, body_occurred_at = EXCLUDED.body_occurred_at,
       body_recorded_at = EXCLUDED.body_recorded_at, body_level_from_tree = EXCLUDED.body_level_from_tree`,
    [
      streamId,
      pending.organizationId,
      pending.memberId,
      pending.subjectKind,
      pending.actKind,
      pending.bodyKind ?? null,
      pending.bodyLevel ?? null,
      pending.bodyOrganizationId ?? null,
      pending.subjectEvent.transactionId,
      pending.subjectEvent.globalPosition,
      pending.subjectEvent.occurredAt,
      pending.subjectEvent.recordedAt,
      pending.attributedMemberId,
      pending.bodyEvent?.occurredAt ?? null,
      pending.bodyEvent?.recordedAt ?? null,
      pending.bodyLevelFromTree ?? null,
    ],
  );
}

interface PendingRow {
  organization_id: string;
  member_id: string | null;
  subject_kind: string;
  act_kind: string | null;
  body_kind: string | null;
  body_level: string | null;
  body_organization_id: string;
  subject_transaction_id: string;
  subject_position: string;
  subject_occurred_at: Date;
  subject_recorded_at: Date;
  attributed_member_id: string | null;
  body_occurred_at: Date;
  body_recorded_at: Date;
  body_level_from_tree: boolean;
}

async function recall(tx: EntityManager, streamId: string): Promise<Pending | undefined> {
  const rows = (await tx.query('SELECT *, subject_transaction_id::text AS subject_transaction_id FROM discipline_statistics_pending WHERE stream_id = $1', [
    streamId,
  ])) as PendingRow[];
  const row = rows[0];
  if (!row) return undefined;
  const subjectEvent = {
    transactionId: row.subject_transaction_id,
    globalPosition: Number(row.subject_position),
    occurredAt: row.subject_occurred_at,
    recordedAt: row.subject_recorded_at,
  };
  return {
    organizationId: row.organization_id,
    memberId: row.member_id ?? null,
    subjectKind: row.subject_kind === 'organization' ? 'organization' : 'member',
    subjectEvent,
    attributedMemberId: row.attributed_member_id,
    actKind: row.act_kind ?? null,
    ...(row.body_kind
      ? {
          bodyKind: row.body_kind,
          bodyLevel: row.body_level,
          bodyOrganizationId: row.body_organization_id,
          bodyEvent: { occurredAt: row.body_occurred_at, recordedAt: row.body_recorded_at },
          bodyLevelFromTree: row.body_level_from_tree,
        }
      : {}),
  };
}

async function withSubject(tx: EntityManager, event: RecordedEvent, actKind: string | null, body?: ActingBody): Promise<Pending | undefined> {
  const subject = await subjectOf(tx, event);
  return subject && { ...subject, actKind, ...(body ? await bodyOf(tx, body, event) : {}) };
}

async function removal(tx: EntityManager, event: RecordedEvent, act: StatisticsAct, dateField: string): Promise<void> {
  const subject = await memberSubject(tx, text(event.data, 'memberId'), event);
  await record(tx, event, act, text(event.data, dateField), subject && { ...subject, actKind: null });
}

type Handler = (tx: EntityManager, event: RecordedEvent) => Promise<void>;

/** An act on a planning list, counted against the list's organization and keyed by the list (`planningListKey`). */
function planningAct(act: StatisticsAct, dateField: string): Handler {
  return async (tx, event) => {
    const list = event.data.list as PlanningListRef;
    const memberId = text(event.data, 'memberId');
    const subject = { organizationId: list.organizationId, memberId, subjectKind: 'member' as const, subjectEvent: event, attributedMemberId: null };
    await record(tx, event, act, text(event.data, dateField), { ...subject, actKind: planningListKey(list) });
  };
}

/** Chuẩn y / thay đổi / xóa bỏ: counted when the reviewing body decides, beside the sanction it reviewed. */
function appealOutcome(outcome: 'upheld' | 'changed' | 'annulled'): Handler {
  return async (tx, event) => {
    const filed = await recall(tx, event.streamId);
    const body = filed && (await bodyOf(tx, event.data.decidedBy as ActingBody & { level: string }, event));
    await record(tx, event, 'appeal-outcome', text(event.data, 'decidedOn'), filed && { ...filed, ...body, actKind: outcome });
  };
}

/**
 * What each figure counts, and on which legal date: an inspection when it is decided (quyết định kiểm
 * tra), a supervision when it starts, a sanction when its decision takes effect (with the form and the
 * deciding body as issued), an appeal's outcome when the reviewing body decides it and each restoration
 * when ordered (a sanction later annulled stays counted in its own period), an expulsion, removal from the
 * roll or release on its own date, an addition to, removal from or restoration to a planning list on its own date.
 */
const HANDLERS: Readonly<Partial<Record<DomainEventType, Handler>>> = {
  InspectionProposed: async (tx, event) => remember(tx, event.streamId, await withSubject(tx, event, text(event.data, 'kind'), event.data.body as ActingBody)),
  InspectionDecided: async (tx, event) => record(tx, event, 'inspection', text(event.data, 'decidedOn'), await recall(tx, event.streamId)),
  SupervisionStarted: async (tx, event) =>
    record(tx, event, 'supervision', text(event.data, 'startedOn'), await withSubject(tx, event, text(event.data, 'kind'), event.data.body as ActingBody)),
  DisciplineCaseOpened: async (tx, event) => remember(tx, event.streamId, await withSubject(tx, event, null)),
  DisciplineDecisionIssued: async (tx, event) => {
    const opened = await recall(tx, event.streamId);
    const decidingBody = event.data.decidingBody as ActingBody & { level: string };
    await remember(tx, event.streamId, opened && { ...opened, actKind: text(event.data, 'form'), ...(await bodyOf(tx, decidingBody, event)) });
  },
  DisciplineDecisionAnnounced: async (tx, event) => record(tx, event, 'sanction', text(event.data, 'effectiveOn'), await recall(tx, event.streamId)),
  AppealFiled: async (tx, event) => remember(tx, event.streamId, await withSubject(tx, event, null)),
  SanctionUpheld: appealOutcome('upheld'),
  SanctionChanged: appealOutcome('changed'),
  SanctionAnnulled: appealOutcome('annulled'),
  RestorationOrdered: async (tx, event) => {
    const filed = await recall(tx, event.streamId);
    await record(tx, event, 'restoration', text(event.data, 'orderedOn'), filed && { ...filed, actKind: text(event.data, 'item') });
  },
  MemberExpelled: (tx, event) => removal(tx, event, 'expulsion', 'expelledOn'),
  MemberRemovedFromRoll: (tx, event) => removal(tx, event, 'removal-from-roll', 'removedOn'),
  MemberReleased: (tx, event) => removal(tx, event, 'release', 'releasedOn'),
  MemberAddedToPlanning: planningAct('planning-addition', 'addedOn'),
  MemberRemovedFromPlanning: planningAct('planning-removal', 'removedOn'),
  MemberRestoredToPlanning: planningAct('planning-restoration', 'restoredOn'),
};

/**
 * Issue 5's statutory statistics: one fact per counted act, filtered by legal date and by the organization's
 * subtree as it stood on that date.
 */
export const disciplineStatisticsProjection: Projection = {
  name: 'discipline-statistics',
  version: 4,
  handles: [...LINEAGE_EVENTS, ...MEMBER_PLACEMENT_EVENTS, ...typesOf(HANDLERS)],
  tables: [
    'discipline_statistics_facts',
    'discipline_statistics_tree',
    'discipline_statistics_lineage',
    'discipline_statistics_members',
    'discipline_statistics_pending',
    'discipline_statistics_placements',
    'discipline_statistics_tree_events',
  ],
  async evolve(tx, event) {
    if (isOneOf(LINEAGE_EVENTS, event.type)) {
      await fileTreeEvent(tx, 'discipline_statistics_tree_events', event);
      return evolveDatedTree(tx, event);
    }
    if (isOneOf(MEMBER_PLACEMENT_EVENTS, event.type)) {
      await filePlacement(tx, 'discipline_statistics_placements', event);
      return placeMember(tx, MEMBERS, event);
    }
    await HANDLERS[event.type as DomainEventType]?.(tx, event);
  },
};
