import type { DataSource, EntityManager } from 'typeorm';
import { EVERYTHING, setScope, type ReadScope } from '../database/organization-scope.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { Projection } from './projection.js';

export function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Runs `work` in a repeatable-read transaction that is rolled back, where empty temporary copies of `tables`
 * shadow the live ones (PostgreSQL searches the temporary schema first) and take over their walls. `work`
 * starts with every row in scope and gets the live tables' schema, to read them by their qualified names.
 */
export async function withShadowTables<T>(
  dataSource: DataSource,
  tables: readonly string[],
  work: (manager: EntityManager, liveSchema: string) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction('REPEATABLE READ');
  try {
    // Planned on temporary tables without statistics, an answer's statements are estimated far above the JIT
    // thresholds: PostgreSQL would spend a second compiling a statement that runs in milliseconds.
    await runner.query('SET LOCAL jit = off');
    const [row] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    const liveSchema = quoted(row!.schema);
    await setScope(runner.manager, EVERYTHING);
    for (const table of tables) {
      const live = `${liveSchema}.${quoted(table)}`;
      await runner.query(`CREATE TEMPORARY TABLE ${quoted(table)} (LIKE ${live} INCLUDING ALL) ON COMMIT DROP`);
      await runner.query('SELECT disciplina_copy_walls($1::regclass, $2::regclass)', [live, `pg_temp.${quoted(table)}`]);
    }
    return await work(runner.manager, liveSchema);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * Runs `read` against a projection's read model rebuilt from `events` only: the events go through the
 * projection's own `evolve` into temporary copies of its tables; the replay writes every row, `read` sees
 * those of `scope`. The events are read beforehand: the embedded database serves one open transaction at a time.
 */
export async function readReplayed<T>(
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  scope: ReadScope,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return withShadowTables(dataSource, projection.tables, async (manager) => {
    const handled = new Set<string>(projection.handles);
    for (const event of events) {
      if (handled.has(event.type)) await projection.evolve(manager, event);
    }
    await setScope(manager, scope);
    return read(manager);
  });
}
