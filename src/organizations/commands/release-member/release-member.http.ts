import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { ReleaseMemberRequest } from './release-member.request.js';

@MembersController()
export class ReleaseMemberHttp extends StreamRoutes {
  @CommandRoute(':id/release', { resource: members, command: 'releaseMember', summary: 'Release from the party (cho ra khỏi Đảng)' })
  release(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ReleaseMemberRequest) {
    return this.commands.run(members, id, version, 'releaseMember', request);
  }
}
