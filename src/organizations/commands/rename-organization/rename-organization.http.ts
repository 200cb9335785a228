import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { RenameOrganizationRequest } from './rename-organization.request.js';

@OrganizationsController()
export class RenameOrganizationHttp extends StreamRoutes {
  @CommandRoute(':id/rename', { resource: organizations, command: 'renameOrganization', summary: 'Rename an organization (đổi tên)' })
  rename(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RenameOrganizationRequest) {
    return this.commands.run(organizations, id, version, 'renameOrganization', request);
  }
}
