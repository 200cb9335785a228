import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SanctionForm } from '../../shared/domain/vocabulary.js';
import type { Ballot, DecidingBody, DeferralGround, GraveOffence, SubjectFacts } from '../../rulebook/index.js';

export type OpenDisciplineCase = Command<
  'openDisciplineCase',
  {
    caseId: string;
    openedOn: IsoDate;
    inspectionId: string | null;
    subject: SubjectFacts;
    /** A confidential case (hồ sơ mật): the body considering it; null for an ordinary case. */
    confidentialTo: ActingBody | null;
  }
>;
export type RecordViolation = Command<
  'recordViolation',
  {
    violationId: string;
    description: string;
    committedOn: IsoDate;
    /** The form the violation would warrant on its own. */
    level: SanctionForm;
    graveOffences: readonly GraveOffence[];
    concernsTaskAssignedByHigherLevel: boolean;
  }
>;
export type RecordDeferralGround = Command<'recordDeferralGround', { ground: DeferralGround; since: IsoDate }>;
export type LiftDeferralGround = Command<'liftDeferralGround', { ground: DeferralGround; liftedOn: IsoDate }>;
export type RecordBallot = Command<'recordBallot', { ballot: Ballot }>;
export type ImposeSanction = Command<
  'imposeSanction',
  { form: SanctionForm; decidingBody: DecidingBody; decisionNumber: string; signedOn: IsoDate; especiallySerious: boolean }
>;
/** Thông báo không kỷ luật do hết thời hiệu (HD 08-HD/TW). */
export type IssueLimitationExpiredNotice = Command<'issueLimitationExpiredNotice', { noticeNumber: string; issuedOn: IsoDate; issuedBy: DecidingBody }>;
export type AnnounceDecision = Command<'announceDecision', { announcedOn: IsoDate; voteResultAnnouncedOn: IsoDate | null }>;
export type MinuteRefusalToReceive = Command<'minuteRefusalToReceive', { minutedOn: IsoDate }>;
export type RecordLapse = Command<'recordLapse', { on: IsoDate }>;
export type RecordStateActionProposal = Command<'recordStateActionProposal', { stateBody: string; proposedOn: IsoDate }>;
/** Noted by the appeal process when an appeal against the decision is filed, so the case knows its appeals. */
export type RecordAppealFiled = Command<'recordAppealFiled', { appealId: string; filedOn: IsoDate }>;
/** Applied by the appeal process once the appeal stream has decided (see appeal.decider.ts). */
export type RecordAppealOutcome = Command<
  'recordAppealOutcome',
  { appealId: string; outcome: 'upheld' | 'changed' | 'annulled'; form: SanctionForm | null; announcedOn: IsoDate }
>;

export type DisciplineCaseCommand =
  | OpenDisciplineCase
  | RecordViolation
  | RecordDeferralGround
  | LiftDeferralGround
  | RecordBallot
  | ImposeSanction
  | IssueLimitationExpiredNotice
  | AnnounceDecision
  | MinuteRefusalToReceive
  | RecordLapse
  | RecordStateActionProposal
  | RecordAppealFiled
  | RecordAppealOutcome;
