import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { AppealsController } from '../../appeal.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { appealMachine } from '../../domain/appeal.decider.js';
import { ChangeSanctionRequest } from './change-sanction.request.js';

@AppealsController()
export class ChangeSanctionHttp extends DisciplineRoutes {
  @CommandRoute(':id/change', {
    resource: appealMachine,
    command: 'changeSanction',
    summary: "Change the form of the sanction, or refer upward when beyond the reviewer's authority (thay đổi hình thức kỷ luật)",
  })
  change(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ChangeSanctionRequest) {
    return this.process.decideAppeal(id, version, 'changeSanction', { ...request, announcedOn: request.announcedOn ?? request.decidedOn });
  }
}
