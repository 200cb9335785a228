import { getAppeal, getDisciplineCase, getInspection, getPlanningList, getSelfCriticismReview, getSupervision } from '../api/generated/sdk.gen.js';
import type { MessageKey } from '../i18n/i18n.js';

export interface StreamView {
  readonly id: string;
  readonly version: number;
  readonly state: Record<string, unknown>;
  readonly allowedCommands: readonly string[];
  /** The member's name and birth date are left out for the caller's role. */
  readonly personalDataWithheld?: boolean;
}

type Getter = (options: { path: { id: string } }) => Promise<{ data?: unknown; error?: unknown; response?: Response }>;

/** The workflows whose files an officer opens and moves step by step. */
export const WORKFLOWS = {
  inspections: { title: 'nav.inspections', start: 'start.inspection', create: 'proposeInspection', get: getInspection as Getter },
  supervisions: { title: 'nav.supervisions', start: 'start.supervision', create: 'startSupervision', get: getSupervision as Getter },
  'discipline-cases': { title: 'nav.cases', start: 'start.case', create: 'openDisciplineCase', get: getDisciplineCase as Getter },
  appeals: { title: 'start.appeal', start: 'start.appeal', create: 'fileAppeal', get: getAppeal as Getter },
  'self-criticism-reviews': { title: 'start.review', start: 'start.review', create: 'scheduleReview', get: getSelfCriticismReview as Getter },
  'planning-lists': { title: 'nav.planning', start: 'start.planning', create: 'approvePlanningList', get: getPlanningList as Getter },
} satisfies Record<string, { title: MessageKey; start: MessageKey; create: string; get: Getter }>;

export type WorkflowName = keyof typeof WORKFLOWS;

export function isWorkflow(name: string | undefined): name is WorkflowName {
  return name !== undefined && name in WORKFLOWS;
}

const LINKED_STREAM = /^(inspection|supervision|discipline-case|appeal|self-criticism-review|planning-list|member|organization)-(.+)$/;

/** The page of a stream (`inspection-<uuid>` and so on), for links from the work list, the history and the audit trail. */
export function linkOfStream(streamId: string): string | null {
  const match = LINKED_STREAM.exec(streamId);
  if (!match) return null;
  const [, kind, id] = match;
  return kind === 'member' ? `/members/${id}` : kind === 'organization' ? `/organizations/${id}` : `/${kind}s/${id}`;
}
