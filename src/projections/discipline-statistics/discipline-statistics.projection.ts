import type { EntityManager } from 'typeorm';
import type { PlanningListRef } from '../../cadre-planning/domain/planning-list.events.js';
import type { RecordedEvent } from '../../event-store/event-store.js';
import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { SubjectRef } from '../../shared/domain/vocabulary.js';
import { MEMBER_PLACEMENT_EVENTS, memberOrganization, placeMember, text } from '../organization-tree.js';
import { isOneOf, typesOf, type DomainEventType } from '../domain-events.js';
import type { Projection } from '../projection.js';
import { planningListKey, type StatisticsAct } from './statistics-acts.js';
import { ancestorsOn, evolveDatedTree, LINEAGE_EVENTS, TREE } from './statistics-lineage.js';

const MEMBERS = 'discipline_statistics_members';

type Data = Readonly<Record<string, unknown>>;

/** Whom an act is about, counted against the subject's organization (a member's, at the time of the act). */
interface Subject {
  readonly organizationId: string;
  readonly memberId: string | null;
  readonly subjectKind: 'organization' | 'member';
}

interface Body {
  readonly bodyKind: string;
  readonly bodyLevel: string | null;
  readonly bodyOrganizationId: string;
}

interface Pending extends Subject, Partial<Body> {
  readonly actKind: string | null;
}

async function memberSubject(tx: EntityManager, memberId: string, organizationId?: string): Promise<Subject | undefined> {
  const found = organizationId ?? (await memberOrganization(tx, MEMBERS, memberId));
  return found === undefined ? undefined : { organizationId: found, memberId, subjectKind: 'member' };
}

async function subjectOf(tx: EntityManager, data: Data): Promise<Subject | undefined> {
  const subject = data.subject as (SubjectRef & { organizations?: readonly { organizationId: string }[] }) | undefined;
  if (!subject) return undefined;
  if (subject.kind === 'organization') return { organizationId: subject.organizationId, memberId: null, subjectKind: 'organization' };
  return memberSubject(tx, subject.memberId, subject.organizations?.[0]?.organizationId);
}

async function bodyOf(tx: EntityManager, body: ActingBody & { level?: string }): Promise<Body> {
  const rows = (await tx.query(`SELECT level FROM ${TREE} WHERE organization_id = $1`, [body.organizationId])) as { level: string }[];
  return { bodyKind: body.bodyKind, bodyLevel: body.level ?? rows[0]?.level ?? null, bodyOrganizationId: body.organizationId };
}

async function record(tx: EntityManager, event: RecordedEvent, act: StatisticsAct, occurredOn: string, fact: Pending | undefined): Promise<void> {
  if (!fact) return;
  await tx.query(
    `INSERT INTO discipline_statistics_facts
       (global_position, stream_id, occurred_on, organization_id, member_id, subject_kind, act, act_kind, body_kind, body_level, body_organization_id, ancestors)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${ancestorsOn('$4', '$3::date')})`,
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
    ],
  );
}

async function remember(tx: EntityManager, streamId: string, pending: Pending | undefined): Promise<void> {
  if (!pending) return;
  await tx.query(
    `INSERT INTO discipline_statistics_pending (stream_id, organization_id, member_id, subject_kind, act_kind, body_kind, body_level, body_organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (stream_id) DO UPDATE SET act_kind = EXCLUDED.act_kind, body_kind = EXCLUDED.body_kind,
       body_level = EXCLUDED.body_level, body_organization_id = EXCLUDED.body_organization_id`,
    [
      streamId,
      pending.organizationId,
      pending.memberId,
      pending.subjectKind,
      pending.actKind,
      pending.bodyKind ?? null,
      pending.bodyLevel ?? null,
      pending.bodyOrganizationId ?? null,
    ],
  );
}

