import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { MakeMemberFullRequest } from './make-member-full.request.js';

@MembersController()
export class MakeMemberFullHttp extends StreamRoutes {
  @CommandRoute(':id/make-full', {
    resource: members,
    command: 'makeMemberFull',
    summary: 'Recognize as a full member after 12 months of probation (công nhận đảng viên chính thức)',
  })
  makeFull(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: MakeMemberFullRequest) {
    return this.commands.run(members, id, version, 'makeMemberFull', request);
  }
}
