import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event-store.js';
import type { OrganizationEvent } from '../../organizations/domain/organization.events.js';
import { evolveOrganizationTree, pathIn, reparent, subtreePattern, text, TREE_EVENTS } from '../organization-tree.js';

export const TREE = 'discipline_statistics_tree';
const LINEAGE = 'discipline_statistics_lineage';
const FACTS = 'discipline_statistics_facts';

/**
 * The organizations `organization` lay under on `day`, itself included: SQL over two expressions of the
 * enclosing statement. Each act keeps them, for the report's subtree and for the walls.
 */
export function ancestorsOn(organization: string, day: string): string {
  return `(SELECT coalesce(array_agg(l.ancestor_id ORDER BY l.ancestor_id), '{}') FROM ${LINEAGE} l
    WHERE l.organization_id = ${organization} AND l.valid_from <= ${day} AND (l.valid_to IS NULL OR ${day} < l.valid_to))`;
}

/** The events that place an organization in the tree, or move it, on a legal date. */
export const LINEAGE_EVENTS: readonly OrganizationEvent['type'][] = [...TREE_EVENTS, 'OrganizationMerged'];

/** The organizations on a tree path (`/root/.../id/`), the organization itself last. */
function organizationsOn(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/**
 * Moves an organization, with its subtree, under `parentId` from the day `on`: each organization of the
 * subtree leaves the ancestors it no longer has, and joins the new ones, on that day, or on the day it joined
 * the moved organization when that is later (a later move below it recorded first).
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
  // When each organization of the subtree joined the moved one: from the beginning, or a later move below it.
  const joinedMoved = `SELECT organization_id, valid_from AS joined_on FROM ${LINEAGE}
     WHERE ancestor_id = $4 AND valid_to IS NULL AND organization_id = ANY ($1::text[])`;
  await tx.query(
    `UPDATE ${LINEAGE} l SET valid_to = greatest(l.valid_from, j.joined_on, $3::date) FROM (${joinedMoved}) j
     WHERE l.organization_id = j.organization_id AND l.ancestor_id = ANY ($2::text[]) AND l.valid_to IS NULL`,
    [subtree, left, on, organizationId],
  );
  await tx.query(
    `INSERT INTO ${LINEAGE} (organization_id, ancestor_id, valid_from)
     SELECT j.organization_id, a, greatest(j.joined_on, $3::date) FROM (${joinedMoved}) j, unnest($2::text[]) a
     ON CONFLICT (organization_id, ancestor_id, valid_from) DO UPDATE SET valid_to = NULL`,
    [subtree, joined, on, organizationId],
  );
  await tx.query(`UPDATE ${FACTS} f SET ancestors = ${ancestorsOn('f.organization_id', 'f.occurred_on')} WHERE f.organization_id = ANY ($1::text[])`, [
    subtree,
  ]);
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
