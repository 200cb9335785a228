import { assertNever } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { ConclusionFollowedUp, InspectionConcluded, InspectionDecided, InspectionEvent, InspectionProposed } from './inspection.events.js';

export type InspectionProposal = InspectionProposed['data'];
export type InspectionDecision = Omit<InspectionDecided['data'], 'inspectionId'>;
export type InspectionConclusion = Omit<InspectionConcluded['data'], 'inspectionId'>;
export type FollowUp = Omit<ConclusionFollowedUp['data'], 'inspectionId'>;

type Opened = Readonly<{ proposal: InspectionProposal; lastActOn: IsoDate }>;
type UnderWay = Opened & Readonly<{ decision: InspectionDecision }>;
type Concluded = UnderWay & Readonly<{ conclusion: InspectionConclusion }>;
type Notified = Concluded & Readonly<{ notifiedOn: IsoDate; followUps: readonly FollowUp[] }>;

export type InspectionState =
  | Readonly<{ status: 'not-proposed' }>
  | (Readonly<{ status: 'proposed' }> & Opened)
  | (Readonly<{ status: 'decided' | 'outline-sent' | 'explanation-received' | 'verification-reported' }> & UnderWay)
  | (Readonly<{ status: 'concluded' }> & Concluded)
  | (Readonly<{ status: 'conclusion-notified' | 'following-up' | 'closed' }> & Notified);

export type InspectionStatus = InspectionState['status'];

export function initialInspectionState(): InspectionState {
  return { status: 'not-proposed' };
}

export function evolveInspection(state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionProposed':
      return { status: 'proposed', proposal: event.data, lastActOn: event.data.proposedOn };
    case 'InspectionDecided': {
      if (state.status !== 'proposed') return state;
      const { inspectionId: _id, ...decision } = event.data;
      return { ...state, status: 'decided', decision, lastActOn: decision.decidedOn };
    }
    case 'InspectionOutlineSent':
      return state.status === 'decided' ? { ...state, status: 'outline-sent', lastActOn: event.data.sentOn } : state;
    case 'ExplanationReceived':
      return state.status === 'outline-sent' ? { ...state, status: 'explanation-received', lastActOn: event.data.receivedOn } : state;
    case 'VerificationReported':
      return state.status === 'explanation-received' ? { ...state, status: 'verification-reported', lastActOn: event.data.reportedOn } : state;
    case 'InspectionConcluded': {
      if (state.status !== 'verification-reported') return state;
      const { inspectionId: _id, ...conclusion } = event.data;
      return { ...state, status: 'concluded', conclusion, lastActOn: conclusion.concludedOn };
    }
    case 'ConclusionNotified':
      if (state.status !== 'concluded') return state;
      return { ...state, status: 'conclusion-notified', notifiedOn: event.data.notifiedOn, followUps: [], lastActOn: event.data.notifiedOn };
    case 'ConclusionFollowedUp': {
      if (state.status !== 'conclusion-notified' && state.status !== 'following-up') return state;
      const { inspectionId: _id, ...followUp } = event.data;
      return { ...state, status: 'following-up', followUps: [...state.followUps, followUp], lastActOn: followUp.checkedOn };
    }
    case 'InspectionClosed':
      if (state.status !== 'conclusion-notified' && state.status !== 'following-up') return state;
      return { ...state, status: 'closed', lastActOn: event.data.closedOn };
    default:
      return assertNever(event);
  }
}
