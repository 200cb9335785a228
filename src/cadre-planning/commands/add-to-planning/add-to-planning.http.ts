import { Body } from '@nestjs/common';
import { ReferencingRoutes, OrganizationDirectory } from '../../../organizations/organization-directory.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { StreamCommands } from '../../../commands/stream-commands.js';
import { MemberStanding } from '../../member-standing.js';
import { planningLists, PlanningListsController } from '../../planning-list.resource.js';
import { AddToPlanningRequest } from './add-to-planning.request.js';

@PlanningListsController()
export class AddToPlanningHttp extends ReferencingRoutes {
  constructor(
    commands: StreamCommands,
    directory: OrganizationDirectory,
    private readonly standing: MemberStanding,
  ) {
    super(commands, directory);
  }

  @CommandRoute(':id/additions', {
    resource: planningLists,
    command: 'addToPlanning',
    summary: 'Add a member to the list (đưa vào, bổ sung quy hoạch)',
    description: 'Refused while a sanction’s planning bar runs on `addedOn`, or when the member is not on the roll that day, as the member record says it.',
  })
  async add(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AddToPlanningRequest) {
    await this.directory.requireMember('memberId', request.memberId);
    const standing = await this.standing.planningOn(request.memberId, request.addedOn);
    return this.commands.run(planningLists, id, version, 'addToPlanning', { ...request, standing });
  }
}
