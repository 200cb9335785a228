import { Body } from '@nestjs/common';
import { ERASURE_ROLES } from '../../../shared/access/policy.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { members, MembersController } from '../../member.resource.js';
import { ErasePersonalDataRequest } from './erase-personal-data.request.js';

@MembersController()
export class ErasePersonalDataHttp extends StreamRoutes {
  @CommandRoute(':id/personal-data/erasure', {
    resource: members,
    command: 'erasePersonalData',
    roles: ERASURE_ROLES,
    summary: 'Erase a member’s personal data for good (xóa dữ liệu cá nhân, Decree 13/2023/NĐ-CP art. 16)',
    description:
      'Records `PersonalDataErased` (ground and reference; the actor and time are the event’s) and destroys the member’s key, so that the ' +
      'name and birth date sealed with it can never be read again; the events and their hash chain stay as they are. ' +
      'The administrator answers for the ground and for no exception of art. 16.2 applying (a retention duty of the party’s archives, say): ' +
      'the service records the ground given and does not check it.',
  })
  erase(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ErasePersonalDataRequest) {
    return this.commands.run(members, id, version, 'erasePersonalData', request);
  }
}
