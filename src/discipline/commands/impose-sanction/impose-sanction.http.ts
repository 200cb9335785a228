import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { ImposeSanctionRequest } from './impose-sanction.request.js';

@DisciplineCasesController()
export class ImposeSanctionHttp extends DisciplineRoutes {
  @CommandRoute(':id/sanction', {
    resource: disciplineCaseMachine,
    command: 'imposeSanction',
    summary: 'Issue the discipline decision: form, authority, ballot and limitation checked, rule version pinned (quyết định thi hành kỷ luật)',
  })
  async impose(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ImposeSanctionRequest) {
    const decidingBody = await this.directory.decidingBody('decidingBody', request.decidingBody, request.signedOn);
    return this.commands.run(this.cases, id, version, 'imposeSanction', { ...request, decidingBody, especiallySerious: request.especiallySerious ?? false });
  }
}
