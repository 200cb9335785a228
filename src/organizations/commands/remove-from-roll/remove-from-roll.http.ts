import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { RemoveFromRollRequest } from './remove-from-roll.request.js';

@MembersController()
export class RemoveFromRollHttp extends StreamRoutes {
  @CommandRoute(':id/remove-from-roll', { resource: members, command: 'removeFromRoll', summary: 'Remove from the roll, not a sanction (xóa tên)' })
  remove(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RemoveFromRollRequest) {
    return this.commands.run(members, id, version, 'removeFromRoll', request);
  }
}
