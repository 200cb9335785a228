import { TextField } from '../../../platform/http/request-fields.js';

/** Why an account is disabled or enabled again, for the record. */
export class AccountStatusRequest {
  @TextField('Chuyển công tác khỏi xã', { optional: true, maxLength: 200 })
  reason?: string;
}
