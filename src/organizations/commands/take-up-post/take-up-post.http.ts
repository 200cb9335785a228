import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { TakeUpPostRequest } from './take-up-post.request.js';

@MembersController()
export class TakeUpPostHttp extends ReferencingRoutes {
  /** The server names the post (postId in the answer), to be left later through its own path. */
  @CommandRoute(':id/posts', { resource: members, command: 'takeUpPost', summary: 'Take up a post (nhận chức vụ)' })
  async takeUp(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: TakeUpPostRequest) {
    await this.directory.requireOrganization('organizationId', request.organizationId);
    const data = { ...request, postId: this.commands.newId(), committeeLevel: request.committeeLevel ?? null };
    return this.commands.run(members, id, version, 'takeUpPost', data);
  }
}
