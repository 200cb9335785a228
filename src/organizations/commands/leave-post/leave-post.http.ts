import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { LeavePostRequest } from './leave-post.request.js';

@MembersController()
export class LeavePostHttp extends StreamRoutes {
  @CommandRoute(':id/posts/:postId/leave', { resource: members, command: 'leavePost', summary: 'Leave a post (thôi giữ chức vụ)' })
  leave(@UuidParam('id') id: string, @UuidParam('postId') postId: string, @IfMatchVersion() version: number | undefined, @Body() request: LeavePostRequest) {
    return this.commands.run(members, id, version, 'leavePost', { postId, leftOn: request.leftOn });
  }
}
