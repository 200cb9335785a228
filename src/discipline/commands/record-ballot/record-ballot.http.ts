import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { BallotRequest } from '../../http/ballot.request.js';

@DisciplineCasesController()
export class RecordBallotHttp extends DisciplineRoutes {
  /** The answer's state carries the rulebook's tally: denominator, thresholds and the cumulative count step by step. */
  @CommandRoute(':id/ballots', {
    resource: disciplineCaseMachine,
    command: 'recordBallot',
    summary: 'Record a secret ballot and its tally, counted cumulatively from the harshest form (bỏ phiếu kín, cộng dồn)',
  })
  async record(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: BallotRequest) {
    const body = await this.directory.decidingBody('body', request.body, request.heldOn);
    return this.commands.run(this.cases, id, version, 'recordBallot', { ballot: { ...request, body } });
  }
}
