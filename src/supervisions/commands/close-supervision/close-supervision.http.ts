import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';
import { CloseSupervisionRequest } from './close-supervision.request.js';

@SupervisionsController()
export class CloseSupervisionHttp extends StreamRoutes {
  @CommandRoute(':id/close', { resource: supervisions, command: 'closeSupervision', summary: 'Close the supervision (kết thúc giám sát)' })
  close(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: CloseSupervisionRequest) {
    return this.commands.run(supervisions, id, version, 'closeSupervision', request);
  }
}
