import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { DecideInspectionRequest } from './decide-inspection.request.js';

@InspectionsController()
export class DecideInspectionHttp extends ReferencingRoutes {
  @CommandRoute(':id/decide', {
    resource: inspections,
    command: 'decideInspection',
    summary: 'Decide the inspection: number, scope, period, team (quyết định kiểm tra, đoàn kiểm tra)',
  })
  async decide(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: DecideInspectionRequest) {
    await this.directory.requireMembers('teamMemberIds', request.teamMemberIds);
    return this.commands.run(inspections, id, version, 'decideInspection', request);
  }
}
