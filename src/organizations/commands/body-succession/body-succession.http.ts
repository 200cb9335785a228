import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { RecordBodySuccessionRequest } from './body-succession.request.js';

@OrganizationsController()
export class BodySuccessionHttp extends ReferencingRoutes {
  @CommandRoute(':id/body-successions', {
    resource: organizations,
    command: 'recordBodySuccession',
    summary: 'Record which body takes over functions of a body of this organization, from a date, by a decision (a level abolished)',
  })
  async record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordBodySuccessionRequest) {
    await this.directory.requireActingBody('successor', request.successor);
    return this.commands.run(organizations, id, version, 'recordBodySuccession', { ...request, functions: request.functions ?? [] });
  }
}
