import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { RecordLapseRequest } from './record-lapse.request.js';

@DisciplineCasesController()
export class RecordLapseHttp extends DisciplineRoutes {
  @CommandRoute(':id/lapse', {
    resource: disciplineCaseMachine,
    command: 'recordLapse',
    summary: 'Record that the decision has lapsed after 12 months (quyết định kỷ luật chấm dứt hiệu lực)',
  })
  record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordLapseRequest) {
    return this.commands.run(this.cases, id, version, 'recordLapse', request);
  }
}
