import { Controller, Get } from '@nestjs/common';
import { ProblemError } from '../../platform/http/problem.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ANY_ROLE } from '../../shared/access/policy.js';
import { ApiProblemResponses, UuidParam } from '../../platform/http/api-routes.js';
import { OrganizationDirectoryDto, OrganizationDirectoryQuery, OrganizationMembersDto } from './organization-directory.query.js';
import { OrganizationNotInHistoryError } from './organization-history.query.js';

const LAG = 'Served from the organization history projection: it may trail the latest commands by its lag (see /projections).';

@ApiTags('organizations')
@ApiBearerAuth()
@Allow(...ANY_ROLE)
@Controller('organizations')
export class OrganizationDirectoryController {
  constructor(private readonly query: OrganizationDirectoryQuery) {}

  @Get()
  @ApiOperation({ operationId: 'listOrganizations', summary: 'The organizations the caller may see, as a tree', description: LAG })
  @ApiOkResponse({ type: OrganizationDirectoryDto })
  @ApiProblemResponses(401)
  organizations(): Promise<OrganizationDirectoryDto> {
    return this.query.organizations();
  }

  @Get(':id/members')
  @ApiOperation({ operationId: 'listOrganizationMembers', summary: 'The members placed in an organization', description: LAG })
  @ApiOkResponse({ type: OrganizationMembersDto })
  @ApiProblemResponses(400, 401, 404)
  async members(@UuidParam('id') id: string): Promise<OrganizationMembersDto> {
    try {
      return await this.query.members(id);
    } catch (error) {
      if (error instanceof OrganizationNotInHistoryError)
        throw new ProblemError(404, 'not-found', { reason: 'organization-history', organizationId: error.organizationId });
      throw error;
    }
  }
}
