import { DateField } from '../../../platform/http/request-fields.js';

export class NotifyConclusionRequest {
  @DateField('2025-05-10')
  notifiedOn!: string;
}
