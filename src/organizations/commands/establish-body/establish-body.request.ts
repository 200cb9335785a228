import { DateField, EnumField, IntField } from '../../../platform/http/request-fields.js';
import { ORGANIZATION_BODY_KINDS, type OrganizationBodyKind } from '../../domain/organization.events.js';

export class EstablishBodyRequest {
  @EnumField(ORGANIZATION_BODY_KINDS, 'inspection-commission', { description: 'Cấp ủy, ban thường vụ or ủy ban kiểm tra' })
  bodyKind!: OrganizationBodyKind;

  @IntField(7, { min: 1, max: 500, optional: true, description: 'Members elected, when known' })
  membersCount?: number | null;

  @DateField('2020-08-01')
  establishedOn!: string;
}
