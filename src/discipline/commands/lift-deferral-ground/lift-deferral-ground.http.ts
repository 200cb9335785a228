import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { LiftDeferralGroundRequest } from './lift-deferral-ground.request.js';

@DisciplineCasesController()
export class LiftDeferralGroundHttp extends DisciplineRoutes {
  @CommandRoute(':id/deferral-grounds/lift', {
    resource: disciplineCaseMachine,
    command: 'liftDeferralGround',
    summary: 'Lift a deferral ground, discharged from hospital for instance (hết lý do chưa xem xét)',
  })
  lift(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: LiftDeferralGroundRequest) {
    return this.commands.run(this.cases, id, version, 'liftDeferralGround', request);
  }
}
