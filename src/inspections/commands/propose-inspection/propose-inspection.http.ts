import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { inspections, InspectionsController } from '../../inspection.resource.js';
import { ProposeInspectionRequest } from './propose-inspection.request.js';

@InspectionsController()
export class ProposeInspectionHttp extends ReferencingRoutes {
  @CreationRoute('', { resource: inspections, command: 'proposeInspection', summary: 'Propose an inspection (đề xuất kiểm tra)' })
  async propose(@Body() request: ProposeInspectionRequest) {
    const subject = await this.directory.requireParties(request);
    return this.commands.createNew(inspections, 'proposeInspection', (inspectionId) => ({
      ...request,
      inspectionId,
      subject,
      escalatedFromSupervisionId: null,
    }));
  }
}
