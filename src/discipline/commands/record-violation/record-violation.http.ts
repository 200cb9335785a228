import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { RecordViolationRequest } from './record-violation.request.js';

@DisciplineCasesController()
export class RecordViolationHttp extends DisciplineRoutes {
  @CommandRoute(':id/violations', {
    resource: disciplineCaseMachine,
    command: 'recordViolation',
    summary: 'Record a violation with its date and level (vi phạm)',
  })
  record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordViolationRequest) {
    return this.commands.run(this.cases, id, version, 'recordViolation', {
      ...request,
      violationId: this.commands.newId(),
      graveOffences: request.graveOffences ?? [],
      concernsTaskAssignedByHigherLevel: request.concernsTaskAssignedByHigherLevel ?? false,
    });
  }
}
