import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RUNNER_STATUSES, type RunnerStatus } from './projection-runner.js';
import type { RunnerReport } from './projection-status.js';

class CheckpointDto {
  @ApiProperty({ description: 'Transaction id (xid8) of the last event applied', example: '1042' }) transactionId!: string;
  @ApiProperty({ description: 'Global position of the last event applied', example: 5120 }) globalPosition!: number;
}

/** A runner as the API shows it: the projections' and the publisher's answers extend it. */
export class RunnerReportDto implements RunnerReport {
  @ApiProperty({
    enum: RUNNER_STATUSES,
    description:
      "This instance's runner; `standby` while another instance holds its lock; `needs-rebuild` while a projection's version changed and the schema owner's `rebuild` job has not run",
    example: 'live',
  })
  status!: RunnerStatus;
  @ApiPropertyOptional({ description: 'Why the last attempt failed, while failing' }) error?: string;
  @ApiProperty({ type: CheckpointDto, nullable: true }) checkpoint!: CheckpointDto | null;
  @ApiProperty({ description: 'Events committed after the checkpoint', example: 0 }) lag!: number;
}
