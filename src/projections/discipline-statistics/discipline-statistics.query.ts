import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '../../platform/http/problem.js';
import { collect, eventsKnownAt, hasAxes, type TimeAxes } from '../../audit/time-axes.js';
import { currentReadScope } from '../../database/organization-scope.js';
import { EventStore } from '../../event-store/event-store.js';
import { ReadModels } from '../read-models.js';
import { readReplayed } from '../replay.js';
import { disciplineStatisticsProjection } from './discipline-statistics.projection.js';
import type { FactCount, StatisticsPeriod } from './statistics-acts.js';
import { readStatisticsAsOf } from './statistics-as-of.js';
import { statisticsFigures, type StatisticsFigures } from './statistics-report.js';

export class OrganizationNotInStatisticsError extends Error {
  constructor(readonly organizationId: string) {
    super(`Organization ${organizationId} is not known to the discipline statistics`);
    this.name = 'OrganizationNotInStatisticsError';
  }
}

export interface DisciplineStatistics extends StatisticsFigures {
  period: StatisticsPeriod;
  /** The subtree counted; null for the whole tree. */
  organization: { id: string; name: string; level: string } | null;
}

/** Where the report reads: the live read models, or a replay's temporary tables. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

@Injectable()
export class DisciplineStatisticsQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
  ) {}

  /**
   * From the live read model; with `asOf` (valid time) or `knownAt` (record time), what the replay of the
   * events within those axes gives: from the projection's bitemporal rows, or, where those cannot tell
   * (`readStatisticsAsOf`), from the replay itself.
   */
  async report(period: StatisticsPeriod, organizationId?: string, axes: TimeAxes = {}): Promise<DisciplineStatistics> {
    if (period.from > period.to) throw new RequestValidationError([{ field: 'from', rule: 'notAfterTo' }]);
    if (!hasAxes(axes)) return this.compute(this.readModels, period, organizationId);
    const fromRows = await readStatisticsAsOf(this.readModels.dataSource, this.store, axes, period, organizationId, currentReadScope(), (manager) =>
      this.compute(manager, period, organizationId),
    );
    return fromRows ?? this.replayed(period, organizationId, axes);
  }

  /** The statistics within `axes` from the events within them replayed through the projection's own evolve. */
  async replayed(period: StatisticsPeriod, organizationId: string | undefined, axes: TimeAxes): Promise<DisciplineStatistics> {
    const handled = new Set<string>(disciplineStatisticsProjection.handles);
    const events = await collect(eventsKnownAt(this.store, axes, (event) => handled.has(event.type)));
    return readReplayed(this.readModels.dataSource, disciplineStatisticsProjection, events, currentReadScope(), (manager) =>
      this.compute(manager, period, organizationId),
    );
  }

  private async compute(db: Queryable, period: StatisticsPeriod, organizationId: string | undefined): Promise<DisciplineStatistics> {
    let organization: DisciplineStatistics['organization'] = null;
    if (organizationId !== undefined) {
      const [node] = (await db.query('SELECT name, level FROM discipline_statistics_tree WHERE organization_id = $1', [organizationId])) as {
        name: string;
        level: string;
      }[];
      if (!node) throw new OrganizationNotInStatisticsError(organizationId);
      organization = { id: organizationId, name: node.name, level: node.level };
    }
    // An act counts when its organization lay in the subtree on the act's own date (statistics-lineage.ts).
    const facts = (await db.query(
      `SELECT act, subject_kind AS "subjectKind", act_kind AS "actKind", body_kind AS "bodyKind", body_level AS "bodyLevel", count(*)::int AS count
       FROM discipline_statistics_facts f
       WHERE f.occurred_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR f.ancestors @> ARRAY[$3::text])
       GROUP BY 1, 2, 3, 4, 5`,
      [period.from, period.to, organizationId ?? null],
    )) as FactCount[];
    return { period: { from: period.from, to: period.to }, organization, ...statisticsFigures(facts) };
  }
}
