import { DateField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';

export class RenameOrganizationRequest {
  @TextField('Đảng bộ xã Bình Xuyên', { maxLength: SHORT_TEXT_MAX_LENGTH })
  name!: string;

  @DateField('2025-07-01')
  renamedOn!: string;
}
