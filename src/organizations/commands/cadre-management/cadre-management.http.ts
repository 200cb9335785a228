import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { AssignCadreManagementRequest, EndCadreManagementRequest } from './cadre-management.request.js';

/** Which committee manages a member as a cadre, kept on the member's record for discipline to read. */
@MembersController()
export class CadreManagementHttp extends ReferencingRoutes {
  @CommandRoute(':id/cadre-management', {
    resource: members,
    command: 'assignCadreManagement',
    summary: 'Record the committee that manages the member as a cadre from a date (cán bộ diện cấp ủy quản lý)',
  })
  async assign(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AssignCadreManagementRequest) {
    await this.directory.requireOrganization('committeeOf', request.committeeOf);
    return this.commands.run(members, id, version, 'assignCadreManagement', request);
  }

  @CommandRoute(':id/cadre-management/end', {
    resource: members,
    command: 'endCadreManagement',
    summary: 'End the management of the member as a cadre (thôi thuộc diện cấp ủy quản lý)',
  })
  end(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: EndCadreManagementRequest) {
    return this.commands.run(members, id, version, 'endCadreManagement', request);
  }
}
