import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { planningLists, PlanningListsController } from '../../planning-list.resource.js';
import { ApprovePlanningListRequest } from './approve-planning-list.request.js';

@PlanningListsController()
export class ApprovePlanningListHttp extends ReferencingRoutes {
  @CreationRoute('', {
    resource: planningLists,
    command: 'approvePlanningList',
    summary: 'Approve a cadre planning list for a term (phê duyệt quy hoạch cán bộ)',
  })
  async approve(@Body() request: ApprovePlanningListRequest) {
    await this.directory.requireOrganization('organizationId', request.organizationId);
    return this.commands.createNew(planningLists, 'approvePlanningList', (planningListId) => ({ ...request, planningListId }));
  }
}
