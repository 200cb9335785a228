import { InvalidInputError, RuleViolationError } from '../shared/domain/errors.js';
import type { IsoDate, SanctionForm } from '../shared/domain/vocabulary.js';
import { isAfter, periodEnd } from './dates.js';
import { applied, type Applied, type Duration, type GraveOffence, type RuleVersion } from './rule-version.js';

export type ViolationForLimitation = Readonly<{
  committedOn: IsoDate;
  graveOffences: readonly GraveOffence[];
}>;

export type LimitationComputation = Applied &
  Readonly<{
    subjectKind: 'member' | 'organization';
    level: SanctionForm;
    period: Duration | null;
    /** Why no period applies: the level of the form, or a grave offence listed for this subject kind. */
    noLimitationBecause: Readonly<{ formLevel: SanctionForm } | { graveOffence: GraveOffence }> | null;
    /** Each violation in date order and the date the clock runs from after it. */
    clock: readonly Readonly<{ committedOn: IsoDate; runsFrom: IsoDate; restarted: boolean }>[];
    /** Last day on which the competent body may still conclude that discipline is warranted; null: no limit. */
    lastDate: IsoDate | null;
  }>;

/**
 * Limitation period (thời hiệu; QĐ 69 art. 4 cl. 2): from the violation to the competent body's conclusion;
 * a new violation within the period restarts it. The last day is the anniversary of the violation
 * (the period starts the day after it, Civil Code art. 147-148).
 */
export function limitationLastDate(
  violations: readonly ViolationForLimitation[],
  subjectKind: 'member' | 'organization',
  level: SanctionForm,
  version: RuleVersion,
): LimitationComputation {
  const rule = version.rules.limitation;
  const rules = rule[subjectKind];
  if (violations.length === 0) throw new InvalidInputError('violations', 'at-least-one');
  const levelRule = rules.periods.find((p) => p.form === level);
  if (!levelRule) throw new InvalidInputError('level', 'form-of-subject', { value: level, subjectKind });

  const sorted = [...violations].sort((a, b) => a.committedOn.localeCompare(b.committedOn));
  const grave = sorted.flatMap((v) => v.graveOffences).find((o) => rules.imprescriptibleOffences.includes(o));
  const noLimitationBecause = levelRule.period === null ? { formLevel: level } : grave ? { graveOffence: grave } : null;
  const base = { ...applied(version, rules), subjectKind, level, period: levelRule.period, noLimitationBecause };
  if (levelRule.period === null || noLimitationBecause) return { ...base, clock: [], lastDate: null };

  const period = levelRule.period;
  const clock: { committedOn: IsoDate; runsFrom: IsoDate; restarted: boolean }[] = [];
  for (const violation of sorted) {
    const previous = clock.at(-1);
    const withinPeriod = previous !== undefined && !isAfter(violation.committedOn, periodEnd(previous.runsFrom, period));
    const runsFrom = previous === undefined || rule.restartsOnNewViolation || !withinPeriod ? violation.committedOn : previous.runsFrom;
    clock.push({ committedOn: violation.committedOn, runsFrom, restarted: withinPeriod && rule.restartsOnNewViolation });
  }
  const runsFrom = clock.at(-1)?.runsFrom ?? violation0(sorted);
  return { ...base, clock, lastDate: periodEnd(runsFrom, period) };
}

function violation0(sorted: readonly ViolationForLimitation[]): IsoDate {
  const first = sorted[0];
  if (!first) throw new InvalidInputError('violations', 'at-least-one');
  return first.committedOn;
}

export function limitationExpiredOn(computation: LimitationComputation, concludedOn: IsoDate): boolean {
  return computation.lastDate !== null && isAfter(concludedOn, computation.lastDate);
}

export function requireWithinLimitation(computation: LimitationComputation, concludedOn: IsoDate): void {
  if (!limitationExpiredOn(computation, concludedOn)) return;
  throw new RuleViolationError('limitation-expired', {
    concludedOn,
    lastDate: computation.lastDate,
    period: computation.period,
    level: computation.level,
    clock: computation.clock,
    ruleVersion: computation.ruleVersion,
    citation: computation.citation,
  });
}
