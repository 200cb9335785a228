import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { EstablishBodyRequest } from './establish-body.request.js';

@OrganizationsController()
export class EstablishBodyHttp extends StreamRoutes {
  @CommandRoute(':id/bodies', {
    resource: organizations,
    command: 'establishBody',
    summary: 'Establish a body: committee, standing committee or inspection commission (cấp ủy, ủy ban kiểm tra)',
  })
  establish(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: EstablishBodyRequest) {
    return this.commands.run(organizations, id, version, 'establishBody', request);
  }
}
