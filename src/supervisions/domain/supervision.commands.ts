import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { SupervisionKind } from './supervision.events.js';

export type StartSupervision = Command<
  'startSupervision',
  { supervisionId: string; body: ActingBody; subject: SubjectRef; kind: SupervisionKind; plan: string; topic?: string | null; startedOn: IsoDate }
>;
export type RecordFindings = Command<'recordFindings', { recordedOn: IsoDate; findings: string }>;
export type ConcludeSupervision = Command<'concludeSupervision', { concludedOn: IsoDate; signsOfViolation: boolean; summary: string }>;
/** `inspectionId` is the id of the inspection stream the caller then starts with `escalatedFromSupervisionId`. */
export type EscalateSupervision = Command<'escalateSupervision', { inspectionId: string; escalatedOn: IsoDate }>;
export type CloseSupervision = Command<'closeSupervision', { closedOn: IsoDate }>;

export type SupervisionCommand = StartSupervision | RecordFindings | ConcludeSupervision | EscalateSupervision | CloseSupervision;
