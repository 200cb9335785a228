import { EnumField, UuidField } from '../request-fields.js';
import { BODY_KINDS, type BodyKind } from '../../../shared/domain/vocabulary.js';

/** The body that acts: a committee or inspection commission (cấp ủy, UBKT) of an organization. */
export class ActingBodyRequest {
  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization whose body acts' })
  organizationId!: string;

  @EnumField(BODY_KINDS, 'inspection-commission', { description: 'Ủy ban kiểm tra, cấp ủy, ban thường vụ, chi bộ…' })
  bodyKind!: BodyKind;
}
