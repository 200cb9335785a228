import { Get } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Allow, ANY_ROLE } from '../../../shared/access/policy.js';
import { ApiProblemResponses, UuidParam } from '../../../platform/http/api-routes.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { CaseDeadlinesResponse } from './deadlines.response.js';

@DisciplineCasesController()
export class GetCaseDeadlinesHttp extends DisciplineRoutes {
  @Get(':id/deadlines')
  @ApiOperation({
    operationId: 'getDisciplineCaseDeadlines',
    summary: 'The open deadlines of a case and its appeals: limitation, announcement, appeal window, lapse, state notice, appeal handling (các thời hạn)',
  })
  @ApiResponse({ status: 200, type: CaseDeadlinesResponse })
  @ApiProblemResponses(400, 401, 404)
  @Allow(...ANY_ROLE)
  async deadlines(@UuidParam('id') id: string) {
    // Read from the events, which know no scope: a case the caller may not see answers 404 first.
    await this.commands.view(this.cases, id);
    return this.directory.deadlines(id);
  }
}
