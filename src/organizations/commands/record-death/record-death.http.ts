import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { RecordDeathRequest } from './record-death.request.js';

@MembersController()
export class RecordDeathHttp extends StreamRoutes {
  @CommandRoute(':id/death', { resource: members, command: 'recordDeath', summary: 'Record the death of a member (từ trần)' })
  recordDeath(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordDeathRequest) {
    return this.commands.run(members, id, version, 'recordDeath', request);
  }
}
