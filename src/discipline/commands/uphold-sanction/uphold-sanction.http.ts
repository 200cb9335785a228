import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { AppealsController } from '../../appeal.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { appealMachine } from '../../domain/appeal.decider.js';
import { AppealDecisionRequest } from '../../http/appeal-decision.request.js';

@AppealsController()
export class UpholdSanctionHttp extends DisciplineRoutes {
  @CommandRoute(':id/uphold', {
    resource: appealMachine,
    command: 'upholdSanction',
    summary: 'Uphold the sanction appealed against (chuẩn y quyết định kỷ luật)',
  })
  uphold(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AppealDecisionRequest) {
    return this.process.decideAppeal(id, version, 'upholdSanction', { ...request, announcedOn: request.announcedOn ?? request.decidedOn });
  }
}
