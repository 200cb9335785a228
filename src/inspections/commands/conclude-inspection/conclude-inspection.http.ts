import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { ConcludeInspectionRequest } from './conclude-inspection.request.js';

@InspectionsController()
export class ConcludeInspectionHttp extends StreamRoutes {
  @CommandRoute(':id/conclude', { resource: inspections, command: 'concludeInspection', summary: 'Conclude the inspection (kết luận kiểm tra)' })
  conclude(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ConcludeInspectionRequest) {
    return this.commands.run(inspections, id, version, 'concludeInspection', request);
  }
}
