import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { StreamCommands, StreamRoutes, type StreamView } from '../../../commands/stream-commands.js';
import { EventStore } from '../../../event-store/event-store.js';
import { organizations, OrganizationsController } from '../../../organizations/organization.resource.js';
import { ApiProblemResponses, StreamViewResponse, UuidParam } from '../../../platform/http/api-routes.js';
import { Allow, ANY_ROLE } from '../../../shared/access/policy.js';
import { PLANNING_LIST_STREAM_TYPE } from '../../domain/planning-list.decider.js';
import type { PlanningListState } from '../../domain/planning-list.state.js';
import { planningLists } from '../../planning-list.resource.js';

export class PlanningListsResponse {
  @ApiProperty({ type: [StreamViewResponse], description: 'The lists approved for the organization, each as GET /planning-lists/{id} answers it' })
  items!: StreamView<PlanningListState>[];
}

@OrganizationsController()
export class ListPlanningListsHttp extends StreamRoutes {
  constructor(
    commands: StreamCommands,
    private readonly store: EventStore,
  ) {
    super(commands);
  }

  @Get(':id/planning-lists')
  @ApiOperation({ operationId: 'listPlanningLists', summary: 'The cadre planning lists of an organization (quy hoạch cán bộ), read from their streams' })
  @ApiOkResponse({ type: PlanningListsResponse })
  @ApiProblemResponses(400, 401, 404)
  @Allow(...ANY_ROLE)
  async lists(@UuidParam('id') id: string): Promise<PlanningListsResponse> {
    await this.commands.view(organizations, id);
    const streamIds = await this.store.streamsWith('PlanningListApproved', { organizationId: id });
    const prefix = `${PLANNING_LIST_STREAM_TYPE}-`;
    return { items: await Promise.all(streamIds.map((streamId) => this.commands.view(planningLists, streamId.slice(prefix.length)))) };
  }
}
