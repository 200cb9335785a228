import { Body } from '@nestjs/common';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { planningLists, PlanningListsController } from '../../planning-list.resource.js';
import { RemoveFromPlanningRequest } from './remove-from-planning.request.js';

@PlanningListsController()
export class RemoveFromPlanningHttp extends StreamRoutes {
  @CommandRoute(':id/removals', { resource: planningLists, command: 'removeFromPlanning', summary: 'Take a member off the list (đưa ra khỏi quy hoạch)' })
  remove(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RemoveFromPlanningRequest) {
    return this.commands.run(planningLists, id, version, 'removeFromPlanning', { ...request, disciplineDecisionId: null });
  }
}
