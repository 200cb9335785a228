import { DateField, EnumField, IntField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';
import { PLANNING_TARGETS, type PlanningTarget } from '../../domain/planning-list.events.js';

export class PlanningTermRequest {
  @IntField(2020, { min: 1930, max: 2200 })
  fromYear!: number;

  @IntField(2025, { min: 1930, max: 2200 })
  toYear!: number;
}

export class ApprovePlanningListRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization whose committee plans its cadres' })
  organizationId!: string;

  @EnumField(PLANNING_TARGETS, 'executive-committee', { description: 'What the list plans for' })
  target!: PlanningTarget;

  @NestedField(() => PlanningTermRequest, { description: 'The term planned for (nhiệm kỳ)' })
  term!: PlanningTermRequest;

  @DateField('2018-06-15')
  approvedOn!: string;

  @TextField('215-QĐ/HU', { maxLength: SHORT_TEXT_MAX_LENGTH, description: 'The decision approving the list' })
  decision!: string;
}
