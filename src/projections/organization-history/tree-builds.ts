import type { DataSource, EntityManager } from 'typeorm';
import { within } from '../bitemporal.js';
import { treeEventsWithin, type TreeEventRow } from './tree-as-of.js';

/** How many builds each database keeps: a few trees of the past and today's. */
const KEPT = 4;

interface Fingerprint {
  readonly oid: string;
  readonly rows: string;
  /** The latest valid time within the axes, as text: to the microsecond. */
  readonly latest: string | null;
}

/**
 * What is built from a tree table's events within the axes (a `TreeAsOf`, a `LineageAsOf`), kept per database
 * for the next answers whose axes hold the same events; a build is shared, to be read and never applied to.
 * A tree table only grows (`fileTreeEvent`) and a rebuild swaps in another table, so the table, its number of
 * rows, the record-time bound and the latest valid time within the axes name the events exactly: with the
 * same table, rows and record-time bound, the events before two valid-time bounds are the same when the
 * latest of them is.
 */
export class TreeBuilds<T> {
  private readonly byDatabase = new WeakMap<DataSource, Map<string, T>>();

  constructor(
    private readonly table: string,
    private readonly build: (events: readonly TreeEventRow[]) => T,
  ) {}

  /** The build of the table's events within the axes whose `bounds` are given (`axesBounds`), read from the schema `liveSchema`. */
  async within(manager: EntityManager, liveSchema: string, bounds: readonly [Date | null, Date | null]): Promise<T> {
    const table = `${liveSchema}.${this.table}`;
    const [fingerprint] = (await manager.query(
      `SELECT $3::regclass::oid::text AS oid, count(*)::text AS rows, (max(occurred_at) FILTER (WHERE ${within('occurred_at', 'recorded_at')}))::text AS latest
       FROM ${table}`,
      [...bounds, table],
    )) as Fingerprint[];
    const key = [fingerprint!.oid, fingerprint!.rows, bounds[1]?.toISOString() ?? '', fingerprint!.latest ?? ''].join(' ');
    const builds = this.buildsOf(manager.connection);
    const kept = builds.get(key);
    builds.delete(key);
    const built = kept ?? this.build(await treeEventsWithin(manager, table, bounds));
    builds.set(key, built);
    if (builds.size > KEPT) builds.delete(builds.keys().next().value!);
    return built;
  }

  private buildsOf(database: DataSource): Map<string, T> {
    let builds = this.byDatabase.get(database);
    if (!builds) this.byDatabase.set(database, (builds = new Map()));
    return builds;
  }
}
