import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow, AUDIT_ROLES } from '../shared/access/policy.js';
import { isProcessManager, parkedCount } from './process-manager.js';
import { checkpointLag, runnerReport } from './projection-status.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { ReadModels } from './read-models.js';
import { RunnerReportDto } from './runner-report.dto.js';

class ProjectionStatusDto extends RunnerReportDto {
  @ApiProperty({ example: 'organization-history' }) name!: string;
  @ApiProperty({ enum: ['projection', 'process-manager'], description: 'A read model, or a process manager that records follow-ups on other streams' })
  kind!: 'projection' | 'process-manager';
  @ApiProperty({ description: 'The version this instance runs' }) version!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version the stored read model was built with' }) storedVersion!: number | null;
  @ApiPropertyOptional({ description: "A process manager's events whose follow-up the domain refused, set aside (table parked_events)" }) parked?: number;
}

@ApiTags('projections')
@ApiBearerAuth()
@Allow(...AUDIT_ROLES)
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly supervisor: ProjectionSupervisor,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listProjections', summary: 'Read models and process managers: version, runner status, checkpoint and lag' })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  async list(): Promise<ProjectionStatusDto[]> {
    return Promise.all(
      this.supervisor.runners.map(async (runner) => {
        const { consumer } = runner;
        const position = await checkpointLag(this.readModels.dataSource, consumer.name);
        const processManager = isProcessManager(consumer);
        return {
          name: consumer.name,
          kind: processManager ? 'process-manager' : 'projection',
          version: consumer.version,
          storedVersion: position.storedVersion,
          ...runnerReport(runner, position),
          ...(processManager ? { parked: await parkedCount(this.readModels.dataSource, consumer.name) } : {}),
        };
      }),
    );
  }
}
