import type { DataSource, EntityManager } from 'typeorm';
import { collect, eventsKnownAt, type TimeAxes } from '../../audit/time-axes.js';
import { setScope, type ReadScope } from '../../database/organization-scope.js';
import type { EventStore } from '../../event-store/event-store.js';
import { loadCheckpoint } from '../checkpoints.js';
import { withShadowTables } from '../replay.js';
import { organizationHistoryProjection } from './organization-history.projection.js';
import { TreeAsOf, type TreeEventRow } from './tree-as-of.js';

/** The first instant after the valid-time day, or null for no bound. */
function endOf(axes: TimeAxes): Date | null {
  return axes.asOf === undefined ? null : new Date(Date.parse(`${axes.asOf}T00:00:00.000Z`) + 86_400_000);
}

/** Rows within both axes; `$1` the end of the day asked for, `$2` the instant asked for, each null for no bound. */
const WITHIN = (alias: string, prefix = '') =>
  `($1::timestamptz IS NULL OR ${alias}.${prefix}occurred_at < $1) AND ($2::timestamptz IS NULL OR ${alias}.${prefix}recorded_at <= $2)`;

/**
 * The entries of the organizations in `$3` as the replay within the axes attributes them: an entry placed by
 * its member goes to the organization of the member's last placement within the axes committed before the
 * event that named the subject. Answers how many it copied and how many it could not attribute as the
 * replay would: a subject named by an event outside the axes (the replay names it by a later event of the
 * stream), a member placed nowhere within the axes, a confidential expulsion (confidential as its case is
 * known within the axes). Those answers come from the replay.
 */
function copyEntries(live: string): string {
  return `
    WITH candidates AS (
      SELECT h.*, CASE WHEN h.attributed_member_id IS NULL THEN h.organization_id ELSE (
        SELECT p.organization_id FROM ${live}.organization_history_placements p
        WHERE p.member_id = h.attributed_member_id AND (p.transaction_id, p.global_position) < (h.subject_transaction_id, h.subject_position) AND ${WITHIN('p')}
        ORDER BY p.transaction_id DESC, p.global_position DESC LIMIT 1) END AS attributed_to
      FROM ${live}.organization_history h
      WHERE ${WITHIN('h')} AND (h.organization_id = ANY($3::text[]) OR h.attributed_member_id IN (
        SELECT member_id FROM ${live}.organization_history_placements WHERE organization_id = ANY($3::text[])))
    ),
    copied AS (
      INSERT INTO organization_history (global_position, organization_id, member_id, kind, event_type, occurred_at, recorded_at, stream_id, summary, confidential_to)
      SELECT global_position, attributed_to, member_id, kind, event_type, occurred_at, recorded_at, stream_id, summary, confidential_to
      FROM candidates WHERE attributed_to IS NOT NULL
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM copied)::int AS copied, count(*) FILTER (
      WHERE attributed_to IS NULL OR NOT (${WITHIN('candidates', 'subject_')}) OR (event_type = 'MemberExpelled' AND confidential_to IS NOT NULL)
    )::int AS doubtful
    FROM candidates`;
}

/**
 * Answers `read` about `organizationId` on the organization history as the replay of the events within
 * `axes` would leave it, from the bitemporal rows the projection keeps: the tree rebuilt in memory from its
 * events within the axes, the entries of the organizations it reaches attributed at query time, both in
 * temporary tables that shadow the live ones (so the walls and `read` are those of the live answer).
 * Undefined when only the replay can answer: the read model is not built at this version, an event the
 * projection handles within the axes was committed after its checkpoint, or an entry cannot be attributed
 * from the rows alone (`copyEntries`).
 */
export async function readHistoryAsOf<T>(
  dataSource: DataSource,
  store: EventStore,
  axes: TimeAxes,
  organizationId: string,
  scope: ReadScope,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T | undefined> {
  const projection = organizationHistoryProjection;
  const checkpoint = await loadCheckpoint(dataSource.manager, projection.name);
  if (checkpoint?.version !== projection.version) return undefined;
  // The store is read before the transaction opens: the embedded database serves one open transaction at a time.
  const handled = new Set<string>(projection.handles);
  const later = await collect(eventsKnownAt(store, axes, (event) => handled.has(event.type), checkpoint));
  if (later.length > 0) return undefined;
  return withShadowTables(dataSource, ['organization_tree', 'organization_history'], async (manager, live) => {
    // The rows may have moved past `checkpoint` since: they answer as the store stood at their own checkpoint.
    if ((await loadCheckpoint(manager, projection.name))?.version !== projection.version) return undefined;
    const bounds = [endOf(axes), axes.knownAt ?? null];
    const treeEvents = (await manager.query(
      `SELECT event_type, data FROM ${live}.organization_tree_events e WHERE ${WITHIN('e')} ORDER BY transaction_id, global_position`,
      bounds,
    )) as TreeEventRow[];
    const tree = TreeAsOf.of(treeEvents);
    await manager.query(
      `INSERT INTO organization_tree (organization_id, parent_id, path, name, level, merged_into, merged_on)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(organization_id text, parent_id text, path text, name text, level text, merged_into text, merged_on date)`,
      [JSON.stringify(tree.rows())],
    );
    const [copy] = (await manager.query(copyEntries(live), [...bounds, tree.reach(organizationId)])) as { copied: number; doubtful: number }[];
    if (copy!.doubtful > 0) return undefined;
    await setScope(manager, scope);
    return read(manager);
  });
}
