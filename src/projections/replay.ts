import type { DataSource, EntityManager } from 'typeorm';
import { EVERYTHING, setScope, type ReadScope } from '../database/organization-scope.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { Projection } from './projection.js';

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Runs `read` against a projection's read model rebuilt from `events` only: the events go through the
 * projection's own `evolve` into temporary copies of its tables, which shadow the live ones for this
 * transaction (PostgreSQL searches the temporary schema first), and the transaction is rolled back.
 * The copies take over the live tables' walls: the replay writes every row, `read` sees those of `scope`.
 * The events are read beforehand: the embedded database serves one open transaction at a time.
 */
export async function readReplayed<T>(
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  scope: ReadScope,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const [row] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    await setScope(runner.manager, EVERYTHING);
    for (const table of projection.tables) {
      const live = `${quoted(row!.schema)}.${quoted(table)}`;
      await runner.query(`CREATE TEMPORARY TABLE ${quoted(table)} (LIKE ${live} INCLUDING ALL) ON COMMIT DROP`);
      await runner.query('SELECT disciplina_copy_walls($1::regclass, $2::regclass)', [live, `pg_temp.${quoted(table)}`]);
    }
    const handled = new Set<string>(projection.handles);
    for (const event of events) {
      if (handled.has(event.type)) await projection.evolve(runner.manager, event);
    }
    await setScope(runner.manager, scope);
    return await read(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
