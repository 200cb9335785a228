import { DateField, NestedField, UuidField } from '../../../platform/http/request-fields.js';
import { SubjectRequest } from '../../../platform/http/requests/subject.request.js';
import { DecidingBodyRequest } from '../../http/deciding-body.request.js';

export class FileAppealRequest {
  @UuidField('7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', { description: 'The case whose decision is appealed; the sanction and subject are read from it' })
  caseId!: string;

  @NestedField(() => SubjectRequest, { description: 'Who appeals: only the disciplined member or organization may' })
  appellant!: SubjectRequest;

  @DateField('2026-05-12', { optional: true, description: 'When the appellant received the decision; by default the day it was announced' })
  receivedOn?: string;

  @DateField('2026-06-01')
  filedOn!: string;

  @NestedField(() => DecidingBodyRequest, { description: 'The body asked to review: the next higher level only' })
  reviewingBody!: DecidingBodyRequest;
}
