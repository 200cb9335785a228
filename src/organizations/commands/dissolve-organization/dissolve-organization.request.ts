import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class DissolveOrganizationRequest {
  @TextField('Sắp xếp tổ chức bộ máy, bỏ cấp huyện')
  reason!: string;

  @DateField('2025-07-01')
  dissolvedOn!: string;
}
