import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { members, MembersController } from '../../member.resource.js';

@MembersController()
export class GetMemberHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getMember', summary: 'A member: membership, organization, posts (đảng viên)' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(members, id);
  }
}
