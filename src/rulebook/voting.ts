import { InvalidInputError, RuleViolationError } from '../shared/domain/errors.js';
import { SANCTION_FORMS, type IsoDate, type SanctionForm } from '../shared/domain/vocabulary.js';
import { allowedForms } from './forms.js';
import { applied, type Applied, type ExclusionReason, type RuleVersion, type Threshold } from './rule-version.js';
import type { DecidingBody, FormSubject } from './subject.js';

/**
 * A secret ballot (bỏ phiếu kín). `proposal`: the body that considers the case votes on what to
 * propose or decide (expulsion/dissolution need two thirds to be proposed); `decision`: the competent
 * body votes on a proposal it received (more than half for every form).
 */
export type Ballot = Readonly<{
  stage: 'proposal' | 'decision';
  body: DecidingBody;
  heldOn: IsoDate;
  /** Full members of the cell, or members of the committee/commission. */
  fullMembers: number;
  /** Members left out of the denominator, with the reason. */
  excluded: readonly Readonly<{ reason: ExclusionReason; count: number }>[];
  present: number;
  votes: Readonly<Partial<Record<SanctionForm, number>>>;
  /** Votes for not disciplining (không kỷ luật). */
  againstDiscipline: number;
  abstentions: number;
}>;

export type TallyStep = Readonly<{
  form: SanctionForm;
  votes: number;
  runningTotal: number;
  threshold: Threshold;
  required: number;
  reached: boolean;
}>;

export type BallotTally = Applied &
  Readonly<{
    stage: Ballot['stage'];
    fullMembers: number;
    excluded: number;
    /** Counted members: the denominator of every threshold. */
    counted: number;
    steps: readonly TallyStep[];
    /** The form decided (or proposed), or null when no running total reaches its threshold. */
    outcome: SanctionForm | null;
    /** True when the outcome needed votes for harsher forms added to its own (cộng dồn). */
    byCumulativeCount: boolean;
  }>;

/** Smallest number of votes that meets the threshold out of `counted`. */
export function requiredVotes(threshold: Threshold, counted: number): number {
  const exact = (counted * threshold.numerator) / threshold.denominator;
  return threshold.comparison === 'more-than' ? Math.floor(exact) + 1 : Math.ceil(exact);
}

function validate(ballot: Ballot, counted: number, allowed: readonly SanctionForm[], version: RuleVersion): void {
  const cast = Object.values(ballot.votes).reduce((sum, n) => sum + (n ?? 0), 0) + ballot.againstDiscipline + ballot.abstentions;
  if (counted < 1) throw new InvalidInputError('excluded', 'counted-members-positive', { fullMembers: ballot.fullMembers });
  if (ballot.present > ballot.fullMembers) {
    throw new InvalidInputError('present', 'at-most-full-members', { present: ballot.present, fullMembers: ballot.fullMembers });
  }
  if (cast > ballot.present) throw new InvalidInputError('votes', 'at-most-present', { cast, present: ballot.present });
  for (const [form, count] of Object.entries(ballot.votes)) {
    if ((count ?? 0) > 0 && !allowed.includes(form as SanctionForm)) {
      throw new RuleViolationError('form-not-allowed', {
        form,
        allowedForms: allowed,
        ruleVersion: version.id,
        citation: version.rules.forms.citation,
      });
    }
  }
}

/**
 * Counting of a discipline ballot (QĐ 22 art. 15; Charter art. 38 cl. 3): from the harshest allowed form
 * down, votes are added (cộng dồn) and the first form whose running total reaches its threshold is the outcome.
 */
export function tallyBallot(ballot: Ballot, subject: FormSubject, version: RuleVersion): BallotTally {
  const rule = version.rules.voting;
  const excluded = ballot.excluded.filter((e) => rule.excludedFromDenominator.includes(e.reason)).reduce((sum, e) => sum + e.count, 0);
  const counted = ballot.fullMembers - excluded;
  const allowed = allowedForms(subject, version).forms;
  validate(ballot, counted, allowed, version);

  const harshestFirst = [...allowed].sort((a, b) => SANCTION_FORMS.indexOf(b) - SANCTION_FORMS.indexOf(a));
  const steps: TallyStep[] = [];
  let runningTotal = 0;
  for (const form of harshestFirst) {
    const votes = ballot.votes[form] ?? 0;
    runningTotal = rule.cumulative ? runningTotal + votes : votes;
    const threshold = ballot.stage === 'proposal' && rule.proposal.forms.includes(form) ? rule.proposal.threshold : rule.majority;
    const required = requiredVotes(threshold, counted);
    const reached = runningTotal >= required;
    steps.push({ form, votes, runningTotal, threshold, required, reached });
    if (reached) {
      return {
        ...applied(version, rule),
        stage: ballot.stage,
        fullMembers: ballot.fullMembers,
        excluded,
        counted,
        steps,
        outcome: form,
        byCumulativeCount: votes < required,
      };
    }
  }
  return { ...applied(version, rule), stage: ballot.stage, fullMembers: ballot.fullMembers, excluded, counted, steps, outcome: null, byCumulativeCount: false };
}
