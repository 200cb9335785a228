import { Controller, Get, Optional } from '@nestjs/common';
import { ProblemError } from '../http/problem.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../shared/access/policy.js';
import { DatabaseUnavailableError } from '../../shared/database-unavailable.js';
import { PendingWork, Readiness } from './readiness.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Readiness,
    @Optional() private readonly work?: PendingWork,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The service can reach its database, and no read model waits for a rebuild by the schema owner' })
  async ready(): Promise<{ status: 'ok'; database: string }> {
    if (!(await this.database.isReady())) throw new DatabaseUnavailableError('The database does not answer');
    const pending = this.work?.pending() ?? [];
    if (pending.length > 0) throw new ProblemError(503, 'rebuild-pending', { pending });
    return { status: 'ok', database: this.database.kind };
  }
}
