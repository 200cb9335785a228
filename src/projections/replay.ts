import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { Projection } from './projection.js';

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Runs `read` against a projection's read model rebuilt from `events` only: the events go through the
 * projection's own `evolve` into temporary copies of its tables, which shadow the live ones for this
 * transaction (PostgreSQL searches the temporary schema first), and the transaction is rolled back.
 * The events are read beforehand: the embedded database serves one open transaction at a time.
 */
export async function readReplayed<T>(
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const [row] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    for (const table of projection.tables) {
      await runner.query(`CREATE TEMPORARY TABLE ${quoted(table)} (LIKE ${quoted(row!.schema)}.${quoted(table)} INCLUDING ALL) ON COMMIT DROP`);
    }
    const handled = new Set(projection.handles);
    for (const event of events) {
      if (handled.has(event.type)) await projection.evolve(runner.manager, event);
    }
    return await read(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
