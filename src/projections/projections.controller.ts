import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow, AUDIT_ROLES } from '../shared/access/policy.js';
import { isProcessManager, parkedCount } from './process-manager.js';
import { checkpointLag } from './projection-status.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { ReadModels } from './read-models.js';

class CheckpointDto {
  @ApiProperty({ description: 'Transaction id (xid8) of the last event applied' }) transactionId!: string;
  @ApiProperty({ description: 'Global position of the last event applied' }) globalPosition!: number;
}

class ProjectionStatusDto {
  @ApiProperty({ example: 'organization-history' }) name!: string;
  @ApiProperty({ enum: ['projection', 'process-manager'], description: 'A read model, or a process manager that records follow-ups on other streams' })
  kind!: 'projection' | 'process-manager';
  @ApiProperty({ description: 'The version this instance runs' }) version!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version the stored read model was built with' }) storedVersion!: number | null;
  @ApiProperty({
    enum: ['stopped', 'standby', 'needs-rebuild', 'rebuilding', 'catching-up', 'live', 'failing'],
    description:
      "This instance's runner; `standby` while another instance holds the projection's lock; `needs-rebuild` while its version changed and the schema owner's `rebuild` job has not run",
  })
  status!: string;
  @ApiPropertyOptional({ description: 'Why the last attempt failed, while failing' }) error?: string;
  @ApiProperty({ type: CheckpointDto, nullable: true }) checkpoint!: CheckpointDto | null;
  @ApiProperty({ description: 'Events committed after the checkpoint' }) lag!: number;
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
        const { storedVersion, checkpoint, lag } = await checkpointLag(this.readModels.dataSource, consumer.name);
        const processManager = isProcessManager(consumer);
        return {
          name: consumer.name,
          kind: processManager ? 'process-manager' : 'projection',
          version: consumer.version,
          storedVersion,
          status: runner.status,
          ...(runner.error && runner.status === 'failing' ? { error: runner.error } : {}),
          checkpoint,
          lag,
          ...(processManager ? { parked: await parkedCount(this.readModels.dataSource, consumer.name) } : {}),
        };
      }),
    );
  }
}
