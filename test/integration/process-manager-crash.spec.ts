import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { DISCIPLINE_FOLLOW_UPS } from '../../src/discipline/discipline-follow-ups.js';
import { ApiClient } from '../support/api-client.js';
import { compiledCli } from '../support/cli-process.js';
import { isolatedDatabase, testDatabases, testPool, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead } from '../support/projections.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, sharedKeys } from '../support/test-app.js';

const built = compiledCli('process-manager-crash-test');
beforeAll(() => built.compile(), 60_000);
afterAll(() => built.remove());

const EXPULSIONS = 8;

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe.each(testDatabases())('discipline process manager crash safety on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let app: NestExpressApplication;
  let api: ApiClient;
  const folder = mkdtempSync(join(tmpdir(), 'disciplina-process-'));
  const env = () => ({ DATABASE_URL: isolated.url, DATA_DIR: folder, LOG_LEVEL: 'silent', ADMIN_PASSWORD, ...sharedKeys() });

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    pool = testPool(isolated.url, 2);
    // The decisions are recorded by a service that runs no process manager: their follow-ups stay pending.
    app = await createTestApp(isolated.url, {}, undefined, { runsProjections: false });
    api = new ApiClient(await authorizedAgent(app));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await isolated?.drop();
  });

  /** An expulsion decided by the province commission and announced: the member must then be expelled. */
  async function expulsionAnnounced(tree: Awaited<ReturnType<typeof foundDisciplineTree>>, name: string): Promise<string> {
    const member = await tree.admitFull(name);
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Nhận hối lộ trong giao đất', committedOn: '2025-10-01', level: 'expulsion' });
    const ballot = (body: object, votes: number, fullMembers: number, stage: string) => ({
      stage,
      body,
      heldOn: '2026-05-06',
      excluded: [],
      abstentions: 0,
      votes: { expulsion: votes },
      fullMembers,
      present: fullMembers,
      againstDiscipline: fullMembers - votes,
    });
    const commission = tree.body(tree.province, 'inspection-commission');
    await api.command(`discipline-cases/${opened.id}/ballots`, ballot(tree.body(tree.commune, 'executive-committee'), 11, 15, 'proposal'));
    await api.command(`discipline-cases/${opened.id}/ballots`, ballot(commission, 7, 9, 'decision'));
    await api.command(`discipline-cases/${opened.id}/sanction`, {
      form: 'expulsion',
      decidingBody: commission,
      decisionNumber: '05-QĐ/UBKT',
      signedOn: '2026-05-20',
    });
    await api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: '2026-05-25' });
    return member.id;
  }

  /** Each announced decision's follow-ups on the member streams, by the causing event's id. */
  async function followUpsByCause(): Promise<Map<string, number>> {
    const { rows } = await pool.query<{ announced: string; expelled: number }>(
      `SELECT a.event_id::text AS announced, count(m.event_id)::int AS expelled
       FROM events a LEFT JOIN events m ON m.event_type = 'MemberExpelled' AND m.metadata->>'causationId' = a.event_id::text
       WHERE a.event_type = 'DisciplineDecisionAnnounced' GROUP BY a.event_id`,
    );
    return new Map(rows.map((row) => [row.announced, row.expelled]));
  }

  /**
   * Runs the command line's catch-up until the process manager has passed every event committed before:
   * a transaction open elsewhere on the cluster can hold back what is safe to read, and end a run early.
   */
  async function caughtUp(): Promise<void> {
    const head = await committedHead(pool);
    for (let run = 0; run < 5; run++) {
      expect((await built.run(['catch-up'], env())).code).toBe(0);
      const { rows } = await pool.query(
        `SELECT 1 FROM projection_checkpoints WHERE name = $1 AND (transaction_id, global_position) >= ($2::xid8, $3::bigint)`,
        [DISCIPLINE_FOLLOW_UPS, head.transactionId, head.globalPosition],
      );
      if (rows.length === 1) return;
    }
    throw new Error('The process manager did not pass the head in 5 runs of catch-up');
  }

  const expelledCount = async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE event_type = 'MemberExpelled'`)).rows[0]!.n;

  it('records each expulsion on its member exactly once when killed with SIGKILL between the decisions and their follow-ups', async () => {
    const tree = await foundDisciplineTree(api);
    const memberIds: string[] = [];
    for (let n = 0; n < EXPULSIONS; n++) memberIds.push(await expulsionAnnounced(tree, `Đảng viên ${n + 1}`));
    expect(await expelledCount()).toBe(0);
    const listed = (await api.get('projections').expect(200)).body as { name: string; kind: string; status: string; lag: number }[];
    expect(listed.find((consumer) => consumer.name === DISCIPLINE_FOLLOW_UPS)).toMatchObject({ kind: 'process-manager', status: 'stopped' });
    expect(listed.find((consumer) => consumer.name === DISCIPLINE_FOLLOW_UPS)!.lag).toBeGreaterThan(0);

    // The command line's catch-up runs the process manager; it is killed once its first follow-up committed.
    const runner = built.start(['catch-up'], env());
    const exit = exited(runner);
    let done = false;
    void exit.then(() => (done = true));
    while (!done && (await expelledCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    runner.kill('SIGKILL');
    await exit;
    const atKill = await expelledCount();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(EXPULSIONS);

    await caughtUp();
    const once = [...(await followUpsByCause()).values()];
    expect(once).toEqual(Array.from({ length: EXPULSIONS }, () => 1));
    for (const memberId of memberIds) expect(await api.view(`members/${memberId}`)).toMatchObject({ state: { status: 'left', leftBy: 'expelled' } });

    // A crash after a follow-up committed and before the checkpoint moved past its cause delivers the cause
    // again: moved back to the start, the process manager sees every decision again and records nothing more.
    await pool.query(`UPDATE projection_checkpoints SET transaction_id = '0', global_position = 0 WHERE name = $1`, [DISCIPLINE_FOLLOW_UPS]);
    await caughtUp();
    expect([...(await followUpsByCause()).values()]).toEqual(once);
    expect(await expelledCount()).toBe(EXPULSIONS);
    expect((await pool.query(`SELECT 1 FROM parked_events`)).rowCount).toBe(0);
  }, 240_000);

  it('parks an expulsion whose member died before the process manager came to it, shows it, and records the next one', async () => {
    const tree = await foundDisciplineTree(api);
    const died = await expulsionAnnounced(tree, 'Đảng viên từ trần');
    await api.command(`members/${died}/death`, { diedOn: '2026-05-28' });
    const expelled = await expulsionAnnounced(tree, 'Đảng viên bị khai trừ');

    await caughtUp();
    const { rows } = await pool.query(`SELECT event_type, stream_id, code FROM parked_events WHERE consumer = $1`, [DISCIPLINE_FOLLOW_UPS]);
    expect(rows).toEqual([{ event_type: 'DisciplineDecisionAnnounced', stream_id: expect.stringMatching(/^discipline-case-/), code: 'invalid-transition' }]);
    expect(await api.view(`members/${died}`)).toMatchObject({ state: { status: 'left', leftBy: 'died' } });
    expect(await api.view(`members/${expelled}`)).toMatchObject({ state: { status: 'left', leftBy: 'expelled' } });
    const listed = (await api.get('projections').expect(200)).body as { name: string }[];
    expect(listed.find((consumer) => consumer.name === DISCIPLINE_FOLLOW_UPS)).toMatchObject({ kind: 'process-manager', parked: 1 });
  }, 240_000);
});
