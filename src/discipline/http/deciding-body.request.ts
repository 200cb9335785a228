import { BooleanField } from '../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../platform/http/requests/acting-body.request.js';

/** A body that votes or decides; its level is read from the organization's record. */
export class DecidingBodyRequest extends ActingBodyRequest {
  @BooleanField(false, {
    optional: true,
    description:
      'A grassroots committee empowered to admit members (được ủy quyền kết nạp đảng viên). Read from the organization’s record ' +
      '(POST /organizations/{id}/admission-power) on the day of the act; when given, it must be as recorded',
  })
  empoweredToAdmitMembers?: boolean;
}
