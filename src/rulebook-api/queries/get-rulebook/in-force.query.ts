import { DateField } from '../../../platform/http/request-fields.js';

export class InForceQuery {
  @DateField('2025-07-01', { description: 'The date whose rules are asked for' })
  on!: string;
}
