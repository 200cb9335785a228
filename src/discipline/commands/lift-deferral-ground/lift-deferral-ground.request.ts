import { DateField, EnumField } from '../../../platform/http/request-fields.js';
import { DEFERRAL_GROUNDS, type DeferralGround } from '../../../rulebook/index.js';

export class LiftDeferralGroundRequest {
  @EnumField(DEFERRAL_GROUNDS, 'serious-illness-in-hospital', { description: 'An active ground recorded on the case' })
  ground!: DeferralGround;

  @DateField('2026-05-02')
  liftedOn!: string;
}
