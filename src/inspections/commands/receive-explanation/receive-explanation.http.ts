import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { ReceiveExplanationRequest } from './receive-explanation.request.js';

@InspectionsController()
export class ReceiveExplanationHttp extends StreamRoutes {
  @CommandRoute(':id/receive-explanation', {
    resource: inspections,
    command: 'receiveExplanation',
    summary: 'Receive the written explanation of the subject (báo cáo giải trình)',
  })
  receiveExplanation(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ReceiveExplanationRequest) {
    return this.commands.run(inspections, id, version, 'receiveExplanation', request);
  }
}
