import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { DissolveOrganizationRequest } from './dissolve-organization.request.js';

@OrganizationsController()
export class DissolveOrganizationHttp extends StreamRoutes {
  @CommandRoute(':id/dissolve', { resource: organizations, command: 'dissolveOrganization', summary: 'Dissolve an organization (giải thể)' })
  dissolve(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: DissolveOrganizationRequest) {
    return this.commands.run(organizations, id, version, 'dissolveOrganization', request);
  }
}
