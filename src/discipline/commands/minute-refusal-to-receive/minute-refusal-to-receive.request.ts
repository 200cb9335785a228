import { DateField } from '../../../platform/http/request-fields.js';

export class MinuteRefusalToReceiveRequest {
  @DateField('2026-05-12')
  minutedOn!: string;
}
