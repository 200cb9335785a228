import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';

@SupervisionsController()
export class GetSupervisionHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getSupervision', summary: 'A supervision: plan, findings, conclusion, linked inspection (cuộc giám sát)' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(supervisions, id);
  }
}
