import { caseDeadlines } from '../../discipline/domain/deadlines.js';
import { evolveDisciplineCase, lapseFacts, type DisciplineCaseState, type IssuedDecision } from '../../discipline/domain/discipline-case.decider.js';
import type { DisciplineCaseEvent } from '../../discipline/domain/discipline-case.events.js';
import { MEMBER_PERSONAL_DATA, type MemberEvent } from '../../organizations/domain/member.events.js';
import { evolveMember, initialMemberState, type MemberState } from '../../organizations/domain/member.state.js';
import { electionBarUntil, isAfter, lapseOn, planningBarUntil, type BarComputation, type Rulebook } from '../../rulebook/index.js';
import { withoutPersonalData } from '../../shared/domain/personal-data.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { PlanningActEvent, PlanningListRef } from '../../cadre-planning/domain/planning-list.events.js';
import { DISCIPLINE_CASE_EVENT_TYPES, isOneOf, MEMBER_EVENT_TYPES, PLANNING_ACT_TYPES } from '../domain-events.js';

/** A case about the member, with the dates of its effect kept after it lapses or is annulled. */
export type CaseInRecord = Readonly<{ state: DisciplineCaseState; announcedOn: IsoDate | null; effectiveOn: IsoDate | null }>;

/** One act on the member's place on a planning list. */
export type PlanningAct = Readonly<{
  act: 'added' | 'removed' | 'restored';
  on: IsoDate;
  decision: string | null;
  reason: string | null;
  disciplineDecisionId: string | null;
  appealId: string | null;
}>;

/** The member's history on one planning list. */
export type PlanningInRecord = Readonly<{ list: PlanningListRef; acts: readonly PlanningAct[] }>;

/**
 * What the member record folds: the member's own stream, every discipline case about the member by stream
 * id, and the member's acts on planning lists by list.
 */
export type MemberRecordState = Readonly<{
  memberId: string;
  member: MemberState;
  cases: Readonly<Record<string, CaseInRecord>>;
  planning: Readonly<Record<string, PlanningInRecord>>;
}>;

export type RecordEvent = Readonly<{ streamId: string; type: string; data: Readonly<Record<string, unknown>> }>;

export function initialMemberRecord(memberId: string): MemberRecordState {
  return { memberId, member: initialMemberState(), cases: {}, planning: {} };
}

/** The member a discipline case is about, named by the event that opens it; null for other events and organization subjects. */
export function caseMemberOf(event: Pick<RecordEvent, 'type' | 'data'>): string | null {
  if (event.type !== 'DisciplineCaseOpened') return null;
  const subject = event.data.subject as { kind: string; memberId?: string } | undefined;
  return subject?.kind === 'member' && typeof subject.memberId === 'string' ? subject.memberId : null;
}

function planningAct(event: PlanningActEvent): PlanningAct {
  const none = { decision: null, reason: null, disciplineDecisionId: null, appealId: null };
  switch (event.type) {
    case 'MemberAddedToPlanning':
      return { ...none, act: 'added', on: event.data.addedOn, decision: event.data.decision };
    case 'MemberRemovedFromPlanning': {
      const { removedOn, decision, reason, disciplineDecisionId } = event.data;
      return { ...none, act: 'removed', on: removedOn, decision, reason, disciplineDecisionId };
    }
    case 'MemberRestoredToPlanning':
      return { ...none, act: 'restored', on: event.data.restoredOn, disciplineDecisionId: event.data.disciplineDecisionId, appealId: event.data.appealId };
  }
}

/** Folds without the member's personal data: the record never shows it, so its read model never holds a copy. */
export function evolveMemberRecord(record: MemberRecordState, event: RecordEvent): MemberRecordState {
  if (isOneOf(PLANNING_ACT_TYPES, event.type)) {
    const act = event as unknown as PlanningActEvent;
    const before = record.planning[act.data.planningListId];
    const entry = { list: act.data.list, acts: [...(before?.acts ?? []), planningAct(act)] };
    return { ...record, planning: { ...record.planning, [act.data.planningListId]: entry } };
  }
  if (isOneOf(MEMBER_EVENT_TYPES, event.type)) {
    return { ...record, member: evolveMember(record.member, withoutPersonalData(MEMBER_PERSONAL_DATA, event) as unknown as MemberEvent) };
  }
  if (!isOneOf(DISCIPLINE_CASE_EVENT_TYPES, event.type)) return record;
  const before = record.cases[event.streamId] ?? { state: { status: 'none' }, announcedOn: null, effectiveOn: null };
  const state = evolveDisciplineCase(before.state, event as unknown as DisciplineCaseEvent);
  const dates = state.status === 'in-effect' ? { announcedOn: state.announcedOn, effectiveOn: state.effectiveOn } : {};
  return { ...record, cases: { ...record.cases, [event.streamId]: { ...before, ...dates, state } } };
}

