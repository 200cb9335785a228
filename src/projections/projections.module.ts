import { Module, type DynamicModule } from '@nestjs/common';
import { Database } from '../database/database.js';
import { PendingWork } from '../platform/health/readiness.js';
import { RulebookModule } from '../rulebook-api/rulebook.module.js';
import { DisciplineStatisticsController } from './discipline-statistics/discipline-statistics.controller.js';
import { DisciplineStatisticsQuery } from './discipline-statistics/discipline-statistics.query.js';
import { GetStatisticsReportHandler } from './discipline-statistics/get-statistics-report.query.js';
import { MemberRecordHttp } from './member-record/member-record.controller.js';
import { MemberRecordQuery } from './member-record/member-record.query.js';
import { OrganizationDirectoryController } from './organization-history/organization-directory.controller.js';
import { OrganizationDirectoryQuery } from './organization-history/organization-directory.query.js';
import { OrganizationHistoryController } from './organization-history/organization-history.controller.js';
import { OrganizationHistoryQuery } from './organization-history/organization-history.query.js';
import { projectionDependenciesProvider, ProjectionDependencies, ProjectionRunnersEnabled } from './projection-dependencies.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { ProjectionsController } from './projections.controller.js';
import { ReadModels } from './read-models.js';
import { AlertsHttp, WorkListsHttp } from './work-lists/work-lists.controller.js';
import { WorkListsQuery } from './work-lists/work-lists.query.js';

@Module({
  imports: [RulebookModule],
  controllers: [
    ProjectionsController,
    OrganizationHistoryController,
    OrganizationDirectoryController,
    DisciplineStatisticsController,
    MemberRecordHttp,
    WorkListsHttp,
    AlertsHttp,
  ],
  providers: [
    {
      provide: ReadModels,
      inject: [Database],
      useFactory: (database: Database) => ReadModels.open(database.url, database.kind === 'embedded' ? 4 : 10, database.timeouts),
    },
    projectionDependenciesProvider,
    ProjectionSupervisor,
    { provide: PendingWork, useExisting: ProjectionSupervisor },
    OrganizationHistoryQuery,
    OrganizationDirectoryQuery,
    DisciplineStatisticsQuery,
    GetStatisticsReportHandler,
    MemberRecordQuery,
    WorkListsQuery,
  ],
  exports: [ReadModels, ProjectionDependencies, PendingWork, ProjectionSupervisor],
})
export class ProjectionsModule {
  static forRoot(runners: ProjectionRunnersEnabled): DynamicModule {
    // Global: the capabilities register their process managers with the supervisor.
    return { module: ProjectionsModule, global: true, providers: [{ provide: ProjectionRunnersEnabled, useValue: runners }] };
  }
}
