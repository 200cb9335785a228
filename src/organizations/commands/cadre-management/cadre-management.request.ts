import { DateField, UuidField } from '../../../platform/http/request-fields.js';

export class AssignCadreManagementRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization whose committee manages the member as a cadre from `assignedOn`' })
  committeeOf!: string;

  @DateField('2024-05-01')
  assignedOn!: string;
}

export class EndCadreManagementRequest {
  @DateField('2025-07-01')
  endedOn!: string;
}
