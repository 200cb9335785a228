import { DateField } from '../../../platform/http/request-fields.js';

export class RecordLapseRequest {
  @DateField('2027-05-13', { description: 'The day the lapse is recorded; the lapse date itself is computed' })
  on!: string;
}
