import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { FollowUpResult, InspectionKind, InspectionPeriod, ViolationSeverity } from './inspection.events.js';

export type ProposeInspection = Command<
  'proposeInspection',
  {
    inspectionId: string;
    body: ActingBody;
    subject: SubjectRef;
    kind: InspectionKind;
    escalatedFromSupervisionId?: string | null;
    grounds: string;
    proposedOn: IsoDate;
  }
>;
export type DecideInspection = Command<
  'decideInspection',
  { decisionNumber: string; decidedOn: IsoDate; scope: string; period: InspectionPeriod; teamMemberIds: readonly string[] }
>;
export type SendOutline = Command<'sendOutline', { sentOn: IsoDate }>;
export type ReceiveExplanation = Command<'receiveExplanation', { receivedOn: IsoDate; summary: string }>;
export type ReportVerification = Command<'reportVerification', { reportedOn: IsoDate; draftReportSummary: string }>;
export type ConcludeInspection = Command<
  'concludeInspection',
  {
    concludedOn: IsoDate;
    violationFound: boolean;
    severity: ViolationSeverity;
    findings: string;
    recommendations: readonly string[];
    proposeDiscipline: boolean;
  }
>;
export type NotifyConclusion = Command<'notifyConclusion', { notifiedOn: IsoDate }>;
export type RecordFollowUp = Command<'recordFollowUp', { checkedOn: IsoDate; result: FollowUpResult; note: string }>;
export type CloseInspection = Command<'closeInspection', { closedOn: IsoDate }>;

export type InspectionCommand =
  | ProposeInspection
  | DecideInspection
  | SendOutline
  | ReceiveExplanation
  | ReportVerification
  | ConcludeInspection
  | NotifyConclusion
  | RecordFollowUp
  | CloseInspection;
