import { Body } from '@nestjs/common';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { members, MembersController } from '../../member.resource.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { AdmitMemberRequest } from './admit-member.request.js';

@MembersController()
export class AdmitMemberHttp extends ReferencingRoutes {
  @CreationRoute('', { resource: members, command: 'admitMember', summary: 'Admit a member, on probation (kết nạp đảng viên dự bị)' })
  async admit(@Body() request: AdmitMemberRequest) {
    await this.directory.requireOrganization('organizationId', request.organizationId);
    return this.commands.createNew(members, 'admitMember', (memberId) => ({ ...request, memberId }));
  }
}
