import { RuleViolationError } from '../shared/domain/errors.js';
import type { IsoDate, OrganizationLevel, SanctionForm } from '../shared/domain/vocabulary.js';
import { isAfter, periodEnd } from './dates.js';
import { applied, type Applied, type Duration, type RestorationItem, type RuleVersion } from './rule-version.js';
import type { DecidingBody, OrganizationAt } from './subject.js';

export type AppealWindow = Applied & Readonly<{ receivedOn: IsoDate; period: Duration; lastDay: IsoDate }>;

/** An appeal (khiếu nại kỷ luật) is filed within one month of receiving the decision (Charter art. 39 cl. 7). */
export function appealWindowEnd(receivedOn: IsoDate, version: RuleVersion): AppealWindow {
  const rule = version.rules.appeal.window;
  return { ...applied(version, rule), receivedOn, period: rule.period, lastDay: periodEnd(receivedOn, rule.period) };
}

export function requireAppealInTime(window: AppealWindow, filedOn: IsoDate): void {
  if (!isAfter(filedOn, window.lastDay)) return;
  throw new RuleViolationError('appeal-late', {
    receivedOn: window.receivedOn,
    filedOn,
    lastDay: window.lastDay,
    period: window.period,
    ruleVersion: window.ruleVersion,
    citation: window.citation,
  });
}

export type AppealHandlingDeadline = Applied & Readonly<{ filedOn: IsoDate; level: OrganizationLevel; period: Duration; dueOn: IsoDate }>;

/** Handling within 3 months at province/district level, 6 at central level (QĐ 22 art. 22; QĐ 30: 90/180 working days). */
export function appealHandlingDeadline(filedOn: IsoDate, level: OrganizationLevel, version: RuleVersion): AppealHandlingDeadline {
  const rule = version.rules.appeal.handling.find((h) => h.levels.includes(level));
  if (!rule) {
    throw new RuleViolationError('appeal-not-admissible', {
      reason: 'no-reviewing-level',
      level,
      ruleVersion: version.id,
      citation: version.rules.appeal.admissibility.citation,
    });
  }
  return { ...applied(version, rule), filedOn, level, period: rule.period, dueOn: periodEnd(filedOn, rule.period) };
}

export type ReviewLevel = Applied &
  Readonly<{
    organizationId: string;
    level: OrganizationLevel;
    bodyKinds: readonly DecidingBody['bodyKind'][];
    /** When the level the rules name was abolished: the body that handed its appeals over, when and by which decision. */
    handedOverBy?: AppealHandover;
  }>;

/** A body's appeals handed to a body of another organization from a date, by a decision (an organization's `BodySucceeded`). */
export type AppealHandover = Readonly<{ organizationId: string; bodyKind: DecidingBody['bodyKind']; successor: DecidingBody; from: IsoDate; decision: string }>;

/** More handovers than levels: a longer chain is a cycle in the records. */
const MAX_HANDOVERS = 10;

/**
 * Where an appeal goes when the rules name the bodies of an abolished level (the 2025 reform ended district
 * organizations; each province's plan names who takes over their work, HD 31-HD/BTCTW of 23 Apr 2025): to
 * the bodies that took over the appeals of the bodies the rules name, by `filedOn`, following a chain of
 * handovers. Where they went to several organizations, the first body the rules name decides which. The
 * transitional rule for appeals itself was not found in the sources: the routing follows the handovers
 * recorded from each province's plan.
 */
export function reviewLevelOnFiling(expected: ReviewLevel, handovers: readonly AppealHandover[], filedOn: IsoDate): ReviewLevel {
  let level = expected;
  for (let hop = 0; hop < MAX_HANDOVERS; hop++) {
    const named = level.bodyKinds;
    const rank = (handover: AppealHandover) => (named.length === 0 ? 0 : named.indexOf(handover.bodyKind));
    const inForce = handovers
      .filter((h) => h.organizationId === level.organizationId && rank(h) >= 0 && !isAfter(h.from, filedOn))
      .sort((a, b) => rank(a) - rank(b));
    const [first] = inForce;
    if (!first) return level;
    const { successor } = first;
    const bodyKinds = [...new Set(inForce.filter((h) => h.successor.organizationId === successor.organizationId).map((h) => h.successor.bodyKind))];
    level = { ...level, organizationId: successor.organizationId, level: successor.level, bodyKinds, handedOverBy: first };
  }
  return level;
}

/**
 * The next higher level that handles an appeal against `decidedBy` (Charter art. 39 cl. 7-9): a commission's
 * decision goes to its own committee; others to the directly superior organization; central bodies to the
 * Central Committee. Null when `decidedBy` is the Central Committee (no higher level).
 */
export function nextReviewLevel(decidedBy: DecidingBody, chain: readonly OrganizationAt[], version: RuleVersion): ReviewLevel | null {
  const rule = version.rules.appeal.admissibility;
  if (decidedBy.bodyKind === 'central-committee') return null;
  if (decidedBy.level === 'central') {
    return { ...applied(version, rule), organizationId: decidedBy.organizationId, level: 'central', bodyKinds: ['central-committee'] };
  }
  if (decidedBy.bodyKind === 'inspection-commission') {
    return {
      ...applied(version, rule),
      organizationId: decidedBy.organizationId,
      level: decidedBy.level,
      bodyKinds: ['standing-committee', 'executive-committee'],
    };
  }
  const index = chain.findIndex((o) => o.organizationId === decidedBy.organizationId);
  const superior = index >= 0 ? chain[index + 1] : undefined;
  if (!superior) return null;
  const bodyKinds = version.rules.structure.bodies[superior.level].filter((kind) => kind !== 'cell');
  return { ...applied(version, rule), organizationId: superior.organizationId, level: superior.level, bodyKinds };
}

/** Whether a decision on appeal by this body is final for the form (Charter art. 39 cl. 9). */
export function isFinalLevel(body: DecidingBody, form: SanctionForm, version: RuleVersion): boolean {
  return body.bodyKind === 'central-committee' || version.rules.appeal.finalLevel.byForm.some((f) => f.forms.includes(form) && f.bodyKind === body.bodyKind);
}

export type Restoration = Applied & Readonly<{ form: SanctionForm; items: readonly RestorationItem[] }>;

/** What an annulment restores (QĐ 117-QĐ/TW): for dismissal the post or an equivalent, for expulsion membership. */
export function restorationOnAnnulment(form: SanctionForm, version: RuleVersion): Restoration {
  const rule = version.rules.restoration;
  const items = [...rule.always, ...rule.byForm.filter((b) => b.form === form).flatMap((b) => b.items)];
  return { ...applied(version, rule), form, items };
}
