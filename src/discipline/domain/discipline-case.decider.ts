import { requireActingBody, type ActingBody } from '../../shared/domain/acting-body.js';
import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError, RuleViolationError } from '../../shared/domain/errors.js';
import { requireActDate, requireNotInFuture, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { IsoDate, SanctionForm } from '../../shared/domain/vocabulary.js';
import {
  announcementDeadline,
  defaultRulebook,
  deferralActive,
  effectiveOn,
  isAfter,
  lapseOn,
  latest,
  limitationExpiredOn,
  limitationLastDate,
  requireAuthority,
  requireConsidered,
  requireFormAllowed,
  requireNoDeferral,
  requireWithinLimitation,
  sameBody,
  stateNoticeDeadline,
  tallyBallot,
  type BallotTally,
  type Ballot,
  type DecidingBody,
  type RecordedDeferralGround,
  type LapseFacts,
  type Rulebook,
  type SubjectFacts,
} from '../../rulebook/index.js';
import type {
  AnnounceDecision,
  DisciplineCaseCommand,
  ImposeSanction,
  IssueLimitationExpiredNotice,
  RecordAppealOutcome,
  RecordBallot,
  RecordLapse,
} from './discipline-case.commands.js';
import type { DisciplineCaseEvent, DisciplineDecisionIssued, ViolationRecord } from './discipline-case.events.js';

export const STREAM_TYPE = 'discipline-case';
export function streamId(caseId: string): string {
  return `${STREAM_TYPE}-${caseId}`;
}

export type RecordedBallot = Readonly<{ ballot: Ballot; tally: BallotTally; ruleVersion: string }>;

export type CaseFile = Readonly<{
  caseId: string;
  openedOn: IsoDate;
  inspectionId: string | null;
  subject: SubjectFacts;
  /** The body considering a confidential case (src/shared/access/confidentiality.ts); null for an ordinary case. */
  confidentialTo: ActingBody | null;
  violations: readonly ViolationRecord[];
  deferrals: readonly RecordedDeferralGround[];
  ballots: readonly RecordedBallot[];
  /** Appeals filed against the decision, oldest first; each is its own stream. */
  appealIds: readonly string[];
  /** Those of them decided; an appeal still pending holds the lapse (QĐ 69 art. 2 cl. 5). */
  appealsDecided: readonly string[];
  lastActOn: IsoDate;
}>;

export type IssuedDecision = DisciplineDecisionIssued['data'];

export type DisciplineCaseState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'open'; file: CaseFile }>
  | Readonly<{ status: 'decided'; file: CaseFile; decision: IssuedDecision }>
  | Readonly<{ status: 'in-effect'; file: CaseFile; decision: IssuedDecision; effectiveOn: IsoDate; announcedOn: IsoDate }>
  | Readonly<{ status: 'not-disciplined'; file: CaseFile }>
  | Readonly<{ status: 'lapsed'; file: CaseFile; decision: IssuedDecision; lapsedOn: IsoDate }>
  | Readonly<{ status: 'annulled'; file: CaseFile; decision: IssuedDecision; annulledOn: IsoDate }>;

export const disciplineCaseMachine = transitions<DisciplineCaseState>()({
  openDisciplineCase: ['none'],
  recordViolation: ['open'],
  recordDeferralGround: ['open'],
  liftDeferralGround: ['open'],
  recordBallot: ['open'],
  imposeSanction: ['open'],
  issueLimitationExpiredNotice: ['open'],
  announceDecision: ['decided'],
  minuteRefusalToReceive: ['decided'],
  recordLapse: ['in-effect'],
  recordStateActionProposal: ['in-effect'],
  recordAppealFiled: ['in-effect'],
  recordAppealOutcome: ['in-effect'],
});

export function allowedDisciplineCaseCommands(state: DisciplineCaseState): DisciplineCaseCommand['type'][] {
  return disciplineCaseMachine.allowedCommands(state.status);
}

type Open = Extract<DisciplineCaseState, { status: 'open' }>;
type Decided = Extract<DisciplineCaseState, { status: 'decided' }>;
type InEffect = Extract<DisciplineCaseState, { status: 'in-effect' }>;

/** The latest ballot of the body that would decide, which must carry the form it decides. */
function deciderBallot(file: CaseFile, body: DecidingBody): RecordedBallot | undefined {
  return file.ballots.filter((b) => sameBody(b.ballot.body, body)).at(-1);
}

