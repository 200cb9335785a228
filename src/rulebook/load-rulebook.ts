import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from '../shared/domain/iso-date.js';
import { BODY_KINDS, MEMBERSHIPS, ORGANIZATION_LEVELS, SANCTION_FORMS } from '../shared/domain/vocabulary.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import {
  AUTHORITY_RELATIONS,
  DEFERRAL_EFFECTS,
  DEFERRAL_GROUNDS,
  DURATION_UNITS,
  EXCLUSION_REASONS,
  GRAVE_OFFENCES,
  RESTORATION_ITEMS,
  THRESHOLD_COMPARISONS,
  type AuthorityGrant,
  type AuthorityRelation,
  type Cited,
  type Duration,
  type LimitationRules,
  type RuleVersion,
  type Threshold,
} from './rule-version.js';

/** A version file that does not have the shape of a rule version; thrown at start-up. */
export class RulebookFormatError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'RulebookFormatError';
  }
}

/** Reads one JSON value, reporting the file and the dotted path of any field that does not fit. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly value: unknown,
    private readonly path: string,
  ) {}

  fail(message: string): never {
    throw new RulebookFormatError(this.file, this.path || '(root)', message);
  }

  field(name: string): Reader {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('must be an object');
    return new Reader(this.file, (this.value as Record<string, unknown>)[name], this.path ? `${this.path}.${name}` : name);
  }

  has(name: string): boolean {
    return typeof this.value === 'object' && this.value !== null && name in this.value;
  }

  keys(): string[] {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('must be an object');
    return Object.keys(this.value);
  }

  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') this.fail('must be a non-empty string');
    return this.value;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('must be true or false');
    return this.value;
  }

  positiveInteger(): number {
    if (typeof this.value !== 'number' || !Number.isInteger(this.value) || this.value <= 0) this.fail('must be a positive integer');
    return this.value;
  }

  date(): IsoDate {
    const text = this.string();
    if (!isIsoDate(text)) this.fail(`must be a date YYYY-MM-DD, got ${text}`);
    return text;
  }

  nullable<T>(read: (reader: Reader) => T): T | null {
    return this.value === null ? null : read(this);
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    const text = this.string();
    if (!(allowed as readonly string[]).includes(text)) this.fail(`must be one of ${allowed.join(', ')}, got ${text}`);
    return text as T;
  }

  array<T>(read: (reader: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('must be an array');
    return this.value.map((item, index) => read(new Reader(this.file, item, `${this.path}[${index}]`)));
  }
}

const citation = (r: Reader) => ({ document: r.field('document').string(), article: r.field('article').string() });

function cited(r: Reader): Cited {
  return {
    citation: citation(r.field('citation')),
    confirmed: r.field('confirmed').boolean(),
    ...(r.has('note') ? { note: r.field('note').string() } : {}),
  };
}

const duration = (r: Reader): Duration => ({ amount: r.field('amount').positiveInteger(), unit: r.field('unit').oneOf(DURATION_UNITS) });
const forms = (r: Reader) => r.array((f) => f.oneOf(SANCTION_FORMS));

function threshold(r: Reader): Threshold {
  const result = {
    comparison: r.field('comparison').oneOf(THRESHOLD_COMPARISONS),
    numerator: r.field('numerator').positiveInteger(),
    denominator: r.field('denominator').positiveInteger(),
  };
  if (result.numerator > result.denominator) r.field('numerator').fail('must not exceed the denominator');
  return result;
}

function grant(r: Reader): AuthorityGrant {
  const when = r.field('when');
  const conditions: Partial<Record<AuthorityRelation, boolean>> = {};
  for (const key of when.keys()) {
    const relation = new Reader('', key, '').oneOf(AUTHORITY_RELATIONS);
    conditions[relation] = when.field(key).boolean();
  }
  return {
    ...cited(r),
    id: r.field('id').string(),
    bodyKinds: r.field('bodyKinds').array((b) => b.oneOf(BODY_KINDS)),
    levels: r.field('levels').array((l) => l.oneOf(ORGANIZATION_LEVELS)),
    subject: r.field('subject').oneOf(['member', 'organization'] as const),
    forms: forms(r.field('forms')),
    when: conditions,
  };
}

const limitationRules = (r: Reader): LimitationRules => ({
  ...cited(r),
  periods: r.field('periods').array((p) => ({ form: p.field('form').oneOf(SANCTION_FORMS), period: p.field('period').nullable(duration) })),
  imprescriptibleOffences: r.field('imprescriptibleOffences').array((o) => o.oneOf(GRAVE_OFFENCES)),
});

/** Checks the whole shape of one version file and returns it typed. */
export function parseRuleVersion(file: string, json: unknown): RuleVersion {
  const r = new Reader(file, json, '');
  const rules = r.field('rules');
  const structure = rules.field('structure');
  const bodies = structure.field('bodies');
  const formRules = rules.field('forms');
  const voting = rules.field('voting');
  const limitation = rules.field('limitation');
  const effect = rules.field('effect');
  const lapse = rules.field('lapse');
  const consequences = rules.field('consequences');
  const appeal = rules.field('appeal');
  const stateCoupling = rules.field('stateCoupling');
  const restoration = rules.field('restoration');
  const version: RuleVersion = {
    id: r.field('id').string(),
    title: r.field('title').string(),
    effectiveFrom: r.field('effectiveFrom').date(),
    effectiveTo: r.field('effectiveTo').nullable((d) => d.date()),
    documents: r.field('documents').array((d) => d.string()),
    rules: {
      structure: {
        ...cited(structure),
        bodies: Object.fromEntries(ORGANIZATION_LEVELS.map((level) => [level, bodies.field(level).array((b) => b.oneOf(BODY_KINDS))])) as Record<
          (typeof ORGANIZATION_LEVELS)[number],
          (typeof BODY_KINDS)[number][]
        >,
      },
      forms: {
        ...cited(formRules),
        organization: forms(formRules.field('organization')),
        member: Object.fromEntries(MEMBERSHIPS.map((m) => [m, forms(formRules.field('member').field(m))])) as Record<
          (typeof MEMBERSHIPS)[number],
          (typeof SANCTION_FORMS)[number][]
        >,
        onlyForPostHolders: forms(formRules.field('onlyForPostHolders')),
      },
      authority: { grants: rules.field('authority').field('grants').array(grant) },
      voting: {
        ...cited(voting),
        majority: threshold(voting.field('majority')),
        proposal: { forms: forms(voting.field('proposal').field('forms')), threshold: threshold(voting.field('proposal').field('threshold')) },
        cumulative: voting.field('cumulative').boolean(),
        excludedFromDenominator: voting.field('excludedFromDenominator').array((e) => e.oneOf(EXCLUSION_REASONS)),
      },
      limitation: {
        ...cited(limitation),
        member: limitationRules(limitation.field('member')),
        organization: limitationRules(limitation.field('organization')),
        restartsOnNewViolation: limitation.field('restartsOnNewViolation').boolean(),
      },
      deferral: {
        grounds: rules
          .field('deferral')
          .field('grounds')
          .array((g) => ({ ...cited(g), ground: g.field('ground').oneOf(DEFERRAL_GROUNDS), effect: g.field('effect').oneOf(DEFERRAL_EFFECTS) })),
      },
      effect: {
        ...cited(effect),
        cellDecisionEffectiveOnVoteResultAnnouncement: effect.field('cellDecisionEffectiveOnVoteResultAnnouncement').boolean(),
        cellHandOverWithin: { ...cited(effect.field('cellHandOverWithin')), period: duration(effect.field('cellHandOverWithin').field('period')) },
        announcementWithin: { ...cited(effect.field('announcementWithin')), period: duration(effect.field('announcementWithin').field('period')) },
      },
      lapse: { ...cited(lapse), after: duration(lapse.field('after')), excludedForms: forms(lapse.field('excludedForms')) },
      consequences: {
        dismissalBar: { ...cited(consequences.field('dismissalBar')), period: duration(consequences.field('dismissalBar').field('period')) },
        planningBars: {
          ...cited(consequences.field('planningBars')),
          bars: consequences
            .field('planningBars')
            .field('bars')
            .array((b) => ({ form: b.field('form').oneOf(SANCTION_FORMS), period: duration(b.field('period')) })),
        },
      },
      appeal: {
        window: { ...cited(appeal.field('window')), period: duration(appeal.field('window').field('period')) },
        handling: appeal
          .field('handling')
          .array((h) => ({ ...cited(h), levels: h.field('levels').array((l) => l.oneOf(ORGANIZATION_LEVELS)), period: duration(h.field('period')) })),
        finalLevel: {
          ...cited(appeal.field('finalLevel')),
          byForm: appeal
            .field('finalLevel')
            .field('byForm')
            .array((f) => ({ forms: forms(f.field('forms')), bodyKind: f.field('bodyKind').oneOf(BODY_KINDS) })),
        },
        admissibility: cited(appeal.field('admissibility')),
      },
      restoration: {
        ...cited(restoration),
        always: restoration.field('always').array((i) => i.oneOf(RESTORATION_ITEMS)),
        byForm: restoration
          .field('byForm')
          .array((b) => ({ form: b.field('form').oneOf(SANCTION_FORMS), items: b.field('items').array((i) => i.oneOf(RESTORATION_ITEMS)) })),
      },
      stateCoupling: { ...cited(stateCoupling), within: duration(stateCoupling.field('within')) },
    },
  };
  if (version.effectiveTo !== null && version.effectiveTo < version.effectiveFrom) {
    throw new RulebookFormatError(file, 'effectiveTo', `${version.effectiveTo} is before effectiveFrom ${version.effectiveFrom}`);
  }
  return version;
}

/** The versions shipped beside this module; a new version is one more JSON file in that folder. */
export function defaultRulebookDir(): string {
  return fileURLToPath(new URL('./versions/', import.meta.url));
}

/** Reads and validates every `*.json` in `dir`, ordered by effectiveFrom; periods must not overlap. */
export function loadRuleVersions(dir: string = defaultRulebookDir()): RuleVersion[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const versions = files.map((name) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new RulebookFormatError(name, '(file)', `not valid JSON: ${(error as Error).message}`);
    }
    return { name, version: parseRuleVersion(name, json) };
  });
  versions.sort((a, b) => a.version.effectiveFrom.localeCompare(b.version.effectiveFrom));
  versions.forEach(({ name, version }, index) => {
    const next = versions[index + 1];
    if (versions.some((other) => other.name !== name && other.version.id === version.id)) {
      throw new RulebookFormatError(name, 'id', `duplicate version id ${version.id}`);
    }
    if (next && (version.effectiveTo === null || version.effectiveTo >= next.version.effectiveFrom)) {
      throw new RulebookFormatError(name, 'effectiveTo', `overlaps ${next.name} (effective from ${next.version.effectiveFrom})`);
    }
  });
  return versions.map(({ version }) => version);
}
