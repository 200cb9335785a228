import type { BodyKind, IsoDate, Membership, OrganizationLevel, SanctionForm } from '../shared/domain/vocabulary.js';

/** Where a rule is written: the document and its article (and clause). */
export type Citation = Readonly<{ document: string; article: string }>;

/** Every rule carries its citation; `confirmed: false` marks a number the sources do not settle. */
export type Cited = Readonly<{ citation: Citation; confirmed: boolean; note?: string }>;

export const DURATION_UNITS = ['years', 'months', 'calendar-days', 'working-days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** A legal period: calendar years/months, calendar days, or working days (Mon-Fri, no holidays). */
export type Duration = Readonly<{ amount: number; unit: DurationUnit }>;

export const THRESHOLD_COMPARISONS = ['more-than', 'at-least'] as const;
/** A fraction of the counted members: "more than half" is {more-than, 1, 2}; "at least two thirds" {at-least, 2, 3}. */
export type Threshold = Readonly<{ comparison: (typeof THRESHOLD_COMPARISONS)[number]; numerator: number; denominator: number }>;

/** Facts about the subject relative to the deciding body, on which the authority matrix depends. */
export const AUTHORITY_RELATIONS = [
  'belongsToBodyOrganization',
  'committeeMemberOfSameLevel',
  'committeeMemberOfLowerLevel',
  'committeeMemberOfLevelDirectlyBelow',
  'managedBySameLevelCommittee',
  'managedByHigherCommittee',
  'concernsTaskAssignedByHigherLevel',
  'bodyEmpoweredToAdmitMembers',
  'bodyDirectlySuperiorToSubject',
  'bodyTwoLevelsAboveSubject',
] as const;
export type AuthorityRelation = (typeof AUTHORITY_RELATIONS)[number];

export type AuthorityGrant = Cited &
  Readonly<{
    id: string;
    bodyKinds: readonly BodyKind[];
    levels: readonly OrganizationLevel[];
    subject: 'member' | 'organization';
    forms: readonly SanctionForm[];
    /** Every listed relation must have the given value. */
    when: Readonly<Partial<Record<AuthorityRelation, boolean>>>;
  }>;

export const EXCLUSION_REASONS = ['temporarily-transferred', 'exempt-and-absent', 'suspended', 'prosecuted'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const GRAVE_OFFENCES = ['internal-politics', 'defence-security-foreign-affairs', 'unlawful-diplomas'] as const;
export type GraveOffence = (typeof GRAVE_OFFENCES)[number];

export const DEFERRAL_GROUNDS = [
  'pregnancy',
  'maternity-leave',
  'raising-child-under-12-months',
  'serious-illness-in-hospital',
  'declared-missing',
  'deceased',
  'loss-of-civil-capacity',
  'innovation-under-conclusion-14',
] as const;
export type DeferralGround = (typeof DEFERRAL_GROUNDS)[number];

export const DEFERRAL_EFFECTS = [
  'not-yet-considered',
  'not-disciplined-until-found',
  'not-disciplined-unless-especially-serious',
  'may-exempt-or-reduce',
] as const;
export type DeferralEffect = (typeof DEFERRAL_EFFECTS)[number];

/** What an annulled sanction took away and is given back (QĐ 117-QĐ/TW). */
export const RESTORATION_ITEMS = [
  'evaluation-and-classification',
  'cadre-planning-eligibility',
  'appointment-and-nomination',
  'salary-increase',
  'commendations-and-awards',
  'post-or-equivalent',
  'party-membership',
] as const;
export type RestorationItem = (typeof RESTORATION_ITEMS)[number];

/** An organization's periods may come from another text than a member's (QĐ 07-QĐi/TW from 2018), so each cites its own. */
export type LimitationRules = Cited &
  Readonly<{
    periods: readonly Readonly<{ form: SanctionForm; period: Duration | null }>[];
    imprescriptibleOffences: readonly GraveOffence[];
  }>;

export type RuleVersion = Readonly<{
  id: string;
  title: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  documents: readonly string[];
  rules: Readonly<{
    /** Which bodies exist at which level (districts were abolished in 2025). */
    structure: Cited & Readonly<{ bodies: Readonly<Record<OrganizationLevel, readonly BodyKind[]>> }>;
    forms: Cited &
      Readonly<{
        organization: readonly SanctionForm[];
        member: Readonly<Record<Membership, readonly SanctionForm[]>>;
        onlyForPostHolders: readonly SanctionForm[];
      }>;
    authority: Readonly<{ grants: readonly AuthorityGrant[] }>;
    voting: Cited &
      Readonly<{
        majority: Threshold;
        proposal: Readonly<{ forms: readonly SanctionForm[]; threshold: Threshold }>;
        cumulative: boolean;
        excludedFromDenominator: readonly ExclusionReason[];
      }>;
    limitation: Cited & Readonly<{ member: LimitationRules; organization: LimitationRules; restartsOnNewViolation: boolean }>;
    deferral: Readonly<{ grounds: readonly (Cited & Readonly<{ ground: DeferralGround; effect: DeferralEffect }>)[] }>;
    effect: Cited &
      Readonly<{
        cellDecisionEffectiveOnVoteResultAnnouncement: boolean;
        cellHandOverWithin: Cited & Readonly<{ period: Duration }>;
        announcementWithin: Cited & Readonly<{ period: Duration }>;
      }>;
    lapse: Cited & Readonly<{ after: Duration; excludedForms: readonly SanctionForm[] }>;
    consequences: Readonly<{
      dismissalBar: Cited & Readonly<{ period: Duration }>;
      planningBars: Cited & Readonly<{ bars: readonly Readonly<{ form: SanctionForm; period: Duration }>[] }>;
    }>;
    appeal: Readonly<{
      window: Cited & Readonly<{ period: Duration }>;
      handling: readonly (Cited & Readonly<{ levels: readonly OrganizationLevel[]; period: Duration }>)[];
      finalLevel: Cited & Readonly<{ byForm: readonly Readonly<{ forms: readonly SanctionForm[]; bodyKind: BodyKind }>[] }>;
      admissibility: Cited;
    }>;
    restoration: Cited &
      Readonly<{ always: readonly RestorationItem[]; byForm: readonly Readonly<{ form: SanctionForm; items: readonly RestorationItem[] }>[] }>;
    stateCoupling: Cited & Readonly<{ within: Duration }>;
  }>;
}>;

/** What every rule function returns beside its answer: the version and the article it applied. */
export type Applied = Readonly<{ ruleVersion: string; citation: Citation; confirmed: boolean }>;

export function applied(version: RuleVersion, rule: Cited): Applied {
  return { ruleVersion: version.id, citation: rule.citation, confirmed: rule.confirmed };
}
