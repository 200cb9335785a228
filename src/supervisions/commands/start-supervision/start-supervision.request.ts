import { DateField, EnumField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../../platform/http/requests/acting-body.request.js';
import { SubjectRequest } from '../../../platform/http/requests/subject.request.js';
import { SUPERVISION_KINDS, type SupervisionKind } from '../../domain/supervision.events.js';

export class StartSupervisionRequest {
  @NestedField(() => ActingBodyRequest, { description: 'The supervising body' })
  body!: ActingBodyRequest;

  @NestedField(() => SubjectRequest, { description: 'The organization or member supervised' })
  subject!: SubjectRequest;

  @EnumField(SUPERVISION_KINDS, 'thematic', { description: 'Regular or thematic (thường xuyên, chuyên đề)' })
  kind!: SupervisionKind;

  @TextField('Kế hoạch giám sát số 05-KH/UBKT năm 2025')
  plan!: string;

  @TextField('Công tác quản lý đất đai', { maxLength: SHORT_TEXT_MAX_LENGTH, optional: true, description: 'Required for a thematic supervision' })
  topic?: string | null;

  @DateField('2025-01-15')
  startedOn!: string;
}