function requireBallotFor(file: CaseFile, form: SanctionForm, body: DecidingBody, rulebook: Rulebook): RecordedBallot {
  const own = deciderBallot(file, body);
  if (!own) throw new RuleViolationError('no-ballot', { decidingBody: body });
  if (own.tally.outcome === null) {
    throw new RuleViolationError('vote-below-threshold', {
      reason: 'no-form-reached',
      tally: own.tally,
      ruleVersion: own.tally.ruleVersion,
      citation: own.tally.citation,
    });
  }
  if (own.tally.outcome !== form) {
    throw new RuleViolationError('form-differs-from-ballot', {
      form,
      ballotOutcome: own.tally.outcome,
      tally: own.tally,
      ruleVersion: own.tally.ruleVersion,
      citation: own.tally.citation,
    });
  }
  const version = rulebook.byId(own.ruleVersion);
  if (version.rules.voting.proposal.forms.includes(form)) {
    const proposed = file.ballots.some((b) => b.ballot.stage === 'proposal' && b.tally.outcome === form);
    if (!proposed) {
      const threshold = version.rules.voting.proposal.threshold;
      throw new RuleViolationError('vote-below-threshold', {
        reason: 'proposal-below-threshold',
        form,
        threshold,
        proposalBallots: file.ballots.filter((b) => b.ballot.stage === 'proposal').map((b) => b.tally),
        ruleVersion: version.id,
        citation: version.rules.voting.citation,
      });
    }
  }
  return own;
}

/** A body of the subject's own organization or of one above it considers the case, never a stranger's. */
function requireConsideringBody(subject: SubjectFacts, body: ActingBody): void {
  requireActingBody('confidentialTo', body);
  const chain =
    subject.kind === 'member'
      ? subject.organizations.map((o) => o.organizationId)
      : [subject.organizationId, ...subject.ancestors.map((o) => o.organizationId)];
  if (!chain.includes(body.organizationId)) {
    throw new InvalidInputError('confidentialTo.organizationId', 'subject-organization-or-above');
  }
}

function requireViolations(file: CaseFile): readonly ViolationRecord[] {
  if (file.violations.length === 0) throw new InvalidInputError('violations', 'at-least-one');
  return file.violations;
}

function impose(command: ImposeSanction, { file }: Open, rulebook: Rulebook): DisciplineCaseEvent[] {
  const { form, decidingBody, decisionNumber, signedOn, especiallySerious } = command.data;
  requireText('decisionNumber', decisionNumber);
  requireActDate('signedOn', signedOn, file.lastActOn, command.metadata.today);
  const version = rulebook.versionInForce(signedOn);
  const violations = requireViolations(file);
  const formRule = requireFormAllowed(file.subject, form, version);
  const matter = { concernsTaskAssignedByHigherLevel: violations.some((v) => v.concernsTaskAssignedByHigherLevel) };
  const authority = requireAuthority(decidingBody, file.subject, form, version, matter);
  requireNoDeferral(deferralActive(file.deferrals, signedOn, version, { especiallySerious }));
  const ballot = requireBallotFor(file, form, decidingBody, rulebook);
  requireConsidered(deferralActive(file.deferrals, ballot.ballot.heldOn, rulebook.byId(ballot.ruleVersion)), 'decision');
  const limitation = limitationLastDate(violations, file.subject.kind, form, version);
  requireWithinLimitation(limitation, ballot.ballot.heldOn);
  const announcement = announcementDeadline(decidingBody, signedOn, version);
  return [
    {
      type: 'DisciplineDecisionIssued',
      data: {
        form,
        decidingBody,
        decisionNumber,
        signedOn,
        ruleVersion: version.id,
        authorityGrant: authority.grant,
        limitationLastDate: limitation.lastDate,
        announcementDueOn: announcement.dueOn,
        citations: [formRule.citation, authority.citation, ballot.tally.citation, limitation.citation],
      },
    },
  ];
}

