import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { RecordStateActionProposalRequest } from './record-state-action-proposal.request.js';

@DisciplineCasesController()
export class RecordStateActionProposalHttp extends DisciplineRoutes {
  @CommandRoute(':id/state-action-proposals', {
    resource: disciplineCaseMachine,
    command: 'recordStateActionProposal',
    summary: 'Record the proposal of matching state action, due within 5 days (đề nghị xử lý kỷ luật hành chính tương xứng)',
  })
  record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: RecordStateActionProposalRequest) {
    return this.commands.run(this.cases, id, version, 'recordStateActionProposal', request);
  }
}
