import { RuleViolationError } from '../shared/domain/errors.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import { isAfter, isBefore } from './dates.js';
import type { Citation, DeferralEffect, DeferralGround, RuleVersion } from './rule-version.js';

/** A ground recorded on a case; `until` (exclusive) is when it was lifted, null while it lasts. */
export type RecordedDeferralGround = Readonly<{ ground: DeferralGround; since: IsoDate; until: IsoDate | null }>;

export type ActiveDeferral = RecordedDeferralGround & Readonly<{ effect: DeferralEffect; citation: Citation; confirmed: boolean; blocksDiscipline: boolean }>;

export type DeferralCheck = Readonly<{ ruleVersion: string; on: IsoDate; active: readonly ActiveDeferral[]; blocksDiscipline: boolean }>;

/**
 * Grounds for not yet considering discipline (QĐ 69 art. 2 cl. 14): which recorded grounds are active on
 * a date and whether they bar a decision; a deceased member's case may proceed only if especially serious.
 */
export function deferralActive(
  grounds: readonly RecordedDeferralGround[],
  on: IsoDate,
  version: RuleVersion,
  options: Readonly<{ especiallySerious: boolean }> = { especiallySerious: false },
): DeferralCheck {
  const active = grounds
    .filter((g) => !isAfter(g.since, on) && (g.until === null || isBefore(on, g.until)))
    .flatMap((g): ActiveDeferral[] => {
      const rule = version.rules.deferral.grounds.find((r) => r.ground === g.ground);
      if (!rule) return [];
      const blocksDiscipline =
        rule.effect === 'not-yet-considered' ||
        rule.effect === 'not-disciplined-until-found' ||
        (rule.effect === 'not-disciplined-unless-especially-serious' && !options.especiallySerious);
      return [{ ...g, effect: rule.effect, citation: rule.citation, confirmed: rule.confirmed, blocksDiscipline }];
    });
  return { ruleVersion: version.id, on, active, blocksDiscipline: active.some((a) => a.blocksDiscipline) };
}

export function requireNoDeferral(check: DeferralCheck): void {
  const blocking = check.active.filter((a) => a.blocksDiscipline);
  if (blocking.length === 0) return;
  throw new RuleViolationError('deferral-active', {
    on: check.on,
    grounds: blocking,
    ruleVersion: check.ruleVersion,
    citation: blocking[0]?.citation,
  });
}

/**
 * While a ground of "not yet considered" (chưa xem xét) is active the case is not considered at all
 * (QĐ 69 art. 2 cl. 14): no ballot is held on a day inside its period, and no decision rests on such a
 * ballot. Grounds that only bar the sanction (missing, deceased) still let the body conclude and vote.
 */
export function requireConsidered(check: DeferralCheck, act: 'ballot' | 'decision'): void {
  const deferring = check.active.filter((a) => a.effect === 'not-yet-considered');
  if (deferring.length === 0) return;
  throw new RuleViolationError('deferral-active', {
    on: check.on,
    act,
    grounds: deferring,
    ruleVersion: check.ruleVersion,
    citation: deferring[0]?.citation,
  });
}