async function recall(tx: EntityManager, streamId: string): Promise<Pending | undefined> {
  const rows = (await tx.query('SELECT * FROM discipline_statistics_pending WHERE stream_id = $1', [streamId])) as Record<string, string | null>[];
  const row = rows[0];
  if (!row) return undefined;
  return {
    organizationId: row.organization_id!,
    memberId: row.member_id ?? null,
    subjectKind: row.subject_kind === 'organization' ? 'organization' : 'member',
    actKind: row.act_kind ?? null,
    ...(row.body_kind ? { bodyKind: row.body_kind, bodyLevel: row.body_level, bodyOrganizationId: row.body_organization_id ?? undefined } : {}),
  };
}

async function withSubject(tx: EntityManager, data: Data, actKind: string | null, body?: ActingBody): Promise<Pending | undefined> {
  const subject = await subjectOf(tx, data);
  return subject && { ...subject, actKind, ...(body ? await bodyOf(tx, body) : {}) };
}

async function removal(tx: EntityManager, event: RecordedEvent, act: StatisticsAct, dateField: string): Promise<void> {
  const subject = await memberSubject(tx, text(event.data, 'memberId'));
  await record(tx, event, act, text(event.data, dateField), subject && { ...subject, actKind: null });
}

type Handler = (tx: EntityManager, event: RecordedEvent) => Promise<void>;

/** An act on a planning list, counted against the list's organization and keyed by the list (`planningListKey`). */
function planningAct(act: StatisticsAct, dateField: string): Handler {
  return async (tx, event) => {
    const list = event.data.list as PlanningListRef;
    const subject = { organizationId: list.organizationId, memberId: text(event.data, 'memberId'), subjectKind: 'member' as const };
    await record(tx, event, act, text(event.data, dateField), { ...subject, actKind: planningListKey(list) });
  };
}

/** Chuẩn y / thay đổi / xóa bỏ: counted when the reviewing body decides, beside the sanction it reviewed. */
function appealOutcome(outcome: 'upheld' | 'changed' | 'annulled'): Handler {
  return async (tx, event) => {
    const filed = await recall(tx, event.streamId);
    const body = filed && (await bodyOf(tx, event.data.decidedBy as ActingBody & { level: string }));
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
  InspectionProposed: async (tx, event) =>
    remember(tx, event.streamId, await withSubject(tx, event.data, text(event.data, 'kind'), event.data.body as ActingBody)),
  InspectionDecided: async (tx, event) => record(tx, event, 'inspection', text(event.data, 'decidedOn'), await recall(tx, event.streamId)),
  SupervisionStarted: async (tx, event) =>
    record(tx, event, 'supervision', text(event.data, 'startedOn'), await withSubject(tx, event.data, text(event.data, 'kind'), event.data.body as ActingBody)),
  DisciplineCaseOpened: async (tx, event) => remember(tx, event.streamId, await withSubject(tx, event.data, null)),
  DisciplineDecisionIssued: async (tx, event) => {
    const opened = await recall(tx, event.streamId);
    const decidingBody = event.data.decidingBody as ActingBody & { level: string };
    await remember(tx, event.streamId, opened && { ...opened, actKind: text(event.data, 'form'), ...(await bodyOf(tx, decidingBody)) });
  },
  DisciplineDecisionAnnounced: async (tx, event) => record(tx, event, 'sanction', text(event.data, 'effectiveOn'), await recall(tx, event.streamId)),
  AppealFiled: async (tx, event) => remember(tx, event.streamId, await withSubject(tx, event.data, null)),
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
  version: 3,
  handles: [...LINEAGE_EVENTS, ...MEMBER_PLACEMENT_EVENTS, ...typesOf(HANDLERS)],
  tables: [
    'discipline_statistics_facts',
    'discipline_statistics_tree',
    'discipline_statistics_lineage',
    'discipline_statistics_members',
    'discipline_statistics_pending',
  ],
  async evolve(tx, event) {
    if (isOneOf(LINEAGE_EVENTS, event.type)) return evolveDatedTree(tx, event);
    if (isOneOf(MEMBER_PLACEMENT_EVENTS, event.type)) return placeMember(tx, MEMBERS, event);
    await HANDLERS[event.type as DomainEventType]?.(tx, event);
  },
};
