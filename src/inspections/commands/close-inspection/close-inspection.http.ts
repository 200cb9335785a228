import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { CloseInspectionRequest } from './close-inspection.request.js';

@InspectionsController()
export class CloseInspectionHttp extends StreamRoutes {
  @CommandRoute(':id/close', { resource: inspections, command: 'closeInspection', summary: 'Close the inspection and archive its file (lưu hồ sơ)' })
  close(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: CloseInspectionRequest) {
    return this.commands.run(inspections, id, version, 'closeInspection', request);
  }
}
