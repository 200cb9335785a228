import { DateField } from '../../../platform/http/request-fields.js';

export class SendOutlineRequest {
  @DateField('2025-03-15')
  sentOn!: string;
}
