import type { IsoDate, SanctionForm } from '../shared/domain/vocabulary.js';
import { periodEnd } from './dates.js';
import { applied, type Applied, type Duration, type RuleVersion } from './rule-version.js';

export type BarComputation = Applied & Readonly<{ form: SanctionForm; from: IsoDate; period: Duration | null; barredUntil: IsoDate | null }>;

/** After dismissal, no election to a committee nor appointment to an equal or higher post for one year (Charter art. 40 cl. 3). */
export function electionBarUntil(effectiveOn: IsoDate, form: SanctionForm, version: RuleVersion): BarComputation {
  const rule = version.rules.consequences.dismissalBar;
  const period = form === 'dismissal' ? rule.period : null;
  return { ...applied(version, rule), form, from: effectiveOn, period, barredUntil: period ? periodEnd(effectiveOn, period) : null };
}

/** Not planned, appointed or nominated for a period after a sanction (quy hoạch; QĐ 80/2022: 12, 30, 60 months). */
export function planningBarUntil(effectiveOn: IsoDate, form: SanctionForm, version: RuleVersion): BarComputation {
  const rule = version.rules.consequences.planningBars;
  const period = rule.bars.find((b) => b.form === form)?.period ?? null;
  return { ...applied(version, rule), form, from: effectiveOn, period, barredUntil: period ? periodEnd(effectiveOn, period) : null };
}

/**
 * A sanction taking effect takes the member off every planning list (đưa ra khỏi quy hoạch) when its form
 * bars planning (above) or ends the membership: the member no longer meets the list's conditions. Cited
 * as the bar it follows from.
 */
export function removesFromPlanning(form: SanctionForm, version: RuleVersion): Applied & Readonly<{ form: SanctionForm; removes: boolean }> {
  const rule = version.rules.consequences.planningBars;
  return { ...applied(version, rule), form, removes: form === 'expulsion' || rule.bars.some((b) => b.form === form) };
}
