import type { DataSource, EntityManager } from 'typeorm';
import type { TimeAxes } from '../../audit/time-axes.js';
import { setScope, type ReadScope } from '../../database/organization-scope.js';
import type { EventStore } from '../../event-store/event-store.js';
import { aboutOrganizations, axesBounds, insertRows, placedBefore, readFromRows, within } from '../bitemporal.js';
import { TreeBuilds } from '../organization-history/tree-builds.js';
import { disciplineStatisticsProjection } from './discipline-statistics.projection.js';
import type { StatisticsPeriod } from './statistics-acts.js';
import { LineageAsOf } from './lineage-as-of.js';
import { ancestorsOn } from './statistics-lineage.js';

/** SQL: the organization `organization` was founded within the axes (`$1`, `$2`), before the event of commit key (`transaction`, `position`) when given. */
function foundedWithin(live: string, organization: string, before?: { transaction: string; position: string }): string {
  const order = before ? ` AND (e.transaction_id, e.global_position) < (${before.transaction}, ${before.position})` : '';
  return `EXISTS (SELECT FROM ${live}.discipline_statistics_tree_events e WHERE e.organization_id = ${organization}
    AND e.event_type = 'OrganizationFounded' AND ${within('e.occurred_at', 'e.recorded_at')}${order})`;
}

/**
 * The facts of the period `$3`–`$4` about the organizations in `$5` (every organization when null) as the
 * replay within the axes leaves them: a member's act counted against the organization of the member's last
 * placement within the axes before the event that named the subject, the body's level only once its
 * organization was founded, the ancestors on the act's date from the lineage built for the axes. Answers
 * how many it could not count as the replay would: a fact whose subject or body came from an event outside
 * the axes, a member placed nowhere within them, an organization founded after its act.
 */
function copyFacts(live: string): string {
  return `
    WITH candidates AS (
      SELECT f.*, CASE WHEN f.attributed_member_id IS NULL THEN f.organization_id
        ELSE ${placedBefore(`${live}.discipline_statistics_placements`, 'f.attributed_member_id', 'f.subject_transaction_id', 'f.subject_position')} END AS attributed_to
      FROM ${aboutOrganizations(`${live}.discipline_statistics_facts`, `${live}.discipline_statistics_placements`, '$5::text[]')} f
      WHERE f.occurred_on BETWEEN $3::date AND $4::date AND ${within('f.occurred_at', 'f.recorded_at')}
    ),
    copied AS (
      INSERT INTO discipline_statistics_facts
        (global_position, stream_id, occurred_on, organization_id, member_id, subject_kind, act, act_kind, body_kind, body_level, body_organization_id, ancestors)
      SELECT c.global_position, c.stream_id, c.occurred_on, c.attributed_to, c.member_id, c.subject_kind, c.act, c.act_kind, c.body_kind,
        CASE WHEN c.body_level_from_tree AND NOT ${foundedWithin(live, 'c.body_organization_id')} THEN NULL ELSE c.body_level END,
        c.body_organization_id, ${ancestorsOn('c.attributed_to', 'c.occurred_on')}
      FROM candidates c WHERE c.attributed_to IS NOT NULL
    )
    SELECT count(*) FILTER (
      WHERE c.attributed_to IS NULL OR NOT (${within('c.needs_occurred_at', 'c.needs_recorded_at')})
        OR (${foundedWithin(live, 'c.attributed_to')} AND NOT ${foundedWithin(live, 'c.attributed_to', { transaction: 'c.transaction_id', position: 'c.global_position' })})
    )::int AS doubtful
    FROM candidates c`;
}

const lineages = new TreeBuilds('discipline_statistics_tree_events', LineageAsOf.of);

const TREE_COLUMNS = { organization_id: 'text', parent_id: 'text', path: 'text', name: 'text', level: 'text' };
const LINEAGE_COLUMNS = { organization_id: 'text', ancestor_id: 'text', valid_from: 'date', valid_to: 'date' };

/**
 * Answers `read` on the discipline statistics of `period` (about `organizationId`'s subtree, or the whole
 * tree) as the replay of the events within `axes` would leave them, from the bitemporal rows the projection
 * keeps: the dated tree rebuilt in memory from its events within the axes (or kept from an answer on the same
 * events, `TreeBuilds`), its rows of the organizations counted and the period's facts counted at query time,
 * in temporary tables that shadow the live ones. Undefined when only the replay can answer
 * (`readFromRows`, `copyFacts`).
 */
export function readStatisticsAsOf<T>(
  dataSource: DataSource,
  store: EventStore,
  axes: TimeAxes,
  period: StatisticsPeriod,
  organizationId: string | undefined,
  scope: ReadScope,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T | undefined> {
  const tables = ['discipline_statistics_tree', 'discipline_statistics_lineage', 'discipline_statistics_facts'];
  return readFromRows(dataSource, store, disciplineStatisticsProjection, axes, tables, async (manager, live) => {
    const bounds = axesBounds(axes);
    const lineage = await lineages.within(manager, live, bounds);
    // An act counts when the organization asked about is among its ancestors: the rows of the organizations ever under it are enough.
    const organizations = organizationId === undefined ? null : lineage.everUnder(organizationId);
    await insertRows(manager, 'discipline_statistics_tree', TREE_COLUMNS, lineage.tree.rows(organizations));
    await insertRows(manager, 'discipline_statistics_lineage', LINEAGE_COLUMNS, lineage.rows(organizations));
    const [copy] = (await manager.query(copyFacts(live), [...bounds, period.from, period.to, organizations])) as { doubtful: number }[];
    if (copy!.doubtful > 0) return undefined;
    await setScope(manager, scope);
    return read(manager);
  });
}
