import type { EntityManager } from 'typeorm';
import { evolveAppeal, type AppealState } from '../../discipline/domain/appeal.decider.js';
import type { AppealEvent } from '../../discipline/domain/appeal.events.js';
import { caseDeadlines, type Deadline } from '../../discipline/domain/deadlines.js';
import { evolveDisciplineCase, type DisciplineCaseState } from '../../discipline/domain/discipline-case.decider.js';
import type { InspectionEvent } from '../../inspections/domain/inspection.events.js';
import { evolveInspection, initialInspectionState, type InspectionState } from '../../inspections/domain/inspection.state.js';
import type { RecordedEvent } from '../../event-store/event-store.js';
import { defaultRulebook, subjectRef, type DecidingBody } from '../../rulebook/index.js';
import type { SubjectRef } from '../../shared/domain/vocabulary.js';
import { APPEAL_EVENT_TYPES, DISCIPLINE_CASE_EVENT_TYPES, INSPECTION_EVENT_TYPES, isOneOf } from '../domain-events.js';
import type { Projection } from '../projection.js';
import { inspectionDue, type InspectionDueKind } from './inspection-targets.js';

/** A case as the work lists keep it: its state, and whether the state body has been asked to match the sanction. */
type CaseEntry = Readonly<{ state: DisciplineCaseState; stateNoticeGiven: boolean }>;

export type AlertKind = Deadline['kind'] | InspectionDueKind;

type Alert = Readonly<{ kind: AlertKind; dueOn: string; ruleVersion: string | null; citation: Deadline['citation'] | null; confirmed: boolean }>;

/** Where a stream's rows are listed; `confidentialTo`: the organization a confidential case and its appeals are confined to. */
type Placement = Readonly<{ organizationId: string; bodyKind: string | null; subject: SubjectRef; confidentialTo: string | null }>;

async function loadState<S>(tx: EntityManager, streamId: string): Promise<S | undefined> {
  const rows = (await tx.query('SELECT state FROM work_list_states WHERE stream_id = $1', [streamId])) as { state: S }[];
  return rows[0]?.state;
}

async function saveState(tx: EntityManager, event: RecordedEvent, state: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO work_list_states (stream_id, stream_type, state) VALUES ($1, $2, $3)
     ON CONFLICT (stream_id) DO UPDATE SET state = EXCLUDED.state`,
    [event.streamId, event.streamType, JSON.stringify(state)],
  );
}

async function replaceAlerts(tx: EntityManager, event: RecordedEvent, placement: Placement | null, alerts: readonly Alert[]): Promise<void> {
  await tx.query('DELETE FROM deadline_alerts WHERE stream_id = $1', [event.streamId]);
  if (!placement) return;
  for (const alert of alerts) {
    await tx.query(
      `INSERT INTO deadline_alerts (stream_id, kind, due_on, stream_type, organization_id, subject, rule_version, citation, confirmed, confidential_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (stream_id, kind) DO UPDATE SET due_on = LEAST(deadline_alerts.due_on, EXCLUDED.due_on)`,
      [
        event.streamId,
        alert.kind,
        alert.dueOn,
        event.streamType,
        placement.organizationId,
        JSON.stringify(placement.subject),
        alert.ruleVersion,
        alert.citation === null ? null : JSON.stringify(alert.citation),
        alert.confirmed,
        placement.confidentialTo,
      ],
    );
  }
}

function fromDeadline(deadline: Deadline): Alert {
  return { kind: deadline.kind, dueOn: deadline.dueOn, ruleVersion: deadline.ruleVersion, citation: deadline.citation, confirmed: deadline.confirmed };
}

async function evolveInspectionList(tx: EntityManager, event: RecordedEvent): Promise<void> {
  const before = (await loadState<InspectionState>(tx, event.streamId)) ?? initialInspectionState();
  const state = evolveInspection(before, event as unknown as InspectionEvent);
  await saveState(tx, event, state);
  await tx.query('DELETE FROM work_list_inspections WHERE stream_id = $1', [event.streamId]);
  if (state.status === 'not-proposed' || state.status === 'closed') return replaceAlerts(tx, event, null, []);
  const { body, subject, inspectionId } = state.proposal;
  const due = inspectionDue(state);
  await tx.query(
    `INSERT INTO work_list_inspections (inspection_id, stream_id, state, organization_id, body_kind, subject, last_act_on, due_on, due_kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      inspectionId,
      event.streamId,
      state.status,
      body.organizationId,
      body.bodyKind,
      JSON.stringify(subject),
      state.lastActOn,
      due?.dueOn ?? null,
      due?.kind ?? null,
    ],
  );
  const alerts: Alert[] = due ? [{ ...due, ruleVersion: null, citation: null, confirmed: false }] : [];
  await replaceAlerts(tx, event, { organizationId: body.organizationId, bodyKind: body.bodyKind, subject, confidentialTo: null }, alerts);
}