function noticeLimitationExpired(command: IssueLimitationExpiredNotice, { file }: Open, rulebook: Rulebook): DisciplineCaseEvent[] {
  const { noticeNumber, issuedOn, issuedBy } = command.data;
  requireText('noticeNumber', noticeNumber);
  requireActDate('issuedOn', issuedOn, file.lastActOn, command.metadata.today);
  const violations = requireViolations(file);
  const ballot = deciderBallot(file, issuedBy) ?? file.ballots.at(-1);
  if (!ballot?.tally.outcome) {
    throw new RuleViolationError('vote-below-threshold', {
      reason: 'form-not-voted',
      tally: ballot?.tally ?? null,
    });
  }
  const version = rulebook.versionInForce(ballot.ballot.heldOn);
  requireConsidered(deferralActive(file.deferrals, ballot.ballot.heldOn, version), 'decision');
  const limitation = limitationLastDate(violations, file.subject.kind, ballot.tally.outcome, version);
  if (limitation.lastDate === null || !limitationExpiredOn(limitation, ballot.ballot.heldOn)) {
    throw new RuleViolationError('limitation-not-expired', {
      concludedOn: ballot.ballot.heldOn,
      lastDate: limitation.lastDate,
      noLimitationBecause: limitation.noLimitationBecause,
      ruleVersion: limitation.ruleVersion,
      citation: limitation.citation,
    });
  }
  return [
    {
      type: 'NotDisciplinedLimitationExpired',
      data: {
        noticeNumber,
        issuedOn,
        issuedBy,
        formThatWouldApply: ballot.tally.outcome,
        violations,
        limitationLastDate: limitation.lastDate,
        concludedOn: ballot.ballot.heldOn,
        ruleVersion: limitation.ruleVersion,
        citation: limitation.citation,
      },
    },
  ];
}

function announce(command: AnnounceDecision, state: Decided, rulebook: Rulebook): DisciplineCaseEvent[] {
  const { announcedOn, voteResultAnnouncedOn } = command.data;
  requireActDate('announcedOn', announcedOn, state.file.lastActOn, command.metadata.today);
  if (voteResultAnnouncedOn !== null) requireNotInFuture('voteResultAnnouncedOn', voteResultAnnouncedOn, command.metadata.today);
  const { decision } = state;
  const version = rulebook.byId(decision.ruleVersion);
  const effect = effectiveOn(decision.decidingBody, { announcedOn, voteResultAnnouncedOn }, version);
  return [
    {
      type: 'DisciplineDecisionAnnounced',
      data: {
        announcedOn,
        effectiveOn: effect.effectiveOn,
        basis: effect.basis,
        announcementDueOn: decision.announcementDueOn,
        announcedLate: isAfter(announcedOn, decision.announcementDueOn),
        ruleVersion: version.id,
      },
    },
  ];
}

/** What the lapse of a decision in effect depends on, as far as its own case knows (its violations, its appeals). */
export function lapseFacts(state: Pick<InEffect, 'file' | 'decision' | 'announcedOn'>): LapseFacts {
  const { file } = state;
  return {
    form: state.decision.form,
    announcedOn: state.announcedOn,
    appealPending: file.appealIds.some((id) => !file.appealsDecided.includes(id)),
    violationsCommittedOn: file.violations.map((v) => v.committedOn),
  };
}

function recordLapse(command: RecordLapse, state: InEffect, rulebook: Rulebook): DisciplineCaseEvent[] {
  const { on } = command.data;
  requireNotInFuture('on', on, command.metadata.today);
  const version = rulebook.byId(state.decision.ruleVersion);
  const lapse = lapseOn(lapseFacts(state), on, version);
  const cited = { ruleVersion: lapse.ruleVersion, citation: lapse.citation };
  if (lapse.lapsesOn === null) {
    throw new RuleViolationError('lapse-not-applicable', { form: state.decision.form, ...cited });
  }
  if (lapse.heldBy !== null) {
    throw new RuleViolationError('lapse-interrupted', {
      heldBy: lapse.heldBy,
      ...cited,
    });
  }
  if (lapse.lapsedOn === null) {
    throw new RuleViolationError('lapse-not-reached', {
      on,
      announcedOn: state.announcedOn,
      lapsesOn: lapse.lapsesOn,
      ...cited,
    });
  }
  return [{ type: 'DisciplineDecisionLapsed', data: { lapsedOn: lapse.lapsedOn, recordedOn: on, ...cited } }];
}

function recordAppealOutcome(command: RecordAppealOutcome, state: InEffect): DisciplineCaseEvent[] {
  const { appealId, outcome, form, announcedOn } = command.data;
  requireText('appealId', appealId);
  requireActDate('announcedOn', announcedOn, state.file.lastActOn, command.metadata.today);
  if ((outcome === 'changed') !== (form !== null)) {
    throw new InvalidInputError('form', 'form-only-when-changed');
  }
  return [{ type: 'AppealOutcomeApplied', data: { appealId, outcome, form, announcedOn } }];
}

