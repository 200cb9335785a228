import { DateField } from '../../../platform/http/request-fields.js';

export class CloseSupervisionRequest {
  @DateField('2025-03-05')
  closedOn!: string;
}
