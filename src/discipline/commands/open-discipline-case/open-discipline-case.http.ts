import { Body } from '@nestjs/common';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { subjectRef } from '../../../rulebook/index.js';
import { DisciplineCasesController } from '../../discipline-case.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { disciplineCaseMachine } from '../../domain/discipline-case.decider.js';
import { OpenDisciplineCaseRequest } from './open-discipline-case.request.js';

@DisciplineCasesController()
export class OpenDisciplineCaseHttp extends DisciplineRoutes {
  /** The subject's facts are read from the member and organization records at opening, and kept on the case. */
  @CreationRoute('', {
    resource: disciplineCaseMachine,
    command: 'openDisciplineCase',
    summary: 'Open a discipline case, from an inspection conclusion or directly (xem xét kỷ luật)',
  })
  async open(@Body() request: OpenDisciplineCaseRequest) {
    const subject = await this.directory.subjectFacts('subject', request.subject, request.openedOn);
    const inspectionId = request.inspectionId ?? null;
    if (inspectionId !== null) await this.directory.requireDisciplineProposed(inspectionId, subjectRef(subject), request.openedOn);
    const confidentialTo = request.confidentialTo ? await this.directory.actingBody('confidentialTo', request.confidentialTo) : null;
    return this.commands.createNew(this.cases, 'openDisciplineCase', (caseId) => ({
      caseId,
      openedOn: request.openedOn,
      inspectionId,
      subject,
      confidentialTo,
    }));
  }
}
