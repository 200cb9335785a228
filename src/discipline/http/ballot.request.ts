import { DateField, EnumField, IntField, NestedField } from '../../platform/http/request-fields.js';
import { EXCLUSION_REASONS, type ExclusionReason } from '../../rulebook/index.js';
import { DecidingBodyRequest } from './deciding-body.request.js';
import { NestedListField } from '../../platform/http/list-fields.js';

const MAX_MEMBERS = 1000;
const count = (example: number, description?: string) =>
  IntField(example, { min: 0, max: MAX_MEMBERS, optional: true, ...(description ? { description } : {}) });

/** Votes per form; a form left out had no votes. */
export class VotesRequest {
  @count(2, 'Khiển trách') reprimand?: number;
  @count(2, 'Cảnh cáo') warning?: number;
  @count(2, 'Cách chức (only for a member holding a post)') dismissal?: number;
  @count(3, 'Khai trừ') expulsion?: number;
  @count(0, 'Giải tán (organizations)') dissolution?: number;
}

export class ExcludedMembersRequest {
  @EnumField(EXCLUSION_REASONS, 'temporarily-transferred', { description: 'Why these members are left out of the denominator' })
  reason!: ExclusionReason;

  @IntField(1, { min: 1, max: MAX_MEMBERS })
  count!: number;
}

/** A secret ballot (bỏ phiếu kín); consistency of the counts is checked by the rulebook (422 with the computation). */
export class BallotRequest {
  @EnumField(['proposal', 'decision'] as const, 'decision', {
    description: 'proposal: the considering body proposes (expulsion needs two thirds); decision: the competent body decides',
  })
  stage!: 'proposal' | 'decision';

  @NestedField(() => DecidingBodyRequest, { description: 'The body that votes' })
  body!: DecidingBodyRequest;

  @DateField('2026-05-06')
  heldOn!: string;

  @IntField(12, { min: 1, max: MAX_MEMBERS, description: 'Full members of the cell, or members of the committee or commission' })
  fullMembers!: number;

  @NestedListField(() => ExcludedMembersRequest, { description: 'Members left out of the denominator, with the reason' })
  excluded!: ExcludedMembersRequest[];

  @IntField(11, { min: 0, max: MAX_MEMBERS })
  present!: number;

  @NestedField(() => VotesRequest)
  votes!: VotesRequest;

  @IntField(1, { min: 0, max: MAX_MEMBERS, description: 'Votes for not disciplining (không kỷ luật)' })
  againstDiscipline!: number;

  @IntField(1, { min: 0, max: MAX_MEMBERS })
  abstentions!: number;
}
