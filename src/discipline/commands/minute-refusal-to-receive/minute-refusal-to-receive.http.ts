import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { MinuteRefusalToReceiveRequest } from './minute-refusal-to-receive.request.js';

@DisciplineCasesController()
export class MinuteRefusalToReceiveHttp extends DisciplineRoutes {
  @CommandRoute(':id/refusal-to-receive', {
    resource: disciplineCaseMachine,
    command: 'minuteRefusalToReceive',
    summary: "Minute the subject's refusal to receive the decision, which then takes effect (lập biên bản không nhận quyết định)",
  })
  minute(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: MinuteRefusalToReceiveRequest) {
    return this.process.takeEffect(id, version, 'minuteRefusalToReceive', request);
  }
}
