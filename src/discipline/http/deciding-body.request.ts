import { BooleanField } from '../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../platform/http/requests/acting-body.request.js';

/** A body that votes or decides; its level is read from the organization's record. */
export class DecidingBodyRequest extends ActingBodyRequest {
  @BooleanField(false, {
    optional: true,
    description: 'A grassroots committee empowered to admit members (được ủy quyền kết nạp đảng viên); not recorded elsewhere',
  })
  empoweredToAdmitMembers?: boolean;
}