export type SanctionStatus = 'awaiting-announcement' | 'in-effect' | 'lapsed' | 'annulled';

export type Bar = Pick<BarComputation, 'period' | 'ruleVersion' | 'citation' | 'confirmed'> & Readonly<{ barredUntil: IsoDate }>;

export type SanctionView = Readonly<{
  caseId: string;
  status: SanctionStatus;
  form: IssuedDecision['form'];
  decidingBody: IssuedDecision['decidingBody'];
  decisionNumber: string;
  signedOn: IsoDate;
  ruleVersion: string;
  announcedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  /** When the decision ends by itself (lapse), computed by the pinned rule version; null: never, or held by an appeal or a later violation. */
  lapsesOn: IsoDate | null;
  /** The day it ended by itself, derived from the dates whether or not a lapse was recorded. */
  lapsedOn: IsoDate | null;
  annulledOn: IsoDate | null;
  limitationLastDate: IsoDate | null;
  appealIds: readonly string[];
  /** Not planned, appointed or nominated until this day (quy hoạch); null when the form sets no bar or it was annulled. */
  planningBar: Bar | null;
  electionBar: Bar | null;
}>;

export type OpenCaseView = Readonly<{ caseId: string; openedOn: IsoDate; limitationLastDate: IsoDate | null; ruleVersion: string | null }>;

export type MemberRecordView = Readonly<{
  memberId: string;
  organizationId: string | null;
  membership: MemberState['status'];
  /** The day the record is evaluated on (bars and eligibility). */
  on: IsoDate;
  sanctions: Readonly<{ inEffect: SanctionView[]; awaitingAnnouncement: SanctionView[]; lapsed: SanctionView[]; annulled: SanctionView[] }>;
  openCases: OpenCaseView[];
  notDisciplinedCaseIds: string[];
  cadrePlanning: Readonly<{
    eligible: boolean;
    barredUntil: IsoDate | null;
    reason: 'not-on-roll' | 'planning-bar' | null;
    /** The planning lists the member was ever added to: whether on the list on `on`, and every act, oldest first. */
    lists: PlanningListView[];
  }>;
}>;

export type PlanningListView = PlanningListRef & Readonly<{ status: 'in-planning' | 'removed'; acts: readonly PlanningAct[] }>;

/** The lists on `on`; an act caused by a case withheld from the caller names neither the case nor its decision. */
function planningLists(record: MemberRecordState, on: IsoDate, withheldCases: ReadonlySet<string>): PlanningListView[] {
  const shown = (act: PlanningAct): PlanningAct =>
    act.disciplineDecisionId !== null && withheldCases.has(act.disciplineDecisionId) ? { ...act, decision: null, disciplineDecisionId: null } : act;
  return Object.values(record.planning).flatMap(({ list, acts }) => {
    const known = acts.filter((act) => !isAfter(act.on, on)).map(shown);
    const last = known.at(-1);
    return last ? [{ ...list, status: last.act === 'removed' ? 'removed' : 'in-planning', acts: known }] : [];
  });
}

function bar(computation: BarComputation): Bar | null {
  const { barredUntil, period, ruleVersion, citation, confirmed } = computation;
  return barredUntil === null ? null : { barredUntil, period, ruleVersion, citation, confirmed };
}

/** The other violations of the member, by the day committed: a repeat keeps an earlier decision from lapsing. */
function violationDays(record: MemberRecordState): IsoDate[] {
  return Object.values(record.cases).flatMap(({ state }) => (state.status === 'none' ? [] : state.file.violations.map((v) => v.committedOn)));
}

