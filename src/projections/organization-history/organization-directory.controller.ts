import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ANY_ROLE } from '../../shared/access/policy.js';
import { ApiProblemResponses, UuidParam } from '../../platform/http/api-routes.js';
import { OrganizationDirectoryDto, OrganizationDirectoryQuery, OrganizationMembersDto } from './organization-directory.query.js';
import { orOrganizationNotFound } from './organization-history.query.js';

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
  members(@UuidParam('id') id: string): Promise<OrganizationMembersDto> {
    return orOrganizationNotFound(this.query.members(id));
  }
}
