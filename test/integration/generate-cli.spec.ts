import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCli, type Exit } from '../support/cli-process.js';
import { isolatedDatabase, testClient, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { ADMIN_PASSWORD, sharedKeys } from '../support/test-app.js';

const cli = compiledCli('generate-cli-test');
beforeAll(() => cli.compile(), 120_000);
afterAll(() => cli.remove());

const SUMMARY = /generate: (\d+) events in (\d+) districts of (\d+) provinces/;

/** The events, districts and provinces a run of `generate` says it appended. */
function summaryOf(exit: Exit): [number, number, number] {
  const match = SUMMARY.exec(exit.stderr);
  if (!match) throw new Error(`no summary in: ${exit.stderr}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

describe('npm run cli -- generate: its arguments', () => {
  it.each([
    [['generate'], '--events must be a positive whole number, got nothing'],
    [['generate', '--events', '0'], '--events must be a positive whole number, got 0'],
    [['generate', '--events', '10', '--concurrency', 'many'], '--concurrency must be a positive whole number, got many'],
    [['generate', '--events', '10', '--provinces', '2'], "Unknown option '--provinces'"],
  ])('%j exits 2 naming what is wrong, before anything opens', async (args, message) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'disciplina-generate-args-'));
    try {
      const exit = await cli.run(args, { DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabases())('npm run cli -- generate, on a fresh data folder, on $name', (database) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disciplina-generate-'));
  let isolated: IsolatedDatabase | undefined;
  const runs: Exit[] = [];

  beforeAll(async () => {
    if (database.concurrentSessions) isolated = await isolatedDatabase(database);
    const keys = isolated ? sharedKeys() : {};
    const env = { DATA_DIR: dataDir, DATABASE_URL: isolated?.url, MIGRATION_DATABASE_URL: undefined, ADMIN_PASSWORD, ...keys };
    // Twice on PostgreSQL, where the test reads the store itself: the second run founds a province of its own.
    for (let run = 0; run < (isolated ? 2 : 1); run++) runs.push(await cli.run(['generate', '--events', '1', '--concurrency', '1'], env, 540_000));
  }, 600_000);
  afterAll(async () => {
    await isolated?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads one worked district (about 1,600 events) of a new province, records the follow-ups, and exits 0', () => {
    for (const exit of runs) {
      expect({ code: exit.code, followUps: exit.stderr.includes('discipline-follow-ups: caught up (lag 0)') }).toEqual({ code: 0, followUps: true });
      const [events, districts, provinces] = summaryOf(exit);
      expect({ districts, provinces, events: events > 1000 && events < 3000 }).toEqual({ districts: 1, provinces: 1, events: true });
    }
  });

  it('numbers the provinces after those earlier runs generated, each with its district, 13 grassroots organizations and their expulsions carried out', async () => {
    if (!isolated) return;
    const client = await testClient(isolated.url);
    try {
      const { rows } = await client.query<{ level: string; codes: string[] }>(
        `SELECT data->>'level' AS level, array_agg(data->>'code' ORDER BY global_position) AS codes FROM events
         WHERE event_type = 'OrganizationFounded' AND data->>'level' IN ('province', 'district') GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { level: 'district', codes: ['T1-H1', 'T2-H1'] },
        { level: 'province', codes: ['T1', 'T2'] },
      ]);
      const counts = await client.query<{ grassroots: string; expelled: string; expulsions: string }>(
        `SELECT count(*) FILTER (WHERE event_type = 'OrganizationFounded' AND data->>'level' = 'grassroots') AS grassroots,
                count(*) FILTER (WHERE event_type = 'MemberExpelled') AS expelled,
                count(*) FILTER (WHERE event_type = 'DisciplineDecisionAnnounced' AND stream_id IN (
                  SELECT stream_id FROM events WHERE event_type = 'DisciplineDecisionIssued' AND data->>'form' = 'expulsion')) AS expulsions
         FROM events`,
      );
      expect(counts.rows[0]).toEqual({ grassroots: '26', expelled: counts.rows[0]!.expulsions, expulsions: expect.not.stringMatching(/^0$/) });
    } finally {
      await client.end();
    }
  });
});
