import { EnumListField } from '../../../platform/http/list-fields.js';
import { DateField, EnumField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';
import { BODY_FUNCTIONS, ORGANIZATION_BODY_KINDS, type BodyFunction, type OrganizationBodyKind } from '../../domain/organization.events.js';

export class SuccessorBodyRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization whose body takes the functions over' })
  organizationId!: string;

  @EnumField(ORGANIZATION_BODY_KINDS, 'standing-committee')
  bodyKind!: OrganizationBodyKind;
}

export class RecordBodySuccessionRequest {
  @EnumField(ORGANIZATION_BODY_KINDS, 'standing-committee', { description: 'The body of this organization that hands its functions over' })
  bodyKind!: OrganizationBodyKind;

  @NestedField(() => SuccessorBodyRequest, { description: 'The body that takes them over' })
  successor!: SuccessorBodyRequest;

  @EnumListField(BODY_FUNCTIONS, ['appeals'], { description: 'What it takes over: appeals to review, discipline cases, inspection and supervision work' })
  functions?: BodyFunction[];

  @DateField('2025-07-01', { description: 'From this day the successor handles them' })
  succeededOn!: string;

  @TextField('1234-QĐ/TU', {
    maxLength: SHORT_TEXT_MAX_LENGTH,
    description: 'The decision that hands them over (the province’s plan ending the district organizations)',
  })
  decision!: string;
}