function recordBallot(command: RecordBallot, { file }: Open, rulebook: Rulebook): DisciplineCaseEvent[] {
  const { ballot } = command.data;
  requireActDate('ballot.heldOn', ballot.heldOn, file.lastActOn, command.metadata.today);
  const version = rulebook.versionInForce(ballot.heldOn);
  requireConsidered(deferralActive(file.deferrals, ballot.heldOn, version), 'ballot');
  const tally = tallyBallot(ballot, file.subject, version);
  return [{ type: 'BallotRecorded', data: { ballot, tally, ruleVersion: version.id } }];
}

export function decideDisciplineCase(
  command: DisciplineCaseCommand,
  state: DisciplineCaseState,
  rulebook: Rulebook = defaultRulebook(),
): DisciplineCaseEvent[] {
  const m = disciplineCaseMachine;
  const today = command.metadata.today;
  switch (command.type) {
    case 'openDisciplineCase': {
      m.requireState(state, command.type);
      const { caseId, openedOn, inspectionId, subject, confidentialTo } = command.data;
      requireText('caseId', caseId);
      requireNotInFuture('openedOn', openedOn, today);
      if (inspectionId !== null) requireText('inspectionId', inspectionId);
      if (confidentialTo !== null) requireConsideringBody(subject, confidentialTo);
      return [{ type: 'DisciplineCaseOpened', data: { caseId, openedOn, inspectionId, subject, confidentialTo } }];
    }
    case 'recordViolation': {
      m.requireState(state, command.type);
      requireText('violationId', command.data.violationId);
      requireText('description', command.data.description);
      requireNotInFuture('committedOn', command.data.committedOn, today);
      return [{ type: 'ViolationRecorded', data: { ...command.data } }];
    }
    case 'recordDeferralGround': {
      const { file } = m.requireState(state, command.type);
      requireNotInFuture('since', command.data.since, today);
      if (file.deferrals.some((d) => d.ground === command.data.ground && d.until === null)) {
        throw new InvalidInputError('ground', 'not-already-active', { value: command.data.ground });
      }
      return [{ type: 'DeferralGroundRecorded', data: { ...command.data } }];
    }
    case 'liftDeferralGround': {
      const { file } = m.requireState(state, command.type);
      const active = file.deferrals.find((d) => d.ground === command.data.ground && d.until === null);
      if (!active) throw new InvalidInputError('ground', 'recorded-and-active', { value: command.data.ground });
      requireActDate('liftedOn', command.data.liftedOn, active.since, today);
      return [{ type: 'DeferralGroundLifted', data: { ...command.data } }];
    }
    case 'recordBallot':
      return recordBallot(command, m.requireState(state, command.type), rulebook);
    case 'imposeSanction':
      return impose(command, m.requireState(state, command.type), rulebook);
    case 'issueLimitationExpiredNotice':
      return noticeLimitationExpired(command, m.requireState(state, command.type), rulebook);
    case 'announceDecision':
      return announce(command, m.requireState(state, command.type), rulebook);
    case 'minuteRefusalToReceive': {
      const decided = m.requireState(state, command.type);
      const { minutedOn } = command.data;
      requireActDate('minutedOn', minutedOn, decided.file.lastActOn, today);
      const [announced] = announce({ ...command, type: 'announceDecision', data: { announcedOn: minutedOn, voteResultAnnouncedOn: null } }, decided, rulebook);
      if (announced?.type !== 'DisciplineDecisionAnnounced') throw new Error('announce must return DisciplineDecisionAnnounced');
      return [
        { type: 'ReceiptRefusalMinuted', data: { minutedOn } },
        { ...announced, data: { ...announced.data, basis: 'refusal-to-receive-minuted' } },
      ];
    }
    case 'recordLapse':
      return recordLapse(command, m.requireState(state, command.type), rulebook);
    case 'recordStateActionProposal': {
      const inEffect = m.requireState(state, command.type);
      const { stateBody, proposedOn } = command.data;
      requireText('stateBody', stateBody);
      requireActDate('proposedOn', proposedOn, inEffect.effectiveOn, today);
      const deadline = stateNoticeDeadline(inEffect.effectiveOn, rulebook.byId(inEffect.decision.ruleVersion));
      return [
        {
          type: 'StateMatchingActionProposed',
          data: {
            stateBody,
            proposedOn,
            dueOn: deadline.dueOn,
            withinDeadline: !isAfter(proposedOn, deadline.dueOn),
            ruleVersion: deadline.ruleVersion,
            citation: deadline.citation,
          },
        },
      ];
    }
    case 'recordAppealFiled': {
      const inEffect = m.requireState(state, command.type);
      const { appealId, filedOn } = command.data;
      requireText('appealId', appealId);
      requireNotInFuture('filedOn', filedOn, today);
      if (inEffect.file.appealIds.includes(appealId)) throw new InvalidInputError('appealId', 'not-already-filed', { value: appealId });
      return [{ type: 'AppealAgainstDecisionFiled', data: { appealId, filedOn } }];
    }
    case 'recordAppealOutcome':
      return recordAppealOutcome(command, m.requireState(state, command.type));
    default:
      return assertNever(command);
  }
}

