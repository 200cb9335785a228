import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Allow, FIELDWORK_ROLES } from '../../shared/access/policy.js';
import { ApiProblemResponses, ResourceController } from '../../platform/http/api-routes.js';
import { UuidParam } from '../../platform/http/api-routes.js';
import { orOrganizationNotFound } from '../organization-history/organization-history.query.js';
import { AlertsDto, AlertsQueryDto, CaseWorkListQueryDto, InspectionWorkListQueryDto, PendingWorkDto, WorkListPageDto } from './work-lists.dto.js';
import { WorkListsQuery } from './work-lists.query.js';

const SERVED = 'Served from the work-lists projection: it may trail the latest commands by its lag (see /projections).';

@ResourceController('work-lists', 'Work lists and alerts')
@Allow(...FIELDWORK_ROLES)
export class WorkListsHttp {
  constructor(private readonly query: WorkListsQuery) {}

  @Get('inspections')
  @ApiOperation({
    operationId: 'listOpenInspections',
    summary: 'Open inspections by state, acting body and due date, earliest due first',
    description: `Due dates are the service's targets (the rulebook sets none): conclusion within 90 days of the decision, a follow-up check within 90 days of the notification or the last check. ${SERVED}`,
  })
  @ApiOkResponse({ type: WorkListPageDto })
  @ApiProblemResponses(400, 401, 403)
  inspections(@Query() query: InspectionWorkListQueryDto): Promise<WorkListPageDto> {
    return this.query.inspections(query);
  }

  @Get('discipline-cases')
  @ApiOperation({
    operationId: 'listOpenDisciplineCases',
    summary: 'Open discipline cases (open, decided, in effect) by state, acting body and due date, earliest due first',
    description: `The due date is the case's earliest duty: limitation, announcement, lapse or state notice (the appeal window is an alert only). ${SERVED}`,
  })
  @ApiOkResponse({ type: WorkListPageDto })
  @ApiProblemResponses(400, 401, 403)
  disciplineCases(@Query() query: CaseWorkListQueryDto): Promise<WorkListPageDto> {
    return this.query.disciplineCases(query);
  }

  @Get('organizations/:id')
  @ApiOperation({
    operationId: 'listPendingWork',
    summary: 'What an organization’s bodies still have to do, to hand it over when its level is abolished: open inspections, cases and every running deadline',
    description: `Appeals under review show as their handling deadline. ${SERVED}`,
  })
  @ApiOkResponse({ type: PendingWorkDto })
  @ApiProblemResponses(400, 401, 403, 404)
  pendingWork(@UuidParam('id') id: string): Promise<PendingWorkDto> {
    return orOrganizationNotFound(this.query.pendingWork(id));
  }
}

@ResourceController('alerts', 'Work lists and alerts')
@Allow(...FIELDWORK_ROLES)
export class AlertsHttp {
  constructor(private readonly query: WorkListsQuery) {}

  @Get()
  @ApiOperation({
    operationId: 'listDeadlineAlerts',
    summary:
      'Deadlines due within the next days and those overdue: appeal windows closing, announcements, limitation, lapse, state notice, appeal handling, inspections and follow-ups',
    description: SERVED,
  })
  @ApiOkResponse({ type: AlertsDto })
  @ApiProblemResponses(400, 401, 403)
  alerts(@Query() query: AlertsQueryDto): Promise<AlertsDto> {
    return this.query.alerts(query);
  }
}
