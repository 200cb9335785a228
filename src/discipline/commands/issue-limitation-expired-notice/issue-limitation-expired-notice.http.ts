import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { IssueLimitationExpiredNoticeRequest } from './issue-limitation-expired-notice.request.js';

@DisciplineCasesController()
export class IssueLimitationExpiredNoticeHttp extends DisciplineRoutes {
  @CommandRoute(':id/limitation-expired-notice', {
    resource: disciplineCaseMachine,
    command: 'issueLimitationExpiredNotice',
    summary: 'Notice of no discipline because the limitation period has expired (thông báo không kỷ luật do hết thời hiệu)',
  })
  async issue(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: IssueLimitationExpiredNoticeRequest) {
    const issuedBy = await this.directory.decidingBody('issuedBy', request.issuedBy, request.issuedOn);
    return this.commands.run(this.cases, id, version, 'issueLimitationExpiredNotice', { ...request, issuedBy });
  }
}
