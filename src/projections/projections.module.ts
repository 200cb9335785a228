import { Module } from '@nestjs/common';
import { Database } from '../database/database.js';
import { DisciplineStatisticsController } from './discipline-statistics/discipline-statistics.controller.js';
import { DisciplineStatisticsQuery } from './discipline-statistics/discipline-statistics.query.js';
import { OrganizationHistoryController } from './organization-history/organization-history.controller.js';
import { OrganizationHistoryQuery } from './organization-history/organization-history.query.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { ProjectionsController } from './projections.controller.js';
import { ReadModels } from './read-models.js';

@Module({
  controllers: [ProjectionsController, OrganizationHistoryController, DisciplineStatisticsController],
  providers: [
    {
      provide: ReadModels,
      inject: [Database],
      useFactory: (database: Database) => ReadModels.open(database.url, database.kind === 'embedded' ? 4 : 10),
    },
    ProjectionSupervisor,
    OrganizationHistoryQuery,
    DisciplineStatisticsQuery,
  ],
  exports: [ReadModels],
})
export class ProjectionsModule {}
