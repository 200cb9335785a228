import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { AnnounceDecisionRequest } from './announce-decision.request.js';

@DisciplineCasesController()
export class AnnounceDecisionHttp extends DisciplineRoutes {
  /** An expulsion that takes effect is recorded on the member too (see DisciplineProcess). */
  @CommandRoute(':id/announce', {
    resource: disciplineCaseMachine,
    command: 'announceDecision',
    summary: 'Announce the decision, which takes effect (công bố quyết định kỷ luật)',
  })
  announce(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: AnnounceDecisionRequest) {
    const data = { announcedOn: request.announcedOn, voteResultAnnouncedOn: request.voteResultAnnouncedOn ?? null };
    return this.process.takeEffect(id, version, 'announceDecision', data);
  }
}
