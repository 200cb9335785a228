import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TimeAxes } from '../../audit/time-axes.js';
import { DisciplineStatisticsQuery, type DisciplineStatistics } from './discipline-statistics.query.js';
import type { StatisticsPeriod } from './statistics-acts.js';

/** The statutory statistics of a subtree and period, as the reports route and the command line ask for them. */
export class GetStatisticsReport extends Query<DisciplineStatistics> {
  constructor(
    readonly period: StatisticsPeriod,
    readonly organizationId?: string,
    readonly axes: TimeAxes = {},
  ) {
    super();
  }
}

@QueryHandler(GetStatisticsReport)
export class GetStatisticsReportHandler implements IQueryHandler<GetStatisticsReport> {
  constructor(private readonly statistics: DisciplineStatisticsQuery) {}

  execute({ period, organizationId, axes }: GetStatisticsReport): Promise<DisciplineStatistics> {
    return this.statistics.report(period, organizationId, axes);
  }
}
