import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../shared/access/policy.js';
import { DatabaseUnavailableError } from '../../shared/database-unavailable.js';
import { Readiness } from './readiness.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly database: Readiness) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The service can reach its database' })
  async ready(): Promise<{ status: 'ok'; database: string }> {
    if (!(await this.database.isReady())) throw new DatabaseUnavailableError('The database does not answer');
    return { status: 'ok', database: this.database.kind };
  }
}
