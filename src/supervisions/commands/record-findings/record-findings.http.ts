import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';
import { RecordFindingsRequest } from './record-findings.request.js';

@SupervisionsController()
export class RecordFindingsHttp extends StreamRoutes {
  @CommandRoute(':id/findings', { resource: supervisions, command: 'recordFindings', summary: 'Record findings of the supervision (kết quả giám sát)' })
  recordFindings(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordFindingsRequest) {
    return this.commands.run(supervisions, id, version, 'recordFindings', request);
  }
}
