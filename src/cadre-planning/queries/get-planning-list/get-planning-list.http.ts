import { StreamRoutes } from '../../../commands/stream-commands.js';
import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { planningLists, PlanningListsController } from '../../planning-list.resource.js';

@PlanningListsController()
export class GetPlanningListHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getPlanningList', summary: 'A cadre planning list: its term and each member’s place on it' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(planningLists, id);
  }
}
