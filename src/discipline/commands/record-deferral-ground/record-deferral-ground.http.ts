import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { RecordDeferralGroundRequest } from './record-deferral-ground.request.js';

@DisciplineCasesController()
export class RecordDeferralGroundHttp extends DisciplineRoutes {
  @CommandRoute(':id/deferral-grounds', {
    resource: disciplineCaseMachine,
    command: 'recordDeferralGround',
    summary: 'Record a ground for deferring discipline (chưa xem xét kỷ luật)',
  })
  record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordDeferralGroundRequest) {
    return this.commands.run(this.cases, id, version, 'recordDeferralGround', request);
  }
}
