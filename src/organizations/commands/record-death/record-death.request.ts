import { DateField } from '../../../platform/http/request-fields.js';

export class RecordDeathRequest {
  @DateField('2025-03-01')
  diedOn!: string;
}
