import type { IsoDate, SanctionForm } from '../shared/domain/vocabulary.js';
import { isAfter, isBefore, periodEnd } from './dates.js';
import { applied, type Applied, type RuleVersion } from './rule-version.js';

export type LapseComputation = Applied & Readonly<{ form: SanctionForm; announcedOn: IsoDate; lapsesOn: IsoDate | null }>;

/**
 * A decision ends by itself 12 months after its announcement (or that of the decision on appeal) with no
 * appeal, repeat or new violation (QĐ 69 art. 2 cl. 5); never for expulsion or dissolution (null).
 */
export function lapseDate(announcedOn: IsoDate, form: SanctionForm, version: RuleVersion): LapseComputation {
  const rule = version.rules.lapse;
  const lapsesOn = rule.excludedForms.includes(form) ? null : periodEnd(announcedOn, rule.after);
  return { ...applied(version, rule), form, announcedOn, lapsesOn };
}

/** What the lapse of one decision depends on besides its form and announcement. */
export type LapseFacts = Readonly<{
  form: SanctionForm;
  /** The announcement the 12 months run from: the decision's, or the latest decision on appeal's. */
  announcedOn: IsoDate;
  /** An appeal against the decision is filed and not yet decided. */
  appealPending: boolean;
  /** The days the subject committed other violations (a repeat or a new violation). */
  violationsCommittedOn: readonly IsoDate[];
}>;

export type LapseState = LapseComputation &
  Readonly<{
    /** The day it ended by itself, if it has by `on`; null while in effect or when it never lapses. */
    lapsedOn: IsoDate | null;
    /** What keeps it from lapsing on its date, if anything. */
    heldBy: Readonly<{ appealPending: true } | { violationCommittedOn: IsoDate }> | null;
  }>;

/**
 * Whether a decision has ended by itself on `on` (QĐ 69 art. 2 cl. 5): time alone decides, no act is
 * needed. A violation committed after the announcement and by the lapse date, or an appeal still pending
 * on that date, keeps it in effect.
 */
export function lapseOn(facts: LapseFacts, on: IsoDate, version: RuleVersion): LapseState {
  const lapse = lapseDate(facts.announcedOn, facts.form, version);
  const { lapsesOn } = lapse;
  if (lapsesOn === null) return { ...lapse, lapsedOn: null, heldBy: null };
  const violation = facts.violationsCommittedOn.find((day) => isAfter(day, facts.announcedOn) && !isAfter(day, lapsesOn));
  if (violation !== undefined) return { ...lapse, lapsedOn: null, heldBy: { violationCommittedOn: violation } };
  if (facts.appealPending) return { ...lapse, lapsedOn: null, heldBy: { appealPending: true } };
  return { ...lapse, lapsedOn: isBefore(on, lapsesOn) ? null : lapsesOn, heldBy: null };
}
