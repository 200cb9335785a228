import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event-store.js';
import type { OrganizationEvent } from '../../organizations/domain/organization.events.js';
import { evolveOrganizationTree, pathIn, reparent, subtreePattern, text, TREE_EVENTS } from '../organization-tree.js';

export const TREE = 'discipline_statistics_tree';
const LINEAGE = 'discipline_statistics_lineage';

/** The events that place an organization in the tree, or move it, on a legal date. */
export const LINEAGE_EVENTS: readonly OrganizationEvent['type'][] = [...TREE_EVENTS, 'OrganizationMerged'];

/** The organizations on a tree path (`/root/.../id/`), the organization itself last. */
function organizationsOn(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/**
 * Moves an organization, with its subtree, under `parentId` from the day `on`: each organization of the
 * subtree leaves the ancestors it no longer has on that day and joins the new ones from it.
 */
async function moveOn(tx: EntityManager, organizationId: string, parentId: string, on: string): Promise<void> {
  const path = await pathIn(tx, TREE, organizationId);
  const parentPath = await pathIn(tx, TREE, parentId);
  // A merger into an organization of the predecessor's own subtree leaves the tree as it is.
  if (parentPath.startsWith(path)) return;
  const before = organizationsOn(path).slice(0, -1);
  const after = organizationsOn(parentPath);
  const left = before.filter((id) => !after.includes(id));
  const joined = after.filter((id) => !before.includes(id));
  const rows = (await tx.query(`SELECT organization_id FROM ${TREE} WHERE path LIKE $1 ESCAPE '\\'`, [subtreePattern(path)])) as {
    organization_id: string;
  }[];
  const subtree = rows.map((row) => row.organization_id);
  await tx.query(
    `UPDATE ${LINEAGE} SET valid_to = greatest(valid_from, $3::date)
     WHERE organization_id = ANY ($1::text[]) AND ancestor_id = ANY ($2::text[]) AND valid_to IS NULL`,
    [subtree, left, on],
  );
  await tx.query(
    `INSERT INTO ${LINEAGE} (organization_id, ancestor_id, valid_from)
     SELECT o, a, $3::date FROM unnest($1::text[]) o, unnest($2::text[]) a ON CONFLICT DO NOTHING`,
    [subtree, joined, on],
  );
  await reparent(tx, TREE, organizationId, parentId);
}

/**
 * The statistics' organization tree, kept twice: as it stands now (names, levels, the report's
 * organization) and as a lineage of dated intervals, which organization was under which from when to when,
 * itself included. A report of a past period counts each act against the tree as it stood on the act's
 * legal date, so that a later reorganization (a move, a merger, the 2025 abolition of districts) leaves
 * it unchanged. An organization is under its founding parent from the beginning, until it moves.
 */
export async function evolveDatedTree(tx: EntityManager, event: RecordedEvent): Promise<void> {
  const id = text(event.data, 'organizationId');
  if (event.type === 'OrganizationMoved') return moveOn(tx, id, text(event.data, 'parentId'), text(event.data, 'movedOn'));
  if (event.type === 'OrganizationMerged') return moveOn(tx, id, text(event.data, 'successorId'), text(event.data, 'mergedOn'));
  await evolveOrganizationTree(tx, TREE, event);
  if (event.type !== 'OrganizationFounded') return;
  await tx.query(
    `INSERT INTO ${LINEAGE} (organization_id, ancestor_id, valid_from)
     SELECT $1, a, '-infinity' FROM unnest($2::text[]) a ON CONFLICT DO NOTHING`,
    [id, organizationsOn(await pathIn(tx, TREE, id))],
  );
}
