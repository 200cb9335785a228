import { DateField, EnumField } from '../../../platform/http/request-fields.js';
import { REMOVAL_GROUNDS, type RemovalGround } from '../../domain/member.events.js';

export class RemoveFromRollRequest {
  @EnumField(REMOVAL_GROUNDS, 'no-activity-or-dues-3-months', { description: 'Ground of Charter art. 8.1' })
  ground!: RemovalGround;

  @DateField('2025-03-01')
  removedOn!: string;
}
