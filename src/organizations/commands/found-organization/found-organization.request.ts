import { DateField, EnumField, SHORT_TEXT_MAX_LENGTH, TextField, UuidField } from '../../../platform/http/request-fields.js';
import { ORGANIZATION_LEVELS, type OrganizationLevel } from '../../../shared/domain/vocabulary.js';

export class FoundOrganizationRequest {
  @EnumField(ORGANIZATION_LEVELS, 'district')
  level!: OrganizationLevel;

  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', { optional: true, description: 'The superior organization; none for the root' })
  parentId?: string | null;

  @TextField('Đảng bộ huyện Bình Xuyên', { maxLength: SHORT_TEXT_MAX_LENGTH })
  name!: string;

  @TextField('BX', { maxLength: 50 })
  code!: string;

  @DateField('2015-01-01')
  foundedOn!: string;
}
