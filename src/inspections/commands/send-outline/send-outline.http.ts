import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { SendOutlineRequest } from './send-outline.request.js';

@InspectionsController()
export class SendOutlineHttp extends StreamRoutes {
  @CommandRoute(':id/send-outline', { resource: inspections, command: 'sendOutline', summary: 'Send the outline to the subject (gửi đề cương)' })
  sendOutline(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: SendOutlineRequest) {
    return this.commands.run(inspections, id, version, 'sendOutline', request);
  }
}
