import { DateField } from '../../../platform/http/request-fields.js';

export class CloseInspectionRequest {
  @DateField('2025-09-01')
  closedOn!: string;
}
