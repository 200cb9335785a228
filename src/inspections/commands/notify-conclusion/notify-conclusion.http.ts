import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { NotifyConclusionRequest } from './notify-conclusion.request.js';

@InspectionsController()
export class NotifyConclusionHttp extends StreamRoutes {
  @CommandRoute(':id/notify-conclusion', { resource: inspections, command: 'notifyConclusion', summary: 'Notify the conclusion (thông báo kết luận)' })
  notify(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: NotifyConclusionRequest) {
    return this.commands.run(inspections, id, version, 'notifyConclusion', request);
  }
}
