import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';
import { ConcludeSupervisionRequest } from './conclude-supervision.request.js';

@SupervisionsController()
export class ConcludeSupervisionHttp extends StreamRoutes {
  @CommandRoute(':id/conclude', {
    resource: supervisions,
    command: 'concludeSupervision',
    summary: 'Conclude the supervision, saying whether there are signs of violation (kết luận giám sát, dấu hiệu vi phạm)',
  })
  conclude(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ConcludeSupervisionRequest) {
    return this.commands.run(supervisions, id, version, 'concludeSupervision', request);
  }
}
