import type { InspectionState } from '../../inspections/domain/inspection.state.js';
import { periodEnd, type Duration } from '../../rulebook/index.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';

/**
 * Work-list targets for inspections. The rulebook sets no period for an inspection's steps, so these are
 * the service's own policy, not law (hence `confirmed: false` wherever they show): an inspection decided
 * is due to be concluded within 90 days of its decision; a notified conclusion is due a follow-up check
 * within 90 days of the notification or of the last check, until the file is closed.
 */
export const INSPECTION_TARGETS = {
  conclusion: { amount: 90, unit: 'calendar-days' },
  followUp: { amount: 90, unit: 'calendar-days' },
} as const satisfies Record<string, Duration>;

export type InspectionDueKind = 'inspection-conclusion' | 'inspection-follow-up';

export type InspectionDue = Readonly<{ kind: InspectionDueKind; dueOn: IsoDate }>;

export function inspectionDue(state: InspectionState): InspectionDue | null {
  switch (state.status) {
    case 'decided':
    case 'outline-sent':
    case 'explanation-received':
    case 'verification-reported':
      return { kind: 'inspection-conclusion', dueOn: periodEnd(state.decision.decidedOn, INSPECTION_TARGETS.conclusion) };
    case 'conclusion-notified':
    case 'following-up':
      return { kind: 'inspection-follow-up', dueOn: periodEnd(state.lastActOn, INSPECTION_TARGETS.followUp) };
    case 'not-proposed':
    case 'proposed':
    case 'concluded':
    case 'closed':
      return null;
  }
}
