import { DateField, UuidField } from '../../../platform/http/request-fields.js';

export class MergeOrganizationRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization this one continues in' })
  successorId!: string;

  @DateField('2025-07-01')
  mergedOn!: string;
}
