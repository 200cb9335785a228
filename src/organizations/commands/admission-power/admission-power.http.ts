import { Body } from '@nestjs/common';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { GrantAdmissionPowerRequest, WithdrawAdmissionPowerRequest } from './admission-power.request.js';

/** Whether a grassroots committee may admit members itself, kept on the organization's record for discipline to read. */
@OrganizationsController()
export class AdmissionPowerHttp extends StreamRoutes {
  @CommandRoute(':id/admission-power', {
    resource: organizations,
    command: 'grantAdmissionPower',
    summary: 'Record that the committee may admit members itself from a date (ủy quyền kết nạp đảng viên)',
  })
  grant(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: GrantAdmissionPowerRequest) {
    return this.commands.run(organizations, id, version, 'grantAdmissionPower', request);
  }

  @CommandRoute(':id/admission-power/withdraw', {
    resource: organizations,
    command: 'withdrawAdmissionPower',
    summary: 'Withdraw the power to admit members (thu hồi ủy quyền kết nạp đảng viên)',
  })
  withdraw(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: WithdrawAdmissionPowerRequest) {
    return this.commands.run(organizations, id, version, 'withdrawAdmissionPower', request);
  }
}
