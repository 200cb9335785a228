import type { DataSource, EntityManager } from 'typeorm';
import type { TimeAxes } from '../../audit/time-axes.js';
import { setScope, type ReadScope } from '../../database/organization-scope.js';
import type { EventStore } from '../../event-store/event-store.js';
import { DISCIPLINE_CASE_EVENT_TYPES } from '../domain-events.js';
import { aboutOrganizations, axesBounds, insertRows, placedBefore, readFromRows, within } from '../bitemporal.js';
import { organizationHistoryProjection } from './organization-history.projection.js';
import { TreeAsOf } from './tree-as-of.js';
import { TreeBuilds } from './tree-builds.js';

/**
 * The entries of the organizations in `$3` as the replay within the axes attributes them: an entry placed by
 * its member goes to the organization of the member's last placement within the axes committed before the
 * event that named the subject. The acts of a discipline case opened outside the axes are left out, as the
 * replay leaves them out: the opening is the only event of a case's stream that names its subject (a violation
 * committed before the case was opened shows from the opening). Answers how many it could not attribute as
 * the replay would: another subject named by an event outside the axes (the replay may name it by a later
 * event of the stream), a member placed nowhere within the axes, a confidential expulsion (confidential as its
 * case is known within the axes).
 */
function copyEntries(live: string): string {
  return `
    WITH candidates AS (
      SELECT h.*, CASE WHEN h.attributed_member_id IS NULL THEN h.organization_id
        ELSE ${placedBefore(`${live}.organization_history_placements`, 'h.attributed_member_id', 'h.subject_transaction_id', 'h.subject_position')} END AS attributed_to
      FROM ${aboutOrganizations(`${live}.organization_history`, `${live}.organization_history_placements`, '$3::text[]')} h
      WHERE ${within('h.occurred_at', 'h.recorded_at')}
        AND (h.event_type <> ALL($4::text[]) OR (${within('h.subject_occurred_at', 'h.subject_recorded_at')}) IS NOT FALSE)
    ),
    copied AS (
      INSERT INTO organization_history (global_position, organization_id, member_id, kind, event_type, occurred_at, recorded_at, stream_id, summary, confidential_to)
      SELECT global_position, attributed_to, member_id, kind, event_type, occurred_at, recorded_at, stream_id, summary, confidential_to
      FROM candidates WHERE attributed_to IS NOT NULL
    )
    SELECT count(*) FILTER (
      WHERE attributed_to IS NULL OR NOT (${within('subject_occurred_at', 'subject_recorded_at')}) OR (event_type = 'MemberExpelled' AND confidential_to IS NOT NULL)
    )::int AS doubtful
    FROM candidates`;
}

const trees = new TreeBuilds('organization_tree_events', TreeAsOf.of);

const TREE_COLUMNS = { organization_id: 'text', parent_id: 'text', path: 'text', name: 'text', level: 'text', merged_into: 'text', merged_on: 'date' };

/**
 * Answers `read` about `organizationId` on the organization history as the replay of the events within
 * `axes` would leave it, from the bitemporal rows the projection keeps: the tree rebuilt in memory from its
 * events within the axes (or kept from an answer on the same events, `TreeBuilds`), its rows and the entries
 * of the organizations it reaches attributed at query time, in temporary tables that shadow the live ones
 * (so the walls and `read` are those of the live answer). Undefined when only the replay can answer (`readFromRows`, `copyEntries`).
 */
export function readHistoryAsOf<T>(
  dataSource: DataSource,
  store: EventStore,
  axes: TimeAxes,
  organizationId: string,
  scope: ReadScope,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T | undefined> {
  return readFromRows(dataSource, store, organizationHistoryProjection, axes, ['organization_tree', 'organization_history'], async (manager, live) => {
    const bounds = axesBounds(axes);
    const tree = await trees.within(manager, live, bounds);
    // The answer lists the entries of the organizations it reaches, and reads the tree only about them.
    const reach = tree.reach(organizationId);
    await insertRows(manager, 'organization_tree', TREE_COLUMNS, tree.rows(reach));
    const [copy] = (await manager.query(copyEntries(live), [...bounds, reach, DISCIPLINE_CASE_EVENT_TYPES])) as { doubtful: number }[];
    if (copy!.doubtful > 0) return undefined;
    await setScope(manager, scope);
    return read(manager);
  });
}
