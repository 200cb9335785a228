import type { EntityManager } from 'typeorm';
import { within } from '../bitemporal.js';
import { text } from '../organization-tree.js';

/** A tree event as `organization_tree_events` keeps it, in commit order. */
export interface TreeEventRow {
  readonly event_type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The tree events `fileTreeEvent` filed in `table` within the axes whose `bounds` are given (`axesBounds`), in commit order. */
export async function treeEventsWithin(manager: EntityManager, table: string, bounds: readonly unknown[]): Promise<TreeEventRow[]> {
  return (await manager.query(`SELECT event_type, data FROM ${table} WHERE ${within('occurred_at', 'recorded_at')} ORDER BY transaction_id, global_position`, [
    ...bounds,
  ])) as TreeEventRow[];
}

/** A row of `organization_tree`. */
export interface TreeNodeRow {
  organization_id: string;
  parent_id: string | null;
  path: string;
  name: string;
  level: string;
  merged_into: string | null;
  merged_on: string | null;
}

/**
 * The organization tree the tree's events leave, built in memory: the same rows `evolveOrganizationTree` and
 * `mergeIntoSuccessor` leave in a tree table (the as-of property test holds the two together). An unknown
 * organization's path is `/id/`, as there.
 */
export class TreeAsOf {
  private readonly nodes = new Map<string, TreeNodeRow>();

  static of(events: Iterable<TreeEventRow>): TreeAsOf {
    const tree = new TreeAsOf();
    for (const event of events) tree.apply(event);
    return tree;
  }

  /** The rows of the organizations `organizationIds` that the tree knows; every row when null. */
  rows(organizationIds: readonly string[] | null = null): TreeNodeRow[] {
    if (organizationIds === null) return [...this.nodes.values()];
    return organizationIds.flatMap((id) => this.nodes.get(id) ?? []);
  }

  /** The organizations whose entries an answer about `organizationId` may list: its subtree and those merged into it. */
  reach(organizationId: string): string[] {
    const node = this.nodes.get(organizationId);
    if (!node) return [];
    const reached = new Set(
      this.rows()
        .filter((row) => row.path.startsWith(node.path))
        .map((row) => row.organization_id),
    );
    for (let grew = true; grew;) {
      grew = false;
      for (const row of this.nodes.values()) {
        if (row.merged_into !== null && reached.has(row.merged_into) && !reached.has(row.organization_id)) {
          reached.add(row.organization_id);
          grew = true;
        }
      }
    }
    return [...reached];
  }

  pathOf(organizationId: string | null): string {
    if (organizationId === null) return '/';
    return this.nodes.get(organizationId)?.path ?? `/${organizationId}/`;
  }

  apply(event: TreeEventRow): void {
    const id = text(event.data, 'organizationId');
    const node = this.nodes.get(id);
    switch (event.event_type) {
      case 'OrganizationFounded': {
        if (node) return;
        const parentId = (event.data.parentId as string | null) ?? null;
        const path = `${this.pathOf(parentId)}${id}/`;
        this.nodes.set(id, {
          organization_id: id,
          parent_id: parentId,
          path,
          name: text(event.data, 'name'),
          level: text(event.data, 'level'),
          merged_into: null,
          merged_on: null,
        });
        return;
      }
      case 'OrganizationRenamed':
        if (node) node.name = text(event.data, 'name');
        return;
      case 'OrganizationMoved':
        return this.reparent(id, text(event.data, 'parentId'));
      case 'OrganizationMerged': {
        const successorId = text(event.data, 'successorId');
        if (node) {
          node.merged_into = successorId;
          node.merged_on = text(event.data, 'mergedOn');
        }
        if (!this.pathOf(successorId).startsWith(this.pathOf(id))) this.reparent(id, successorId);
        return;
      }
      default:
        throw new Error(`Not a tree event: ${event.event_type}`);
    }
  }

  /** Puts an organization, with its subtree, under another parent. */
  reparent(id: string, parentId: string): void {
    const oldPath = this.pathOf(id);
    const newPath = `${this.pathOf(parentId)}${id}/`;
    const node = this.nodes.get(id);
    if (node) node.parent_id = parentId;
    for (const row of this.nodes.values()) {
      if (row.path.startsWith(oldPath)) row.path = newPath + row.path.slice(oldPath.length);
    }
  }
}
