import { requireActingBody } from '../../shared/domain/acting-body.js';
import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError } from '../../shared/domain/errors.js';
import { requireActDate, requireIsoDate, requireNotBefore, requireNotInFuture, requireSubject, requireText } from '../../shared/domain/input.js';
import { compareIsoDates } from '../../shared/domain/iso-date.js';
import { transitions, type InStatus } from '../../shared/domain/transitions.js';
import type { ConcludeInspection, DecideInspection, InspectionCommand, ProposeInspection } from './inspection.commands.js';
import { FOLLOW_UP_RESULTS, INSPECTION_KINDS, VIOLATION_SEVERITIES, type InspectionEvent } from './inspection.events.js';
import { evolveInspection, initialInspectionState, type InspectionState } from './inspection.state.js';

export const INSPECTION_STREAM_TYPE = 'inspection';
export const STREAM_TYPE = INSPECTION_STREAM_TYPE;
export function inspectionStreamId(inspectionId: string): string {
  return `${INSPECTION_STREAM_TYPE}-${inspectionId}`;
}
export const streamId = inspectionStreamId;

/** Preparation, execution, conclusion, follow-up (QĐ 296-QĐ/TW; guidance 08-HD/TW): one step after another. */
export const inspectionMachine = transitions<InspectionState>()({
  proposeInspection: ['not-proposed'],
  decideInspection: ['proposed'],
  sendOutline: ['decided'],
  receiveExplanation: ['outline-sent'],
  reportVerification: ['explanation-received'],
  concludeInspection: ['verification-reported'],
  notifyConclusion: ['concluded'],
  recordFollowUp: ['conclusion-notified', 'following-up'],
  closeInspection: ['conclusion-notified', 'following-up'],
});

export type InspectionCommandType = InspectionCommand['type'];

export function allowedInspectionCommands(state: InspectionState): InspectionCommandType[] {
  return inspectionMachine.allowedCommands(state.status);
}

function propose(command: ProposeInspection): InspectionEvent[] {
  const { inspectionId, body, subject, kind, grounds, proposedOn } = command.data;
  const escalatedFromSupervisionId = command.data.escalatedFromSupervisionId ?? null;
  requireText('inspectionId', inspectionId);
  requireActingBody('body', body);
  requireSubject('subject', subject);
  if (!INSPECTION_KINDS.includes(kind)) throw new InvalidInputError('kind', 'inspection-kind', { value: kind });
  if (escalatedFromSupervisionId !== null && kind !== 'suspected-violation') {
    throw new InvalidInputError('kind', 'escalation-is-suspected-violation');
  }
  requireText('grounds', grounds);
  requireNotInFuture('proposedOn', proposedOn, command.metadata.today);
  return [{ type: 'InspectionProposed', data: { inspectionId, body, subject, kind, escalatedFromSupervisionId, grounds, proposedOn } }];
}

function decide(command: DecideInspection, state: InStatus<InspectionState, 'proposed'>): InspectionEvent[] {
  const { decisionNumber, decidedOn, scope, period, teamMemberIds } = command.data;
  requireText('decisionNumber', decisionNumber);
  requireText('scope', scope);
  requireIsoDate('period.from', period.from);
  requireIsoDate('period.to', period.to);
  if (compareIsoDates(period.to, period.from) < 0) {
    throw new InvalidInputError('period.to', 'not-before-from', { from: period.from, to: period.to });
  }
  if (teamMemberIds.length === 0) throw new InvalidInputError('teamMemberIds', 'not-empty');
  teamMemberIds.forEach((id, index) => requireText(`teamMemberIds[${index}]`, id));
  if (new Set(teamMemberIds).size !== teamMemberIds.length) throw new InvalidInputError('teamMemberIds', 'unique');
  const { subject } = state.proposal;
  if (subject.kind === 'member' && teamMemberIds.includes(subject.memberId)) {
    throw new InvalidInputError('teamMemberIds', 'subject-not-on-team');
  }
  requireNotBefore('decidedOn', decidedOn, state.proposal.proposedOn, 'proposal');
  requireActDate('decidedOn', decidedOn, state.lastActOn, command.metadata.today);
  const { inspectionId } = state.proposal;
  return [{ type: 'InspectionDecided', data: { inspectionId, decisionNumber, decidedOn, scope, period, teamMemberIds } }];
}

