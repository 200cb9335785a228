import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { AppealsController } from '../../appeal.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { appealMachine } from '../../domain/appeal.decider.js';
import { AnnulSanctionRequest } from './annul-sanction.request.js';

@AppealsController()
export class AnnulSanctionHttp extends DisciplineRoutes {
  /** The appeal orders the restorations of QĐ 117; the case records the annulment and an expelled member is restored. */
  @CommandRoute(':id/annul', {
    resource: appealMachine,
    command: 'annulSanction',
    summary: 'Annul the sanction and order what it took away restored (xóa bỏ quyết định kỷ luật; QĐ 117)',
  })
  annul(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AnnulSanctionRequest) {
    return this.process.decideAppeal(id, version, 'annulSanction', { ...request, announcedOn: request.announcedOn ?? request.decidedOn });
  }
}
