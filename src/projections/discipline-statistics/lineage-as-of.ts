import { TreeAsOf, type TreeEventRow } from '../organization-history/tree-as-of.js';
import { text } from '../organization-tree.js';

/** A row of `discipline_statistics_lineage`: `organization_id` lay under `ancestor_id` from `valid_from` until `valid_to`. */
export interface LineageRow {
  organization_id: string;
  ancestor_id: string;
  valid_from: string;
  valid_to: string | null;
}

/** The organizations on a tree path (`/root/.../id/`), the organization itself last. */
function organizationsOn(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/** The latest of days (`YYYY-MM-DD` or `-infinity`, which sorts first). */
function greatest(...days: readonly string[]): string {
  return days.reduce((a, b) => (b > a ? b : a));
}

/**
 * The statistics' dated tree that the tree's events leave, built in memory: the rows `evolveDatedTree` leaves
 * in `discipline_statistics_tree` and `discipline_statistics_lineage` (the as-of property test holds the two
 * together).
 */
export class LineageAsOf {
  readonly tree = new TreeAsOf();
  private readonly lineage = new Map<string, LineageRow[]>();
  private underAncestor: Map<string, Set<string>> | undefined;

  static of(events: Iterable<TreeEventRow>): LineageAsOf {
    const built = new LineageAsOf();
    for (const event of events) built.apply(event);
    return built;
  }

  /** The rows of the organizations `organizationIds`; every row when null. */
  rows(organizationIds: readonly string[] | null = null): LineageRow[] {
    return (organizationIds ?? [...this.lineage.keys()]).flatMap((id) => this.lineage.get(id) ?? []);
  }

  /** The organizations that lay under `ancestorId` at some time, itself included. */
  everUnder(ancestorId: string): string[] {
    this.underAncestor ??= this.indexByAncestor();
    return [...(this.underAncestor.get(ancestorId) ?? [])];
  }

  /** Indexed once built: a build is kept for the answers that follow (`TreeBuilds`). */
  private indexByAncestor(): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    for (const row of this.rows()) {
      let under = index.get(row.ancestor_id);
      if (!under) index.set(row.ancestor_id, (under = new Set()));
      under.add(row.organization_id);
    }
    return index;
  }

  private rowsOf(organizationId: string): LineageRow[] {
    let rows = this.lineage.get(organizationId);
    if (!rows) this.lineage.set(organizationId, (rows = []));
    return rows;
  }

  private apply(event: TreeEventRow): void {
    const id = text(event.data, 'organizationId');
    if (event.event_type === 'OrganizationMoved') return this.moveOn(id, text(event.data, 'parentId'), text(event.data, 'movedOn'));
    if (event.event_type === 'OrganizationMerged') return this.moveOn(id, text(event.data, 'successorId'), text(event.data, 'mergedOn'));
    this.tree.apply(event);
    if (event.event_type !== 'OrganizationFounded') return;
    const rows = this.rowsOf(id);
    for (const ancestor of organizationsOn(this.tree.pathOf(id))) {
      if (!rows.some((row) => row.ancestor_id === ancestor && row.valid_from === '-infinity')) {
        rows.push({ organization_id: id, ancestor_id: ancestor, valid_from: '-infinity', valid_to: null });
      }
    }
  }

  /** As `moveOn` in statistics-lineage.ts: the subtree leaves its former ancestors and joins the new ones on `on`, or when it joined the moved organization. */
  private moveOn(id: string, parentId: string, on: string): void {
    const path = this.tree.pathOf(id);
    const parentPath = this.tree.pathOf(parentId);
    if (parentPath.startsWith(path)) return;
    const before = organizationsOn(path).slice(0, -1);
    const after = organizationsOn(parentPath);
    const left = before.filter((ancestor) => !after.includes(ancestor));
    const joined = after.filter((ancestor) => !before.includes(ancestor));
    const joinedMoved = this.tree
      .rows()
      .filter((node) => node.path.startsWith(path))
      .flatMap((node) =>
        this.rowsOf(node.organization_id)
          .filter((row) => row.ancestor_id === id && row.valid_to === null)
          .map((row) => ({ organizationId: node.organization_id, joinedOn: row.valid_from })),
      );
    for (const { organizationId, joinedOn } of joinedMoved) {
      for (const row of this.rowsOf(organizationId)) {
        if (left.includes(row.ancestor_id) && row.valid_to === null) row.valid_to = greatest(row.valid_from, joinedOn, on);
      }
    }
    for (const { organizationId, joinedOn } of joinedMoved) {
      const rows = this.rowsOf(organizationId);
      for (const ancestor of joined) {
        const from = greatest(joinedOn, on);
        const existing = rows.find((row) => row.ancestor_id === ancestor && row.valid_from === from);
        if (existing) existing.valid_to = null;
        else rows.push({ organization_id: organizationId, ancestor_id: ancestor, valid_from: from, valid_to: null });
      }
    }
    this.tree.reparent(id, parentId);
  }
}
