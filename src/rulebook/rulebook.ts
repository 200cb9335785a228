import { RuleViolationError } from '../shared/domain/errors.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import { loadRuleVersions } from './load-rulebook.js';
import type { RuleVersion } from './rule-version.js';

/** The dated chain of rule versions; each decision pins the version in force on its date. */
export class Rulebook {
  readonly versions: readonly RuleVersion[];

  constructor(versions: readonly RuleVersion[]) {
    this.versions = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  versionInForce(on: IsoDate): RuleVersion {
    const version = this.versions.find((v) => v.effectiveFrom <= on && (v.effectiveTo === null || on <= v.effectiveTo));
    if (!version) {
      throw new RuleViolationError('no-rule-version', {
        on,
        versions: this.versions.map((v) => ({ id: v.id, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo })),
      });
    }
    return version;
  }

  byId(id: string): RuleVersion {
    const version = this.versions.find((v) => v.id === id);
    if (!version) throw new RuleViolationError('unknown-rule-version', { ruleVersion: id });
    return version;
  }
}

let shipped: Rulebook | undefined;

/** The versions shipped in src/rulebook/versions, read once. */
export function defaultRulebook(): Rulebook {
  shipped ??= new Rulebook(loadRuleVersions());
  return shipped;
}
