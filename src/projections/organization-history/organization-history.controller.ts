import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ANY_ROLE } from '../../shared/access/policy.js';
import { ApiProblemResponses } from '../../platform/http/api-routes.js';
import { HistoryPageDto, HistoryQueryDto } from './history-query.dto.js';
import { OrganizationHistoryQuery, orOrganizationNotFound } from './organization-history.query.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Allow(...ANY_ROLE)
@Controller('organizations')
export class OrganizationHistoryController {
  constructor(private readonly query: OrganizationHistoryQuery) {}

  @Get(':id/history')
  @ApiOperation({
    operationId: 'getOrganizationHistory',
    summary: 'History of an organization',
    description:
      'Every inspection, supervision, review, discipline, appeal and removal that touches the organization or its members, ' +
      'optionally its whole subtree, newest first. Served from a projection: it may trail the latest commands by its lag (see /projections).',
  })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblemResponses(400, 401, 404)
  history(@Param('id') id: string, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    return orOrganizationNotFound(this.query.history(id, query));
  }
}
