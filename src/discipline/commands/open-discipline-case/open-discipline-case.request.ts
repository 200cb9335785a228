import { DateField, NestedField, UuidField } from '../../../platform/http/request-fields.js';
import { DisciplineSubjectRequest } from '../../http/discipline-subject.request.js';

export class OpenDisciplineCaseRequest {
  @UuidField('0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60', {
    optional: true,
    description: 'The inspection whose conclusion proposed discipline; it must be concluded with proposeDiscipline, on the same subject. Absent: a case opened directly',
  })
  inspectionId?: string;

  @DateField('2026-04-15')
  openedOn!: string;

  @NestedField(() => DisciplineSubjectRequest, { description: 'The member or organization to be disciplined' })
  subject!: DisciplineSubjectRequest;
}
