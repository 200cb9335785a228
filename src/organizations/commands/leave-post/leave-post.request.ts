import { DateField } from '../../../platform/http/request-fields.js';

export class LeavePostRequest {
  @DateField('2025-01-10')
  leftOn!: string;
}
