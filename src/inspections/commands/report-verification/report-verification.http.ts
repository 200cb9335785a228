import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { ReportVerificationRequest } from './report-verification.request.js';

@InspectionsController()
export class ReportVerificationHttp extends StreamRoutes {
  @CommandRoute(':id/report-verification', {
    resource: inspections,
    command: 'reportVerification',
    summary: 'Report the verification with a draft report (thẩm tra, xác minh; dự thảo báo cáo)',
  })
  reportVerification(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ReportVerificationRequest) {
    return this.commands.run(inspections, id, version, 'reportVerification', request);
  }
}
