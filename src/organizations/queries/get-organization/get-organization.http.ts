import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';

@OrganizationsController()
export class GetOrganizationHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getOrganization', summary: 'An organization: level, parent, bodies, lineage (tổ chức đảng)' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(organizations, id);
  }
}