/** The body acting on a case: the one that decided, else the last that voted; before that, the subject's own organization. */
function casePlacement(state: Exclude<DisciplineCaseState, { status: 'none' }>): Placement {
  const body: DecidingBody | undefined = 'decision' in state ? state.decision.decidingBody : state.file.ballots.at(-1)?.ballot.body;
  const subject = state.file.subject;
  const own = subject.kind === 'member' ? subject.organizations[0]?.organizationId : subject.organizationId;
  return {
    organizationId: body?.organizationId ?? own ?? '',
    bodyKind: body?.bodyKind ?? null,
    subject: subjectRef(subject),
    confidentialTo: state.file.confidentialTo?.organizationId ?? null,
  };
}

const OPEN_CASE_STATES: readonly DisciplineCaseState['status'][] = ['open', 'decided', 'in-effect'];

async function evolveCaseList(tx: EntityManager, event: RecordedEvent): Promise<void> {
  const before = (await loadState<CaseEntry>(tx, event.streamId)) ?? { state: { status: 'none' }, stateNoticeGiven: false };
  const entry: CaseEntry = {
    state: evolveDisciplineCase(before.state, event as unknown as Parameters<typeof evolveDisciplineCase>[1]),
    stateNoticeGiven: before.stateNoticeGiven || event.type === 'StateMatchingActionProposed',
  };
  await saveState(tx, event, entry);
  await tx.query('DELETE FROM work_list_discipline_cases WHERE stream_id = $1', [event.streamId]);
  const { state } = entry;
  if (state.status === 'none' || !OPEN_CASE_STATES.includes(state.status)) return replaceAlerts(tx, event, null, []);
  const deadlines = caseDeadlines(state, [], defaultRulebook()).filter((d) => !(d.kind === 'state-notice' && entry.stateNoticeGiven));
  // The appeal window is the member's right, not a duty of the body: it is an alert, never the case's due date.
  const due = deadlines.find((d) => d.kind !== 'appeal-window');
  const placement = casePlacement(state);
  await tx.query(
    `INSERT INTO work_list_discipline_cases (case_id, stream_id, state, organization_id, body_kind, subject, opened_on, due_on, due_kind, confidential_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      state.file.caseId,
      event.streamId,
      state.status,
      placement.organizationId,
      placement.bodyKind,
      JSON.stringify(placement.subject),
      state.file.openedOn,
      due?.dueOn ?? null,
      due?.kind ?? null,
      placement.confidentialTo,
    ],
  );
  await replaceAlerts(tx, event, placement, deadlines.map(fromDeadline));
}

async function evolveAppealAlerts(tx: EntityManager, event: RecordedEvent): Promise<void> {
  const before = (await loadState<AppealState>(tx, event.streamId)) ?? { status: 'none' };
  const state = evolveAppeal(before, event as unknown as AppealEvent);
  await saveState(tx, event, state);
  if (state.status === 'none') return;
  const { reviewingBody, appellant, confidentialTo } = state.appeal;
  const deadlines = caseDeadlines({ status: 'none' }, [state], defaultRulebook());
  const placement = {
    organizationId: reviewingBody.organizationId,
    bodyKind: reviewingBody.bodyKind,
    subject: appellant,
    confidentialTo: confidentialTo?.organizationId ?? null,
  };
  await replaceAlerts(tx, event, placement, deadlines.map(fromDeadline));
}

/**
 * Issue 5's officers' work lists (open inspections and discipline cases with their acting body and due
 * date) and the deadline alerts of inspections, cases and appeals, each stream's rows recomputed from
 * its folded state at every event.
 */
export const workListsProjection: Projection = {
  name: 'work-lists',
  version: 3,
  handles: [...INSPECTION_EVENT_TYPES, ...DISCIPLINE_CASE_EVENT_TYPES, ...APPEAL_EVENT_TYPES],
  tables: ['work_list_states', 'work_list_inspections', 'work_list_discipline_cases', 'deadline_alerts'],
  async evolve(tx, event) {
    if (isOneOf(INSPECTION_EVENT_TYPES, event.type)) return evolveInspectionList(tx, event);
    if (isOneOf(DISCIPLINE_CASE_EVENT_TYPES, event.type)) return evolveCaseList(tx, event);
    return evolveAppealAlerts(tx, event);
  },
};