function sanctionOf(entry: CaseInRecord, on: IsoDate, violationsCommittedOn: readonly IsoDate[], rulebook: Rulebook): SanctionView | null {
  const { state } = entry;
  if (state.status !== 'decided' && state.status !== 'in-effect' && state.status !== 'lapsed' && state.status !== 'annulled') return null;
  const decision = state.decision;
  const version = rulebook.byId(decision.ruleVersion);
  const announced = (state.status === 'in-effect' || state.status === 'lapsed') && entry.announcedOn !== null ? entry.announcedOn : null;
  const facts = announced === null ? null : { ...lapseFacts({ file: state.file, decision, announcedOn: announced }), violationsCommittedOn };
  const lapse = facts === null ? null : lapseOn(facts, on, version);
  const status: SanctionStatus =
    state.status === 'decided' ? 'awaiting-announcement' : state.status === 'annulled' ? 'annulled' : lapse?.lapsedOn ? 'lapsed' : 'in-effect';
  const effectiveOn = status === 'in-effect' || status === 'lapsed' ? entry.effectiveOn : null;
  return {
    caseId: state.file.caseId,
    status,
    form: decision.form,
    decidingBody: decision.decidingBody,
    decisionNumber: decision.decisionNumber,
    signedOn: decision.signedOn,
    ruleVersion: decision.ruleVersion,
    announcedOn: entry.announcedOn,
    effectiveOn: entry.effectiveOn,
    lapsesOn: lapse === null || lapse.heldBy !== null ? null : lapse.lapsesOn,
    lapsedOn: lapse?.lapsedOn ?? null,
    annulledOn: state.status === 'annulled' ? state.annulledOn : null,
    limitationLastDate: decision.limitationLastDate,
    appealIds: state.file.appealIds,
    planningBar: effectiveOn === null ? null : bar(planningBarUntil(effectiveOn, decision.form, version)),
    electionBar: effectiveOn === null ? null : bar(electionBarUntil(effectiveOn, decision.form, version)),
  };
}

/** The organization a confidential case about the member is confined to; null for an ordinary case. */
export function confinedTo(entry: CaseInRecord): string | null {
  return entry.state.status === 'none' ? null : (entry.state.file.confidentialTo?.organizationId ?? null);
}

/**
 * The record as of `on`: sanctions by status, open cases with their limitation date, and cadre-planning
 * eligibility. The cases `withheld` from the caller are left out; eligibility still counts their sanctions.
 */
export function memberRecordView(
  record: MemberRecordState,
  on: IsoDate,
  rulebook: Rulebook,
  withheld: (entry: CaseInRecord) => boolean = () => false,
): MemberRecordView {
  const violations = violationDays(record);
  const sanctionAt = (entry: CaseInRecord) => sanctionOf(entry, on, violations, rulebook) ?? [];
  const everySanction = Object.values(record.cases).flatMap(sanctionAt);
  const entries = Object.values(record.cases).filter((entry) => !withheld(entry));
  const withheldCases = new Set(
    Object.values(record.cases)
      .filter(withheld)
      .flatMap(({ state }) => (state.status === 'none' ? [] : [state.file.caseId])),
  );
  const sanctions = entries.flatMap(sanctionAt).sort((a, b) => a.signedOn.localeCompare(b.signedOn));
  const openCases = entries.flatMap(({ state }): OpenCaseView[] => {
    if (state.status !== 'open') return [];
    const limitation = caseDeadlines(state, [], rulebook).find((d) => d.kind === 'limitation');
    return [
      { caseId: state.file.caseId, openedOn: state.file.openedOn, limitationLastDate: limitation?.dueOn ?? null, ruleVersion: limitation?.ruleVersion ?? null },
    ];
  });
  const barredUntil = everySanction
    .flatMap((s) => (s.planningBar && !isAfter(on, s.planningBar.barredUntil) ? [s.planningBar.barredUntil] : []))
    .reduce<IsoDate | null>((max, day) => (max === null || isAfter(day, max) ? day : max), null);
  const onRoll = record.member.status === 'probationary' || record.member.status === 'full';
  return {
    memberId: record.memberId,
    organizationId: record.member.status === 'not-admitted' ? null : record.member.member.organizationId,
    membership: record.member.status,
    on,
    sanctions: {
      inEffect: sanctions.filter((s) => s.status === 'in-effect'),
      awaitingAnnouncement: sanctions.filter((s) => s.status === 'awaiting-announcement'),
      lapsed: sanctions.filter((s) => s.status === 'lapsed'),
      annulled: sanctions.filter((s) => s.status === 'annulled'),
    },
    openCases,
    notDisciplinedCaseIds: entries.flatMap(({ state }) => (state.status === 'not-disciplined' ? [state.file.caseId] : [])),
    cadrePlanning: {
      eligible: onRoll && barredUntil === null,
      barredUntil,
      reason: !onRoll ? 'not-on-roll' : barredUntil !== null ? 'planning-bar' : null,
      lists: planningLists(record, on, withheldCases),
    },
  };
}
