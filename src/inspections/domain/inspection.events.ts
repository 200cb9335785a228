import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';

/** Kiểm tra thường xuyên / kiểm tra khi có dấu hiệu vi phạm. */
export const INSPECTION_KINDS = ['regular', 'suspected-violation'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const VIOLATION_SEVERITIES = ['none', 'minor', 'serious', 'very-serious', 'especially-serious'] as const;
export type ViolationSeverity = (typeof VIOLATION_SEVERITIES)[number];

/** Đã thực hiện / thực hiện một phần / chưa thực hiện kết luận. */
export const FOLLOW_UP_RESULTS = ['carried-out', 'partly-carried-out', 'not-carried-out'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export type InspectionPeriod = Readonly<{ from: IsoDate; to: IsoDate }>;

export type InspectionProposed = Event<
  'InspectionProposed',
  {
    inspectionId: string;
    body: ActingBody;
    subject: SubjectRef;
    kind: InspectionKind;
    escalatedFromSupervisionId: string | null;
    grounds: string;
    proposedOn: IsoDate;
  }
>;
/** Quyết định kiểm tra: number, scope, the period examined and the team (đoàn kiểm tra). */
export type InspectionDecided = Event<
  'InspectionDecided',
  { inspectionId: string; decisionNumber: string; decidedOn: IsoDate; scope: string; period: InspectionPeriod; teamMemberIds: readonly string[] }
>;
/** Đề cương gửi đối tượng kiểm tra. */
export type InspectionOutlineSent = Event<'InspectionOutlineSent', { inspectionId: string; sentOn: IsoDate }>;
/** Báo cáo giải trình of the subject. */
export type ExplanationReceived = Event<'ExplanationReceived', { inspectionId: string; receivedOn: IsoDate; summary: string }>;
/** Thẩm tra, xác minh; dự thảo báo cáo. */
export type VerificationReported = Event<'VerificationReported', { inspectionId: string; reportedOn: IsoDate; draftReportSummary: string }>;
export type InspectionConcluded = Event<
  'InspectionConcluded',
  {
    inspectionId: string;
    concludedOn: IsoDate;
    violationFound: boolean;
    severity: ViolationSeverity;
    findings: string;
    recommendations: readonly string[];
    proposeDiscipline: boolean;
  }
>;
export type ConclusionNotified = Event<'ConclusionNotified', { inspectionId: string; notifiedOn: IsoDate }>;
export type ConclusionFollowedUp = Event<'ConclusionFollowedUp', { inspectionId: string; checkedOn: IsoDate; result: FollowUpResult; note: string }>;
/** Lưu hồ sơ: the file is archived. */
export type InspectionClosed = Event<'InspectionClosed', { inspectionId: string; closedOn: IsoDate }>;

export type InspectionEvent =
  | InspectionProposed
  | InspectionDecided
  | InspectionOutlineSent
  | ExplanationReceived
  | VerificationReported
  | InspectionConcluded
  | ConclusionNotified
  | ConclusionFollowedUp
  | InspectionClosed;

export const INSPECTION_ACT_DATES: ActDates<InspectionEvent> = {
  InspectionProposed: (e) => e.data.proposedOn,
  InspectionDecided: (e) => e.data.decidedOn,
  InspectionOutlineSent: (e) => e.data.sentOn,
  ExplanationReceived: (e) => e.data.receivedOn,
  VerificationReported: (e) => e.data.reportedOn,
  InspectionConcluded: (e) => e.data.concludedOn,
  ConclusionNotified: (e) => e.data.notifiedOn,
  ConclusionFollowedUp: (e) => e.data.checkedOn,
  InspectionClosed: (e) => e.data.closedOn,
};
