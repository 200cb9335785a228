import { DateField, EnumField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';
import { REVIEW_REMOVAL_REASONS, type PlanningRemovalReason } from '../../domain/planning-list.events.js';

export class RemoveFromPlanningRequest {
  @UuidField('0d9f4a51-7c2e-4b8a-9f3e-2a6b1c5d7e90', { description: 'The member taken off the list' })
  memberId!: string;

  @DateField('2019-08-20')
  removedOn!: string;

  @EnumField(REVIEW_REMOVAL_REASONS, 'standards-not-met', {
    description: 'Why the committee’s review takes the member off; a sanction taking effect removes the member by itself',
  })
  reason!: Exclude<PlanningRemovalReason, 'discipline'>;

  @TextField('1021-QĐ/HU', { maxLength: SHORT_TEXT_MAX_LENGTH, description: 'The decision taking the member off (đưa ra khỏi quy hoạch)' })
  decision!: string;
}
