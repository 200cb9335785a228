import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';

/** Giám sát thường xuyên / giám sát chuyên đề. */
export const SUPERVISION_KINDS = ['regular', 'thematic'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export type SupervisionStarted = Event<
  'SupervisionStarted',
  { supervisionId: string; body: ActingBody; subject: SubjectRef; kind: SupervisionKind; plan: string; topic: string | null; startedOn: IsoDate }
>;
export type SupervisionFindingsRecorded = Event<'SupervisionFindingsRecorded', { supervisionId: string; recordedOn: IsoDate; findings: string }>;
export type SupervisionConcluded = Event<'SupervisionConcluded', { supervisionId: string; concludedOn: IsoDate; signsOfViolation: boolean; summary: string }>;
/** Chuyển sang kiểm tra khi có dấu hiệu vi phạm: the inspection stream starts with the same id. */
export type SupervisionEscalated = Event<'SupervisionEscalated', { supervisionId: string; inspectionId: string; escalatedOn: IsoDate }>;
export type SupervisionClosed = Event<'SupervisionClosed', { supervisionId: string; closedOn: IsoDate }>;

export type SupervisionEvent = SupervisionStarted | SupervisionFindingsRecorded | SupervisionConcluded | SupervisionEscalated | SupervisionClosed;

export const SUPERVISION_ACT_DATES: ActDates<SupervisionEvent> = {
  SupervisionStarted: (e) => e.data.startedOn,
  SupervisionFindingsRecorded: (e) => e.data.recordedOn,
  SupervisionConcluded: (e) => e.data.concludedOn,
  SupervisionEscalated: (e) => e.data.escalatedOn,
  SupervisionClosed: (e) => e.data.closedOn,
};
