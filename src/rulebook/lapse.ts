import type { IsoDate, SanctionForm } from '../shared/domain/vocabulary.js';
import { periodEnd } from './dates.js';
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