function conclude(command: ConcludeInspection, state: InStatus<InspectionState, 'verification-reported'>): InspectionEvent[] {
  const { concludedOn, violationFound, severity, findings, recommendations, proposeDiscipline } = command.data;
  if (!VIOLATION_SEVERITIES.includes(severity)) throw new InvalidInputError('severity', 'violation-severity', { value: severity });
  if (!violationFound && severity !== 'none') {
    throw new InvalidInputError('severity', 'none-without-violation');
  }
  if (violationFound && severity === 'none') {
    throw new InvalidInputError('severity', 'graded-when-violation-found');
  }
  if (proposeDiscipline && !violationFound) {
    throw new InvalidInputError('proposeDiscipline', 'requires-violation');
  }
  requireText('findings', findings);
  recommendations.forEach((recommendation, index) => requireText(`recommendations[${index}]`, recommendation));
  requireNotBefore('concludedOn', concludedOn, state.decision.decidedOn, 'decision');
  requireActDate('concludedOn', concludedOn, state.lastActOn, command.metadata.today);
  const { inspectionId } = state.proposal;
  return [{ type: 'InspectionConcluded', data: { inspectionId, concludedOn, violationFound, severity, findings, recommendations, proposeDiscipline } }];
}

export function decideInspection(command: InspectionCommand, state: InspectionState): InspectionEvent[] {
  const { today } = command.metadata;
  switch (command.type) {
    case 'proposeInspection':
      inspectionMachine.requireState(state, command.type);
      return propose(command);
    case 'decideInspection':
      return decide(command, inspectionMachine.requireState(state, command.type));
    case 'sendOutline': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      requireActDate('sentOn', command.data.sentOn, lastActOn, today);
      return [{ type: 'InspectionOutlineSent', data: { inspectionId: proposal.inspectionId, sentOn: command.data.sentOn } }];
    }
    case 'receiveExplanation': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      const { receivedOn, summary } = command.data;
      requireText('summary', summary);
      requireActDate('receivedOn', receivedOn, lastActOn, today);
      return [{ type: 'ExplanationReceived', data: { inspectionId: proposal.inspectionId, receivedOn, summary } }];
    }
    case 'reportVerification': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      const { reportedOn, draftReportSummary } = command.data;
      requireText('draftReportSummary', draftReportSummary);
      requireActDate('reportedOn', reportedOn, lastActOn, today);
      return [{ type: 'VerificationReported', data: { inspectionId: proposal.inspectionId, reportedOn, draftReportSummary } }];
    }
    case 'concludeInspection':
      return conclude(command, inspectionMachine.requireState(state, command.type));
    case 'notifyConclusion': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      requireActDate('notifiedOn', command.data.notifiedOn, lastActOn, today);
      return [{ type: 'ConclusionNotified', data: { inspectionId: proposal.inspectionId, notifiedOn: command.data.notifiedOn } }];
    }
    case 'recordFollowUp': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      const { checkedOn, result, note } = command.data;
      if (!FOLLOW_UP_RESULTS.includes(result)) throw new InvalidInputError('result', 'follow-up-result', { value: result });
      requireText('note', note);
      requireActDate('checkedOn', checkedOn, lastActOn, today);
      return [{ type: 'ConclusionFollowedUp', data: { inspectionId: proposal.inspectionId, checkedOn, result, note } }];
    }
    case 'closeInspection': {
      const { proposal, lastActOn } = inspectionMachine.requireState(state, command.type);
      requireActDate('closedOn', command.data.closedOn, lastActOn, today);
      return [{ type: 'InspectionClosed', data: { inspectionId: proposal.inspectionId, closedOn: command.data.closedOn } }];
    }
    default:
      return assertNever(command);
  }
}

export const inspectionDecider: Decider<InspectionCommand, InspectionState, InspectionEvent> = {
  decide: decideInspection,
  evolve: evolveInspection,
  initialState: initialInspectionState,
};
