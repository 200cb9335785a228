import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';
import { StartSupervisionRequest } from './start-supervision.request.js';

@SupervisionsController()
export class StartSupervisionHttp extends ReferencingRoutes {
  @CreationRoute('', { resource: supervisions, command: 'startSupervision', summary: 'Start a supervision (giám sát)' })
  async start(@Body() request: StartSupervisionRequest) {
    const subject = await this.directory.requireParties(request);
    return this.commands.createNew(supervisions, 'startSupervision', (supervisionId) => ({ ...request, supervisionId, subject }));
  }
}
