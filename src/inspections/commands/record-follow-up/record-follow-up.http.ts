import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { RecordFollowUpRequest } from './record-follow-up.request.js';

@InspectionsController()
export class RecordFollowUpHttp extends StreamRoutes {
  @CommandRoute(':id/follow-ups', {
    resource: inspections,
    command: 'recordFollowUp',
    summary: 'Record a check that the conclusion is carried out (kiểm tra thực hiện kết luận)',
  })
  recordFollowUp(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordFollowUpRequest) {
    return this.commands.run(inspections, id, version, 'recordFollowUp', request);
  }
}
