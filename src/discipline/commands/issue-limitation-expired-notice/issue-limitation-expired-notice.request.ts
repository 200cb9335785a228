import { DateField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';
import { DecidingBodyRequest } from '../../http/deciding-body.request.js';

export class IssueLimitationExpiredNoticeRequest {
  @TextField('02-TB/UBKT', { maxLength: SHORT_TEXT_MAX_LENGTH })
  noticeNumber!: string;

  @DateField('2026-05-10')
  issuedOn!: string;

  @NestedField(() => DecidingBodyRequest, { description: 'The body that voted the form that would apply' })
  issuedBy!: DecidingBodyRequest;
}
