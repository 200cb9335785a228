import { DateField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';

export class AdmitMemberRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization that admits the member' })
  organizationId!: string;

  @TextField('Nguyễn Văn An', { maxLength: SHORT_TEXT_MAX_LENGTH })
  fullName!: string;

  @DateField('1990-05-12')
  birthDate!: string;

  @DateField('2023-03-15')
  admittedOn!: string;
}
