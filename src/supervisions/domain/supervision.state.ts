import { assertNever } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { SupervisionConcluded, SupervisionEvent, SupervisionFindingsRecorded, SupervisionStarted } from './supervision.events.js';

export type SupervisionPlan = SupervisionStarted['data'];
export type SupervisionFindings = Omit<SupervisionFindingsRecorded['data'], 'supervisionId'>;
export type SupervisionConclusion = Omit<SupervisionConcluded['data'], 'supervisionId'>;

type UnderWay = Readonly<{ supervision: SupervisionPlan; findings: readonly SupervisionFindings[]; lastActOn: IsoDate }>;
type Concluded = UnderWay & Readonly<{ conclusion: SupervisionConclusion }>;

/** A conclusion with signs of violation is its own state: only it may be escalated to an inspection. */
export type SupervisionState =
  | Readonly<{ status: 'not-started' }>
  | (Readonly<{ status: 'under-way' }> & UnderWay)
  | (Readonly<{ status: 'concluded' | 'signs-of-violation' }> & Concluded)
  | (Readonly<{ status: 'escalated' }> & Concluded & Readonly<{ inspectionId: string }>)
  | (Readonly<{ status: 'closed' }> & Concluded & Readonly<{ inspectionId: string | null }>);

export type SupervisionStatus = SupervisionState['status'];

export function initialSupervisionState(): SupervisionState {
  return { status: 'not-started' };
}

export function evolveSupervision(state: SupervisionState, event: SupervisionEvent): SupervisionState {
  switch (event.type) {
    case 'SupervisionStarted':
      return { status: 'under-way', supervision: event.data, findings: [], lastActOn: event.data.startedOn };
    case 'SupervisionFindingsRecorded': {
      if (state.status !== 'under-way') return state;
      const { supervisionId: _id, ...findings } = event.data;
      return { ...state, findings: [...state.findings, findings], lastActOn: findings.recordedOn };
    }
    case 'SupervisionConcluded': {
      if (state.status !== 'under-way') return state;
      const { supervisionId: _id, ...conclusion } = event.data;
      const status = conclusion.signsOfViolation ? 'signs-of-violation' : 'concluded';
      return { ...state, status, conclusion, lastActOn: conclusion.concludedOn };
    }
    case 'SupervisionEscalated':
      if (state.status !== 'signs-of-violation') return state;
      return { ...state, status: 'escalated', inspectionId: event.data.inspectionId, lastActOn: event.data.escalatedOn };
    case 'SupervisionClosed':
      if (state.status !== 'concluded' && state.status !== 'signs-of-violation' && state.status !== 'escalated') return state;
      return { ...state, status: 'closed', inspectionId: state.status === 'escalated' ? state.inspectionId : null, lastActOn: event.data.closedOn };
    default:
      return assertNever(event);
  }
}
