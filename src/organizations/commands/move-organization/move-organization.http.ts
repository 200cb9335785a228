import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { MoveOrganizationRequest } from './move-organization.request.js';

@OrganizationsController()
export class MoveOrganizationHttp extends ReferencingRoutes {
  @CommandRoute(':id/move', {
    resource: organizations,
    command: 'moveOrganization',
    summary: 'Move an organization under another superior (chuyển trực thuộc)',
  })
  async move(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: MoveOrganizationRequest) {
    await this.directory.requireOrganization('parentId', request.parentId);
    return this.commands.run(organizations, id, version, 'moveOrganization', request);
  }
}
