import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Accounts } from '../../src/accounts/accounts.js';
import type { PublisherReport } from '../../src/publisher/publisher.service.js';
import type { Role } from '../../src/shared/access/principal.js';
import { testDatabases } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { appendBurst } from '../support/nats.js';
import { eachDatabaseWithOwnNats, serviceWithOwnNats } from '../support/nats-service.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, loginAs, type HttpAgent } from '../support/test-app.js';

const PASSWORD = 'trang-thai-he-thong-2026';

interface FeedStatus {
  readonly head: { readonly globalPosition: number; readonly recordedAt: string } | null;
  readonly liveConnections: number;
}

/** The publisher's and the feed's status for administrators and auditors: how far each target and the store are. */
eachDatabaseWithOwnNats('System status tests')('the publisher and feed status over HTTP on $name', (database) => {
  const service = serviceWithOwnNats(database);
  let admin: HttpAgent;

  beforeAll(async () => {
    admin = await authorizedAgent(service.app);
  });

  const publisherStatus = async (agent: HttpAgent) => (await agent.get('/api/v1/publisher').expect(200)).body as PublisherReport;
  const nats = (report: PublisherReport) => report.targets.find((target) => target.name === 'nats');

  async function agentOf(role: Role): Promise<HttpAgent> {
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    await service.app.get(Accounts).setUp(username, PASSWORD, [{ role, organizationId: null }]);
    return authorizedAgent(service.app, username, PASSWORD);
  }

  it('shows the events recorded while NATS is down as lag, with the error, then a lag of 0 once they are published', async () => {
    const { server, store } = service;
    await eventually(
      () => publisherStatus(admin),
      (report) => report.publishing && nats(report)?.status === 'live',
    );
    await server.kill();
    await appendBurst(store, randomUUID().slice(0, 8), 2, 5);
    const behind = nats(
      await eventually(
        () => publisherStatus(admin),
        (report) => nats(report)?.status === 'failing',
      ),
    )!;
    expect(behind.lag).toBeGreaterThanOrEqual(10);
    expect(behind.lagSeconds).toBeGreaterThan(0);
    expect(behind.error).toEqual(expect.any(String));

    await server.start();
    const caughtUp = await eventually(
      () => publisherStatus(admin),
      (report) => nats(report)?.lag === 0,
    );
    expect(caughtUp).toEqual({
      publishing: true,
      targets: [{ name: 'nats', status: 'live', checkpoint: { transactionId: expect.any(String), globalPosition: expect.any(Number) }, lag: 0, lagSeconds: 0 }],
    });
  }, 120_000);

  it('gives the store’s newest event as the feed’s head', async () => {
    const { pool, store } = service;
    const { lastGlobalPosition } = await store.append({
      streamId: `organization-status-${randomUUID()}`,
      streamType: 'organization',
      events: [{ type: 'OrganizationRenamed', data: { organizationId: 'status', previousName: 'A', name: 'B', renamedOn: '2026-01-05' } }],
      expectedVersion: 'any',
      metadata: { actor: 'status-test', correlationId: randomUUID() },
    });
    // Another act of the service (a refusal counted, say) may follow ours: the head is whatever is newest when asked.
    const [status, newest] = await eventually(
      async () => {
        const answer = (await admin.get('/api/v1/feed/status').expect(200)).body as FeedStatus;
        const { rows } = await pool.query<{ global_position: string; recorded_at: Date }>(
          'SELECT global_position, recorded_at FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1',
        );
        return [answer, rows[0]!] as const;
      },
      ([answer, row]) => answer.head?.globalPosition === Number(row.global_position),
    );
    expect(status.head!.globalPosition).toBeGreaterThanOrEqual(lastGlobalPosition);
    expect(status.head!.recordedAt).toBe(newest.recorded_at.toISOString());
    expect(status.liveConnections).toBe(0);
  });

  it('counts the live feeds open now', async () => {
    const { app } = service;
    const server = app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const token = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const liveConnections = async () => ((await admin.get('/api/v1/feed/status').expect(200)).body as FeedStatus).liveConnections;
    const live = http.get({ host: '127.0.0.1', port, path: '/api/v1/feed/live', headers: { Authorization: `Bearer ${token}` } });
    // A live feed never ends by itself: the client leaves.
    live.on('error', () => undefined);
    try {
      await eventually(liveConnections, (count) => count === 1);
    } finally {
      live.destroy();
    }
    await eventually(liveConnections, (count) => count === 0);
  });

  it('serves both to auditors, and refuses every other role, the feed’s integration accounts included', async () => {
    const auditor = await agentOf('auditor');
    await auditor.get('/api/v1/publisher').expect(200);
    await auditor.get('/api/v1/feed/status').expect(200);
    for (const role of ['integration', 'viewer', 'discipline-officer'] as const) {
      const agent = await agentOf(role);
      for (const path of ['/api/v1/publisher', '/api/v1/feed/status']) {
        const response = await agent.get(path);
        expect([role, path, response.status, response.body.code]).toEqual([role, path, 403, 'forbidden']);
      }
    }
  });
});

describe.each(testDatabases())('the publisher status of a service without a target on $name', (database) => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp(database.url);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says it does not publish, with no target', async () => {
    const admin = await authorizedAgent(app);
    expect((await admin.get('/api/v1/publisher').expect(200)).body).toEqual({ publishing: false, targets: [] });
  });
});
