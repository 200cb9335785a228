import { DateField, UuidField } from '../../../platform/http/request-fields.js';

export class MoveOrganizationRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The new superior organization' })
  parentId!: string;

  @DateField('2025-07-01')
  movedOn!: string;
}
