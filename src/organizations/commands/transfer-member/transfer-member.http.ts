import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { TransferMemberRequest } from './transfer-member.request.js';

@MembersController()
export class TransferMemberHttp extends ReferencingRoutes {
  @CommandRoute(':id/transfer', {
    resource: members,
    command: 'transferMember',
    summary: 'Transfer party activity to another organization (chuyển sinh hoạt đảng)',
  })
  async transfer(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: TransferMemberRequest) {
    await this.directory.requireOrganization('toOrganizationId', request.toOrganizationId);
    return this.commands.run(members, id, version, 'transferMember', request);
  }
}
