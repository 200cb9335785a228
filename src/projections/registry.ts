import { disciplineStatisticsProjection } from './discipline-statistics/discipline-statistics.projection.js';
import { memberRecordProjection } from './member-record/member-record.projection.js';
import { organizationHistoryProjection } from './organization-history/organization-history.projection.js';
import { workListsProjection } from './work-lists/work-lists.projection.js';
import { assertValidProjection, type Projection } from './projection.js';

/** Every projection the service keeps. Add a new one here, with its tables in a migration. */
export const PROJECTIONS: readonly Projection[] = [organizationHistoryProjection, disciplineStatisticsProjection, memberRecordProjection, workListsProjection];

for (const projection of PROJECTIONS) assertValidProjection(projection);

export function findProjection(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
