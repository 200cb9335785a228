import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';

@DisciplineCasesController()
export class GetDisciplineCaseHttp extends DisciplineRoutes {
  @QueryRoute(':id', {
    operationId: 'getDisciplineCase',
    summary: 'A discipline case: subject facts, violations, ballots with their tally, the decision with its pinned rule version (hồ sơ kỷ luật)',
  })
  get(@UuidParam('id') id: string) {
    return this.commands.view(this.cases, id);
  }
}
