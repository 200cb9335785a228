import { DateField } from '../../../platform/http/request-fields.js';

export class MakeMemberFullRequest {
  @DateField('2024-03-15')
  madeFullOn!: string;
}
