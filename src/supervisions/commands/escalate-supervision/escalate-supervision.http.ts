import { Body } from '@nestjs/common';
import { inspections } from '../../../inspections/inspection.resource.js';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { supervisionMachine } from '../../domain/supervision.decider.js';
import { supervisions, SupervisionsController } from '../../supervision.resource.js';
import { EscalateSupervisionRequest } from './escalate-supervision.request.js';

@SupervisionsController()
export class EscalateSupervisionHttp extends ReferencingRoutes {
  /**
   * Opens the linked inspection (on signs of violation, escalatedFromSupervisionId) and records its id on
   * the supervision. Both decisions, If-Match included, are checked before either write; the supervision is
   * written first, as the only write that can meet a concurrent one, then the inspection under a fresh id.
   */
  @CommandRoute(':id/escalate', {
    resource: supervisions,
    command: 'escalateSupervision',
    summary: 'Escalate to an inspection on signs of violation (chuyển kiểm tra khi có dấu hiệu vi phạm)',
  })
  async escalate(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: EscalateSupervisionRequest) {
    const inspectionId = this.commands.newId();
    const escalation = { inspectionId, escalatedOn: request.escalatedOn };
    const current = await this.commands.check(supervisions, id, 'escalateSupervision', escalation, version);
    const { supervision } = supervisionMachine.requireState(current.state, 'escalateSupervision');
    const body = request.body ?? supervision.body;
    await this.directory.requireActingBody('body', body);
    await this.directory.requireBodyOver('body', body, supervision.subject);
    const proposal = {
      inspectionId,
      body,
      subject: supervision.subject,
      kind: 'suspected-violation' as const,
      escalatedFromSupervisionId: id,
      grounds: request.grounds,
      proposedOn: request.escalatedOn,
    };
    await this.commands.check(inspections, null, 'proposeInspection', proposal);
    const escalated = await this.commands.run(supervisions, id, version, 'escalateSupervision', escalation);
    await this.commands.create(inspections, inspectionId, 'proposeInspection', proposal);
    return escalated;
  }
}
