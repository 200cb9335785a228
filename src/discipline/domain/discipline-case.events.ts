import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SanctionForm } from '../../shared/domain/vocabulary.js';
import type { Ballot, BallotTally, Citation, DecidingBody, DeferralGround, GraveOffence, SubjectFacts } from '../../rulebook/index.js';

export type ViolationRecord = Readonly<{
  violationId: string;
  description: string;
  committedOn: IsoDate;
  level: SanctionForm;
  graveOffences: readonly GraveOffence[];
  concernsTaskAssignedByHigherLevel: boolean;
}>;

export type DisciplineCaseOpened = Event<
  'DisciplineCaseOpened',
  {
    caseId: string;
    openedOn: IsoDate;
    inspectionId: string | null;
    subject: SubjectFacts;
    /** Absent from the cases opened before confidential cases were recorded: ordinary ones. */
    confidentialTo?: ActingBody | null;
  }
>;
export type ViolationRecorded = Event<'ViolationRecorded', ViolationRecord>;
export type DeferralGroundRecorded = Event<'DeferralGroundRecorded', { ground: DeferralGround; since: IsoDate }>;
export type DeferralGroundLifted = Event<'DeferralGroundLifted', { ground: DeferralGround; liftedOn: IsoDate }>;
export type BallotRecorded = Event<'BallotRecorded', { ballot: Ballot; tally: BallotTally; ruleVersion: string }>;
export type DisciplineDecisionIssued = Event<
  'DisciplineDecisionIssued',
  {
    form: SanctionForm;
    decidingBody: DecidingBody;
    decisionNumber: string;
    signedOn: IsoDate;
    ruleVersion: string;
    authorityGrant: string;
    /** Null when no limitation period applies. */
    limitationLastDate: IsoDate | null;
    announcementDueOn: IsoDate;
    citations: readonly Citation[];
  }
>;
export type NotDisciplinedLimitationExpired = Event<
  'NotDisciplinedLimitationExpired',
  {
    noticeNumber: string;
    issuedOn: IsoDate;
    issuedBy: DecidingBody;
    /** The form the body voted, which would have applied. */
    formThatWouldApply: SanctionForm;
    violations: readonly ViolationRecord[];
    limitationLastDate: IsoDate;
    concludedOn: IsoDate;
    ruleVersion: string;
    citation: Citation;
  }
>;
export type DisciplineDecisionAnnounced = Event<
  'DisciplineDecisionAnnounced',
  {
    announcedOn: IsoDate;
    effectiveOn: IsoDate;
    basis: 'announcement' | 'cell-vote-result-announcement' | 'refusal-to-receive-minuted';
    announcementDueOn: IsoDate;
    announcedLate: boolean;
    ruleVersion: string;
  }
>;
/** The subject refused to receive the decision; the refusal is minuted and the decision takes effect. */
export type ReceiptRefusalMinuted = Event<'ReceiptRefusalMinuted', { minutedOn: IsoDate }>;
export type DisciplineDecisionLapsed = Event<'DisciplineDecisionLapsed', { lapsedOn: IsoDate; recordedOn: IsoDate; ruleVersion: string; citation: Citation }>;
export type StateMatchingActionProposed = Event<
  'StateMatchingActionProposed',
  { stateBody: string; proposedOn: IsoDate; dueOn: IsoDate; withinDeadline: boolean; ruleVersion: string; citation: Citation }
>;
export type AppealAgainstDecisionFiled = Event<'AppealAgainstDecisionFiled', { appealId: string; filedOn: IsoDate }>;
export type AppealOutcomeApplied = Event<
  'AppealOutcomeApplied',
  { appealId: string; outcome: 'upheld' | 'changed' | 'annulled'; form: SanctionForm | null; announcedOn: IsoDate }
>;

export type DisciplineCaseEvent =
  | DisciplineCaseOpened
  | ViolationRecorded
  | DeferralGroundRecorded
  | DeferralGroundLifted
  | BallotRecorded
  | DisciplineDecisionIssued
  | NotDisciplinedLimitationExpired
  | DisciplineDecisionAnnounced
  | ReceiptRefusalMinuted
  | DisciplineDecisionLapsed
  | StateMatchingActionProposed
  | AppealAgainstDecisionFiled
  | AppealOutcomeApplied;

export const DISCIPLINE_CASE_ACT_DATES: ActDates<DisciplineCaseEvent> = {
  DisciplineCaseOpened: (e) => e.data.openedOn,
  // Entering a violation in the file is not a dated act; the fact it records is the violation, on the day committed.
  ViolationRecorded: (e) => e.data.committedOn,
  DeferralGroundRecorded: (e) => e.data.since,
  DeferralGroundLifted: (e) => e.data.liftedOn,
  BallotRecorded: (e) => e.data.ballot.heldOn,
  DisciplineDecisionIssued: (e) => e.data.signedOn,
  NotDisciplinedLimitationExpired: (e) => e.data.issuedOn,
  DisciplineDecisionAnnounced: (e) => e.data.announcedOn,
  ReceiptRefusalMinuted: (e) => e.data.minutedOn,
  // The day the decision ended by itself, not the later day its lapse was noted (`recordedOn`).
  DisciplineDecisionLapsed: (e) => e.data.lapsedOn,
  StateMatchingActionProposed: (e) => e.data.proposedOn,
  AppealAgainstDecisionFiled: (e) => e.data.filedOn,
  AppealOutcomeApplied: (e) => e.data.announcedOn,
};
