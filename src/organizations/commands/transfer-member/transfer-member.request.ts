import { DateField, UuidField } from '../../../platform/http/request-fields.js';

export class TransferMemberRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization the member moves to' })
  toOrganizationId!: string;

  @DateField('2024-06-01')
  transferredOn!: string;
}
