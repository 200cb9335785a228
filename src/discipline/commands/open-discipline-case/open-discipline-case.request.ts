import { DateField, NestedField, UuidField } from '../../../platform/http/request-fields.js';
import { ActingBodyRequest } from '../../../platform/http/requests/acting-body.request.js';
import { DisciplineSubjectRequest } from '../../http/discipline-subject.request.js';

export class OpenDisciplineCaseRequest {
  @UuidField('0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60', {
    optional: true,
    description:
      'The inspection whose conclusion proposed discipline; it must be concluded with proposeDiscipline, on the same subject. Absent: a case opened directly',
  })
  inspectionId?: string;

  @DateField('2026-04-15')
  openedOn!: string;

  @NestedField(() => DisciplineSubjectRequest, { description: 'The member or organization to be disciplined' })
  subject!: DisciplineSubjectRequest;

  @NestedField(() => ActingBodyRequest, {
    optional: true,
    description:
      "Opens the case as confidential (hồ sơ mật), considered by this body of the subject's organization or of one above it. " +
      'The case and its appeals are then visible only to administrators, discipline officers and auditors granted over that organization or one above it; ' +
      'to anyone else they answer 404 and are left out of histories, records, work lists and alerts (statistics still count them)',
  })
  confidentialTo?: ActingBodyRequest;
}
