import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { AppealsController } from '../../appeal.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';

@AppealsController()
export class GetAppealHttp extends DisciplineRoutes {
  @QueryRoute(':id', {
    operationId: 'getAppeal',
    summary: 'An appeal: the sanction appealed, window, reviewing body, handling deadline, outcome (đơn khiếu nại kỷ luật)',
  })
  get(@UuidParam('id') id: string) {
    return this.commands.view(this.appeals, id);
  }
}
