import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';

@InspectionsController()
export class GetInspectionHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getInspection', summary: 'An inspection: its step, decision, conclusion and follow-ups (cuộc kiểm tra)' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(inspections, id);
  }
}
