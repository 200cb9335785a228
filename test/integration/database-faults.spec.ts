import type pg from 'pg';
import { openPool } from '../../src/database/connections.js';
import { Database } from '../../src/database/database.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { isolatedDatabase, testDatabases } from '../support/databases.js';
import { eventually } from '../support/eventually.js';

const postgres = testDatabases().find((database) => database.concurrentSessions);
if (!postgres) {
  console.warn(
    'database faults: the case of terminated connections is not run. The embedded PGlite is one session inside this process, ' +
      'with no backend to terminate. Set TEST_DATABASE_URL (CI does) to run it.',
  );
}
const describeOnPostgres = postgres ? describe : describe.skip;

describeOnPostgres('the service while PostgreSQL ends its connections', () => {
  it('outlives its database being dropped under its idle connections, as each test database is at the end of its file', async () => {
    const doomed = await isolatedDatabase(postgres!);
    const database = await Database.open({ databaseUrl: doomed.url, dataDir: '' });
    const readModels = await ReadModels.open(doomed.url, 2);
    const testPool = openPool(doomed.url, { max: 2 });
    const typeormPool = (readModels.dataSource.driver as unknown as { master: pg.Pool }).master;
    try {
      await Promise.all([database.pool.query('SELECT 1'), readModels.dataSource.query('SELECT 1'), testPool.query('SELECT 1')]);
      expect([database.pool, typeormPool, testPool].map((pool) => pool.idleCount)).toEqual([1, 1, 1]);
      await doomed.drop();
      await eventually(
        async () => [database.pool, typeormPool, testPool].map((pool) => pool.totalCount),
        (open) => open.every((count) => count === 0),
      );
    } finally {
      await testPool.end();
      await readModels.close();
      await database.close();
    }
  });
});
