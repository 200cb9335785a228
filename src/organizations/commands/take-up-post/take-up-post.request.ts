import { DateField, EnumField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';
import { ORGANIZATION_LEVELS, type OrganizationLevel } from '../../../shared/domain/vocabulary.js';

export class TakeUpPostRequest {
  @TextField('Bí thư chi bộ', { maxLength: SHORT_TEXT_MAX_LENGTH })
  title!: string;

  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { description: 'The organization where the post is held' })
  organizationId!: string;

  @EnumField(ORGANIZATION_LEVELS, 'grassroots', { optional: true, description: 'When the post is a seat on a committee (cấp ủy viên): its level' })
  committeeLevel?: OrganizationLevel | null;

  @DateField('2024-04-01')
  takenUpOn!: string;
}
