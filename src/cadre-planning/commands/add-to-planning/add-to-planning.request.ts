import { DateField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';

export class AddToPlanningRequest {
  @UuidField('0d9f4a51-7c2e-4b8a-9f3e-2a6b1c5d7e90', { description: 'The member planned' })
  memberId!: string;

  @DateField('2019-08-20')
  addedOn!: string;

  @TextField('1021-QĐ/HU', { maxLength: SHORT_TEXT_MAX_LENGTH, description: 'The decision adding the member (phê duyệt bổ sung quy hoạch)' })
  decision!: string;
}
