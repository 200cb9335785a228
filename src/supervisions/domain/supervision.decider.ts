import { requireActingBody } from '../../shared/domain/acting-body.js';
import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError } from '../../shared/domain/errors.js';
import { requireActDate, requireNotInFuture, requireSubject, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { StartSupervision, SupervisionCommand } from './supervision.commands.js';
import { SUPERVISION_KINDS, type SupervisionEvent } from './supervision.events.js';
import { evolveSupervision, initialSupervisionState, type SupervisionState } from './supervision.state.js';

export const SUPERVISION_STREAM_TYPE = 'supervision';
export const STREAM_TYPE = SUPERVISION_STREAM_TYPE;
export function supervisionStreamId(supervisionId: string): string {
  return `${SUPERVISION_STREAM_TYPE}-${supervisionId}`;
}
export const streamId = supervisionStreamId;

export const supervisionMachine = transitions<SupervisionState>()({
  startSupervision: ['not-started'],
  recordFindings: ['under-way'],
  concludeSupervision: ['under-way'],
  escalateSupervision: ['signs-of-violation'],
  closeSupervision: ['concluded', 'signs-of-violation', 'escalated'],
});

export type SupervisionCommandType = SupervisionCommand['type'];

export function allowedSupervisionCommands(state: SupervisionState): SupervisionCommandType[] {
  return supervisionMachine.allowedCommands(state.status);
}

function start(command: StartSupervision): SupervisionEvent[] {
  const { supervisionId, body, subject, kind, plan, startedOn } = command.data;
  const topic = command.data.topic ?? null;
  requireText('supervisionId', supervisionId);
  requireActingBody('body', body);
  requireSubject('subject', subject);
  if (!SUPERVISION_KINDS.includes(kind)) throw new InvalidInputError('kind', 'supervision-kind', { value: kind });
  requireText('plan', plan);
  if (topic !== null) requireText('topic', topic);
  if (kind === 'thematic' && topic === null) throw new InvalidInputError('topic', 'required-for-thematic');
  requireNotInFuture('startedOn', startedOn, command.metadata.today);
  return [{ type: 'SupervisionStarted', data: { supervisionId, body, subject, kind, plan, topic, startedOn } }];
}

export function decideSupervision(command: SupervisionCommand, state: SupervisionState): SupervisionEvent[] {
  const { today } = command.metadata;
  switch (command.type) {
    case 'startSupervision':
      supervisionMachine.requireState(state, command.type);
      return start(command);
    case 'recordFindings': {
      const { supervision, lastActOn } = supervisionMachine.requireState(state, command.type);
      const { recordedOn, findings } = command.data;
      requireText('findings', findings);
      requireActDate('recordedOn', recordedOn, lastActOn, today);
      return [{ type: 'SupervisionFindingsRecorded', data: { supervisionId: supervision.supervisionId, recordedOn, findings } }];
    }
    case 'concludeSupervision': {
      const { supervision, lastActOn } = supervisionMachine.requireState(state, command.type);
      const { concludedOn, signsOfViolation, summary } = command.data;
      requireText('summary', summary);
      requireActDate('concludedOn', concludedOn, lastActOn, today);
      return [{ type: 'SupervisionConcluded', data: { supervisionId: supervision.supervisionId, concludedOn, signsOfViolation, summary } }];
    }
    case 'escalateSupervision': {
      const { supervision, lastActOn } = supervisionMachine.requireState(state, command.type);
      const { inspectionId, escalatedOn } = command.data;
      requireText('inspectionId', inspectionId);
      requireActDate('escalatedOn', escalatedOn, lastActOn, today);
      return [{ type: 'SupervisionEscalated', data: { supervisionId: supervision.supervisionId, inspectionId, escalatedOn } }];
    }
    case 'closeSupervision': {
      const { supervision, lastActOn } = supervisionMachine.requireState(state, command.type);
      requireActDate('closedOn', command.data.closedOn, lastActOn, today);
      return [{ type: 'SupervisionClosed', data: { supervisionId: supervision.supervisionId, closedOn: command.data.closedOn } }];
    }
    default:
      return assertNever(command);
  }
}

export const supervisionDecider: Decider<SupervisionCommand, SupervisionState, SupervisionEvent> = {
  decide: decideSupervision,
  evolve: evolveSupervision,
  initialState: initialSupervisionState,
};
