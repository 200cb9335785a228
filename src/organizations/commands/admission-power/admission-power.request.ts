import { DateField } from '../../../platform/http/request-fields.js';

export class GrantAdmissionPowerRequest {
  @DateField('2024-01-15')
  grantedOn!: string;
}

export class WithdrawAdmissionPowerRequest {
  @DateField('2025-07-01')
  withdrawnOn!: string;
}
