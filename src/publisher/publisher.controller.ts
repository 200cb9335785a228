import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../platform/http/api-routes.js';
import { RunnerReportDto } from '../projections/runner-report.dto.js';
import { Allow, AUDIT_ROLES } from '../shared/access/policy.js';
import { PublisherService, type PublisherReport } from './publisher.service.js';

class PublisherTargetDto extends RunnerReportDto {
  @ApiProperty({ description: 'The target, as in the metrics’ `target` label', example: 'nats' }) name!: string;
  @ApiProperty({ description: 'How long ago the oldest event not yet passed to the target was recorded; 0 at the head', example: 0 })
  lagSeconds!: number;
}

class PublisherStatusDto {
  @ApiProperty({ description: 'Whether this instance publishes: false when no target is configured (NATS_URL, KURRENTDB_URL)', example: true })
  publishing!: boolean;
  @ApiProperty({ type: [PublisherTargetDto], description: 'One runner per target, each with its own checkpoint' }) targets!: PublisherTargetDto[];
}

@ApiTags('publisher')
@ApiBearerAuth()
@Allow(...AUDIT_ROLES)
@Controller('publisher')
export class PublisherController {
  constructor(private readonly publisher: PublisherService) {}

  @Get()
  @ApiOperation({ operationId: 'getPublisherStatus', summary: 'The publisher of the public events: each target’s runner status, checkpoint and lag' })
  @ApiOkResponse({ type: PublisherStatusDto })
  @ApiProblemResponses(401, 403)
  status(): Promise<PublisherReport> {
    return this.publisher.report();
  }
}
