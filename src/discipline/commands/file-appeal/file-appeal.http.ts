import { Body } from '@nestjs/common';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { RuleViolationError } from '../../../shared/domain/errors.js';
import { toSubjectRef } from '../../../platform/http/requests/subject.request.js';
import { AppealsController } from '../../appeal.resource.js';
import { DisciplineRoutes } from '../../discipline-routes.js';
import { appealMachine } from '../../domain/appeal.decider.js';
import { FileAppealRequest } from './file-appeal.request.js';

@AppealsController()
export class FileAppealHttp extends DisciplineRoutes {
  /** Two streams: the case notes the appeal (guarded by its version read here), then the appeal stream starts. */
  @CreationRoute('', { resource: appealMachine, command: 'fileAppeal', summary: 'File an appeal against a discipline decision in effect (khiếu nại kỷ luật)' })
  async file(@Body() request: FileAppealRequest) {
    const { state, version } = await this.directory.requireCase('caseId', request.caseId);
    if (state.status !== 'in-effect') {
      throw new RuleViolationError('no-decision-in-effect', {
        caseId: request.caseId,
        status: state.status,
      });
    }
    const { file, decision, announcedOn } = state;
    const reviewingBody = await this.directory.decidingBody('reviewingBody', request.reviewingBody, request.filedOn);
    return this.process.fileAppeal(request.caseId, version, {
      appealId: this.commands.newId(),
      appellant: toSubjectRef(request.appellant),
      subject: file.subject,
      sanction: {
        caseId: file.caseId,
        form: decision.form,
        decidingBody: decision.decidingBody,
        decisionNumber: decision.decisionNumber,
        signedOn: decision.signedOn,
        ruleVersion: decision.ruleVersion,
      },
      receivedOn: request.receivedOn ?? announcedOn,
      filedOn: request.filedOn,
      reviewingBody,
      confidentialTo: file.confidentialTo,
      previousAppeals: await this.directory.previousAppeals(file),
      handovers: await this.directory.appealHandovers(file),
    });
  }
}
