import { UuidField } from '../../platform/http/request-fields.js';
import { SubjectRequest } from '../../platform/http/requests/subject.request.js';

/** Who is disciplined. Membership, posts, committee seats and the organization chain are read from the records. */
export class DisciplineSubjectRequest extends SubjectRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', {
    optional: true,
    description:
      'For a member: the organization whose committee manages the member as a cadre (cán bộ diện cấp ủy quản lý). Read from the member’s record ' +
      '(POST /members/{id}/cadre-management) on the day the case is opened; when given, it must be the recorded one',
  })
  managedByCommitteeOf?: string;
}
