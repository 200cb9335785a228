import { Body } from '@nestjs/common';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { FoundOrganizationRequest } from './found-organization.request.js';

@OrganizationsController()
export class FoundOrganizationHttp extends ReferencingRoutes {
  @CreationRoute('', { resource: organizations, command: 'foundOrganization', summary: 'Found an organization (thành lập tổ chức đảng)' })
  async found(@Body() request: FoundOrganizationRequest) {
    const parentId = request.parentId ?? null;
    if (parentId !== null) await this.directory.requireOrganization('parentId', parentId);
    return this.commands.createNew(organizations, 'foundOrganization', (organizationId) => ({ ...request, organizationId, parentId }));
  }
}
