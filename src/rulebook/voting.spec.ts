import { RuleViolationError } from '../shared/domain/errors.js';
import { defaultRulebook } from './rulebook.js';
import { body, CELL, DISTRICT } from './rulebook.fixtures.js';
import { requiredVotes, tallyBallot, type Ballot } from './voting.js';

const v2023 = defaultRulebook().versionInForce('2023-05-10');
const postHolder = { kind: 'member', membership: 'full', holdsPost: true } as const;

function ballot(overrides: Partial<Ballot>): Ballot {
  return {
    stage: 'proposal',
    body: body(CELL, 'cell'),
    heldOn: '2023-05-10',
    fullMembers: 11,
    excluded: [],
    present: 11,
    votes: {},
    againstDiscipline: 0,
    abstentions: 0,
    ...overrides,
  };
}

describe('vote counting (QĐ 22 art. 15; Charter art. 38 cl. 3)', () => {
  it('QĐ 22 art. 15: "more than half" of 11 is 6, of 10 is 6; "at least two thirds" of 12 is 8, of 11 is 8', () => {
    const half = { comparison: 'more-than', numerator: 1, denominator: 2 } as const;
    const twoThirds = { comparison: 'at-least', numerator: 2, denominator: 3 } as const;
    expect([requiredVotes(half, 11), requiredVotes(half, 10), requiredVotes(twoThirds, 12), requiredVotes(twoThirds, 11)]).toEqual([6, 6, 8, 8]);
  });

  it('QĐ 22 art. 15 (cộng dồn): 11 counted, expulsion 3, dismissal 2, warning 2, reprimand 2 → totals 3, 5, 7 ≥ 6: warning', () => {
    const tally = tallyBallot(ballot({ votes: { expulsion: 3, dismissal: 2, warning: 2, reprimand: 2 } }), postHolder, v2023);
    expect(tally.outcome).toBe('warning');
    expect(tally.byCumulativeCount).toBe(true);
    expect(tally.steps.map((s) => [s.form, s.runningTotal, s.required, s.reached])).toEqual([
      ['expulsion', 3, 8, false],
      ['dismissal', 5, 6, false],
      ['warning', 7, 6, true],
    ]);
    expect(tally).toMatchObject({ counted: 11, ruleVersion: v2023.id, citation: { article: 'art. 15' } });
  });

  it('QĐ 22 art. 15: when no running total reaches its threshold, nothing is decided', () => {
    const tally = tallyBallot(ballot({ votes: { warning: 2, reprimand: 3 }, againstDiscipline: 6 }), postHolder, v2023);
    expect(tally.outcome).toBeNull();
    expect(tally.steps.at(-1)).toMatchObject({ form: 'reprimand', runningTotal: 5, required: 6, reached: false });
  });

  it('QĐ 22 art. 15: the denominator excludes members on temporary transfer, exempt and absent, suspended or prosecuted', () => {
    const tally = tallyBallot(
      ballot({
        fullMembers: 15,
        excluded: [
          { reason: 'temporarily-transferred', count: 1 },
          { reason: 'exempt-and-absent', count: 1 },
          { reason: 'suspended', count: 1 },
          { reason: 'prosecuted', count: 1 },
        ],
        present: 11,
        votes: { reprimand: 6 },
      }),
      postHolder,
      v2023,
    );
    expect(tally).toMatchObject({ excluded: 4, counted: 11, outcome: 'reprimand', byCumulativeCount: false });
  });

  it('Charter art. 38 cl. 3: expulsion is proposed with two thirds: 8 of 12 counted proposes it', () => {
    expect(tallyBallot(ballot({ fullMembers: 12, present: 12, votes: { expulsion: 8, warning: 4 } }), postHolder, v2023).outcome).toBe('expulsion');
  });

  it('Charter art. 38 cl. 3: 7 of 12 for expulsion is below two thirds; added to dismissal votes it decides dismissal', () => {
    const tally = tallyBallot(ballot({ fullMembers: 12, present: 12, votes: { expulsion: 7, warning: 5 } }), postHolder, v2023);
    expect(tally.steps[0]).toMatchObject({ form: 'expulsion', runningTotal: 7, required: 8, reached: false });
    expect(tally.outcome).toBe('dismissal');
  });

  it('Charter art. 38 cl. 3: the deciding body decides a proposed expulsion by more than half: 5 of 9', () => {
    const decision = ballot({
      stage: 'decision',
      body: body(DISTRICT, 'inspection-commission'),
      fullMembers: 9,
      present: 9,
      votes: { expulsion: 5 },
      againstDiscipline: 4,
    });
    expect(tallyBallot(decision, postHolder, v2023)).toMatchObject({ outcome: 'expulsion', steps: [{ required: 5, reached: true }] });
  });

  it('QĐ 69 art. 7: votes for dismissal of a member without a post are refused', () => {
    expect(() => tallyBallot(ballot({ votes: { dismissal: 6 } }), { kind: 'member', membership: 'full', holdsPost: false }, v2023)).toThrow(RuleViolationError);
  });

  it('rejects more ballots than members present', () => {
    expect(() => tallyBallot(ballot({ present: 5, votes: { reprimand: 6 } }), postHolder, v2023)).toThrow('6 ballots cast by 5 present');
  });
});
