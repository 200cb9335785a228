import { DateField, EnumField } from '../../../platform/http/request-fields.js';
import { DEFERRAL_GROUNDS, type DeferralGround } from '../../../rulebook/index.js';

export class RecordDeferralGroundRequest {
  @EnumField(DEFERRAL_GROUNDS, 'serious-illness-in-hospital', { description: 'Ground for not yet considering discipline (QĐ 69 art. 2 cl. 14)' })
  ground!: DeferralGround;

  @DateField('2026-04-20')
  since!: string;
}
