import { DateField } from '../request-fields.js';

/** A span of days examined or reviewed, both ends included. */
export class PeriodRequest {
  @DateField('2024-01-01')
  from!: string;

  @DateField('2024-12-31')
  to!: string;
}
