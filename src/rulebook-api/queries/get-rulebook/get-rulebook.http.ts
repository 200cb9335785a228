import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow, ANY_ROLE } from '../../../shared/access/policy.js';
import { ApiProblemResponses } from '../../../platform/http/api-routes.js';
import { Rulebook } from '../../../rulebook/rulebook.js';
import { InForceQuery } from './in-force.query.js';
import { RuleVersionResponse, RulebookResponse } from './rulebook.response.js';

@Controller('rulebook')
@ApiTags('Rulebook — quy định')
@ApiBearerAuth()
@Allow(...ANY_ROLE)
export class GetRulebookHttp {
  constructor(private readonly rulebook: Rulebook) {}

  @Get()
  @ApiOperation({ operationId: 'getRulebook', summary: 'Every rule version with its dates, rules and citations (các quy định về kỷ luật đảng)' })
  @ApiResponse({ status: 200, type: RulebookResponse })
  list() {
    return { versions: this.rulebook.versions };
  }

  @Get('in-force')
  @ApiOperation({ operationId: 'getRuleVersionInForce', summary: 'The rule version in force on a date (quy định có hiệu lực)' })
  @ApiResponse({ status: 200, type: RuleVersionResponse })
  @ApiProblemResponses(400, 422)
  inForce(@Query() query: InForceQuery) {
    return this.rulebook.versionInForce(query.on);
  }
}
