import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { MemberEvent } from '../organizations/domain/member.events.js';
import type { OrganizationEvent } from '../organizations/domain/organization.events.js';

/**
 * The organization tree and the members' organizations as a projection keeps them in its own tables
 * (a rebuild sees only its own tables at the point of the replay). A tree table has the columns
 * organization_id, parent_id, path, name, level; `path` is `/root/.../id/`, so a subtree is a path prefix.
 */
export const TREE_EVENTS: readonly OrganizationEvent['type'][] = ['OrganizationFounded', 'OrganizationRenamed', 'OrganizationMoved'];
export const MEMBER_PLACEMENT_EVENTS: readonly MemberEvent['type'][] = ['MemberAdmitted', 'MemberTransferred'];

export function text(data: Readonly<Record<string, unknown>>, field: string): string {
  const value = data[field];
  if (typeof value !== 'string') throw new Error(`Expected text in ${field}`);
  return value;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE pattern (with `ESCAPE '\'`) of the paths in the subtree at `path`. */
export function subtreePattern(path: string): string {
  return `${escapeLike(path)}%`;
}

export async function pathIn(tx: EntityManager, table: string, organizationId: string | null): Promise<string> {
  if (organizationId === null) return '/';
  const rows = (await tx.query(`SELECT path FROM ${table} WHERE organization_id = $1`, [organizationId])) as { path: string }[];
  return rows[0]?.path ?? `/${organizationId}/`;
}

/** Puts an organization, with its subtree, under another parent. */
export async function reparent(tx: EntityManager, table: string, organizationId: string, parentId: string): Promise<void> {
  const oldPath = await pathIn(tx, table, organizationId);
  const newPath = `${await pathIn(tx, table, parentId)}${organizationId}/`;
  await tx.query(`UPDATE ${table} SET parent_id = $2 WHERE organization_id = $1`, [organizationId, parentId]);
  await tx.query(`UPDATE ${table} SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $3 ESCAPE '\\'`, [oldPath, newPath, subtreePattern(oldPath)]);
}

export async function evolveOrganizationTree(tx: EntityManager, table: string, event: RecordedEvent): Promise<void> {
  const data = event.data;
  const id = text(data, 'organizationId');
  if (event.type === 'OrganizationFounded') {
    const parentId = (data.parentId as string | null) ?? null;
    await tx.query(
      `INSERT INTO ${table} (organization_id, parent_id, path, name, level) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id) DO NOTHING`,
      [id, parentId, `${await pathIn(tx, table, parentId)}${id}/`, text(data, 'name'), text(data, 'level')],
    );
  } else if (event.type === 'OrganizationRenamed') {
    await tx.query(`UPDATE ${table} SET name = $2 WHERE organization_id = $1`, [id, text(data, 'name')]);
  } else {
    await reparent(tx, table, id, text(data, 'parentId'));
  }
}

/**
 * A merger where the successor takes over the predecessor's record (a tree table with the columns
 * merged_into and merged_on): the predecessor, with its subtree, goes under its successor, marked with the
 * day it joined, so that the successor's subtree holds the acts of the organizations it replaced (the
 * statistics date it instead: statistics-lineage.ts). A successor inside the predecessor's own subtree
 * cannot take it in: only the mark is kept.
 */
export async function mergeIntoSuccessor(tx: EntityManager, table: string, event: RecordedEvent): Promise<void> {
  const id = text(event.data, 'organizationId');
  const successorId = text(event.data, 'successorId');
  await tx.query(`UPDATE ${table} SET merged_into = $2, merged_on = $3 WHERE organization_id = $1`, [id, successorId, text(event.data, 'mergedOn')]);
  if (!(await pathIn(tx, table, successorId)).startsWith(await pathIn(tx, table, id))) await reparent(tx, table, id, successorId);
}

/** The organization a placement event puts its member in. */
export function placedIn(event: RecordedEvent): string {
  return text(event.data, event.type === 'MemberAdmitted' ? 'organizationId' : 'toOrganizationId');
}

/** A member table has the columns member_id, organization_id: where the member is now. */
export async function placeMember(tx: EntityManager, table: string, event: RecordedEvent): Promise<void> {
  const memberId = text(event.data, 'memberId');
  const organizationId = placedIn(event);
  await tx.query(
    `INSERT INTO ${table} (member_id, organization_id) VALUES ($1, $2)
     ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id`,
    [memberId, organizationId],
  );
}

export async function memberOrganization(tx: EntityManager, table: string, memberId: string): Promise<string | undefined> {
  const rows = (await tx.query(`SELECT organization_id FROM ${table} WHERE member_id = $1`, [memberId])) as { organization_id: string }[];
  return rows[0]?.organization_id;
}

/**
 * Files a tree event (a table with the columns of `organization_tree_events`) with its commit key and times,
 * so that the tree as it stood at any time can be rebuilt from the rows.
 */
export async function fileTreeEvent(tx: EntityManager, table: string, event: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO ${table} (global_position, transaction_id, organization_id, event_type, data, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.globalPosition, event.transactionId, text(event.data, 'organizationId'), event.type, JSON.stringify(event.data), event.occurredAt, event.recordedAt],
  );
}

/** Files a placement (a table with the columns of `organization_history_placements`): where a member was, from which event on. */
export async function filePlacement(tx: EntityManager, table: string, event: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO ${table} (global_position, transaction_id, member_id, organization_id, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.globalPosition, event.transactionId, text(event.data, 'memberId'), placedIn(event), event.occurredAt, event.recordedAt],
  );
}