function withFile(state: DisciplineCaseState, update: (file: CaseFile) => CaseFile): DisciplineCaseState {
  if (state.status === 'none') return state;
  return { ...state, file: update(state.file) } as DisciplineCaseState;
}

const actOn = (file: CaseFile, date: IsoDate): CaseFile => ({ ...file, lastActOn: latest([file.lastActOn, date]) ?? date });

export function evolveDisciplineCase(state: DisciplineCaseState, event: DisciplineCaseEvent): DisciplineCaseState {
  switch (event.type) {
    case 'DisciplineCaseOpened': {
      const { caseId, openedOn, inspectionId, subject } = event.data;
      const confidentialTo = event.data.confidentialTo ?? null;
      return {
        status: 'open',
        file: {
          caseId,
          openedOn,
          inspectionId,
          subject,
          confidentialTo,
          violations: [],
          deferrals: [],
          ballots: [],
          appealIds: [],
          appealsDecided: [],
          lastActOn: openedOn,
        },
      };
    }
    case 'ViolationRecorded':
      return withFile(state, (file) => ({ ...file, violations: [...file.violations, event.data] }));
    case 'DeferralGroundRecorded':
      return withFile(state, (file) => ({ ...file, deferrals: [...file.deferrals, { ...event.data, until: null }] }));
    case 'DeferralGroundLifted':
      return withFile(state, (file) => ({
        ...file,
        deferrals: file.deferrals.map((d) => (d.ground === event.data.ground && d.until === null ? { ...d, until: event.data.liftedOn } : d)),
      }));
    case 'BallotRecorded':
      return withFile(state, (file) => actOn({ ...file, ballots: [...file.ballots, event.data] }, event.data.ballot.heldOn));
    case 'DisciplineDecisionIssued':
      return state.status === 'open' ? { status: 'decided', file: actOn(state.file, event.data.signedOn), decision: event.data } : state;
    case 'NotDisciplinedLimitationExpired':
      return state.status === 'open' ? { status: 'not-disciplined', file: actOn(state.file, event.data.issuedOn) } : state;
    case 'ReceiptRefusalMinuted':
      return state;
    case 'DisciplineDecisionAnnounced':
      return state.status === 'decided'
        ? {
            ...state,
            status: 'in-effect',
            file: actOn(state.file, event.data.announcedOn),
            effectiveOn: event.data.effectiveOn,
            announcedOn: event.data.announcedOn,
          }
        : state;
    case 'DisciplineDecisionLapsed':
      return state.status === 'in-effect' ? { status: 'lapsed', file: state.file, decision: state.decision, lapsedOn: event.data.lapsedOn } : state;
    case 'StateMatchingActionProposed':
      return state;
    case 'AppealAgainstDecisionFiled':
      return withFile(state, (file) => ({ ...file, appealIds: [...file.appealIds, event.data.appealId] }));
    case 'AppealOutcomeApplied': {
      if (state.status !== 'in-effect') return state;
      const file = actOn({ ...state.file, appealsDecided: [...state.file.appealsDecided, event.data.appealId] }, event.data.announcedOn);
      switch (event.data.outcome) {
        case 'annulled':
          return { status: 'annulled', file, decision: state.decision, annulledOn: event.data.announcedOn };
        case 'changed':
          return { ...state, file, decision: { ...state.decision, form: event.data.form ?? state.decision.form }, announcedOn: event.data.announcedOn };
        case 'upheld':
          return { ...state, file, announcedOn: event.data.announcedOn };
        default:
          return assertNever(event.data.outcome);
      }
    }
    default:
      return assertNever(event);
  }
}

export function disciplineCaseDecider(rulebook: Rulebook = defaultRulebook()): Decider<DisciplineCaseCommand, DisciplineCaseState, DisciplineCaseEvent> {
  return {
    decide: (command, state) => decideDisciplineCase(command, state, rulebook),
    evolve: evolveDisciplineCase,
    initialState: () => ({ status: 'none' }),
  };
}
