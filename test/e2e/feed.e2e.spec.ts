import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import type { GlobalCheckpoint } from '../../src/event-store/event-store.js';
import { PUBLIC_EVENTS, type PublicEventType } from '../../src/feed/contract/public-event-types.js';
import { compareCheckpoints, decodeCursor, encodeCursor } from '../../src/event-store/checkpoint-cursor.js';
import { addDays } from '../../src/rulebook/index.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { confidentialCaseUnderAppeal, foundCommune, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp, loginAs } from '../support/test-app.js';

const PASSWORD = 'feed-test-password';
const ENVELOPE = ['eventId', 'type', 'schemaVersion', 'streamId', 'streamType', 'occurredAt', 'recordedAt', 'data', 'cursor'];
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(today, -days);

interface FeedEvent {
  readonly eventId: string;
  readonly type: PublicEventType;
  readonly streamId: string;
  readonly data: Record<string, unknown>;
  readonly cursor: string;
}

/** Pages the feed from `after` until its `next` has passed `until`: every event committed up to there has been read. */
export async function readFeedThrough(client: ApiClient, after: GlobalCheckpoint, until: GlobalCheckpoint, limit = 200): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  let cursor = encodeCursor(after);
  for (;;) {
    const response = await client.get(`feed?after=${cursor}&limit=${limit}`);
    if (response.status !== 200) throw new Error(`feed answered ${response.status}: ${JSON.stringify(response.body)}`);
    const page = response.body as { events: FeedEvent[]; next: string };
    events.push(...page.events);
    cursor = page.next;
    if (compareCheckpoints(decodeCursor(cursor)!, until) >= 0) return events;
  }
}

describe.each(testDatabases())('the public feed on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let start: GlobalCheckpoint;
  let head: GlobalCheckpoint;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;
  let sibling: Awaited<ReturnType<typeof foundCommune>>;
  let member: View;
  let outsider: View;
  let erased: View;
  let confidential: View;
  let appeal: View;
  let ordinary: View;
  let wholeTree: ApiClient;
  let communeConsumer: ApiClient;
  let everything: FeedEvent[];
  let wholeTreeToken: string;
  const names = ['Hoàng Minh Tuấn', 'Đỗ Quang Khải', 'Lê Thị Xoan'];

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    start = await committedHead(pool);
    tree = await foundDisciplineTree(admin);
    sibling = await foundCommune(admin, tree.province, 'Đảng bộ xã Hương Canh', 'HC');
    member = await tree.admitFull(names[0]!);
    outsider = await sibling.admitFull(names[1]!);
    erased = await tree.admitFull(names[2]!);
    await admin.command(`members/${erased.id}/personal-data/erasure`, { ground: 'consent-withdrawn', reference: 'Đơn ngày 02/06/2026' });

    ({ confidential, appeal } = await confidentialCaseUnderAppeal(admin, tree, member, today));
    ordinary = await admin.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId: member.id } });

    const suffix = randomUUID().slice(0, 8);
    await app.get(Accounts).setUp(`feed-all-${suffix}`, PASSWORD, [{ role: 'integration', organizationId: null }]);
    await app.get(Accounts).setUp(`feed-commune-${suffix}`, PASSWORD, [{ role: 'integration', organizationId: tree.commune.id }]);
    wholeTree = new ApiClient(await authorizedAgent(app, `feed-all-${suffix}`, PASSWORD));
    wholeTreeToken = await loginAs(app, `feed-all-${suffix}`, PASSWORD);
    communeConsumer = new ApiClient(await authorizedAgent(app, `feed-commune-${suffix}`, PASSWORD));
    head = await committedHead(pool);
    // A consumer granted part of the tree is served up to where the organization tree read model has read.
    await waitUntilProjected(pool, head);
    everything = await readFeedThrough(wholeTree, start, head);
  }, 180_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const about = (events: readonly FeedEvent[], id: string) => events.filter((event) => JSON.stringify(event).includes(id));

  it('serves each event in the envelope the contract names, its data as its public schema says', () => {
    // Other test files may write meanwhile: this one's own events are the 9 below and the case's opening.
    expect(everything.length).toBeGreaterThanOrEqual(9);
    for (const event of everything) {
      expect(Object.keys(event)).toEqual(ENVELOPE);
      expect([event.type, PUBLIC_EVENTS[event.type].data.check(event.data, 'data')]).toEqual([event.type, []]);
    }
    expect(new Set(everything.map((event) => event.eventId)).size).toBe(everything.length);
  });

  it('never shows a confidential case, its decision or the appeal against it', () => {
    expect(about(everything, confidential.id)).toEqual([]);
    expect(about(everything, appeal.id)).toEqual([]);
    expect(about(everything, ordinary.id).map((event) => event.type)).toEqual(['DisciplineCaseOpened']);
    expect(about(everything, member.id).map((event) => event.type)).toEqual(['MemberAdmitted', 'MemberMadeFull', 'DisciplineCaseOpened']);
  });

  it('never shows a personal field: no name, no birth date', () => {
    const text = JSON.stringify(everything);
    for (const name of names) expect([name, text.includes(name)]).toEqual([name, false]);
    expect(text).not.toMatch(/fullName|birthDate|1980-02-14/);
    expect(about(everything, member.id).find((event) => event.type === 'MemberAdmitted')?.data).toEqual({
      memberId: member.id,
      organizationId: tree.commune.id,
      admittedOn: '2010-03-01',
    });
  });

  it('shows nothing about a member whose personal data was erased but the erasure itself', () => {
    expect(about(everything, erased.id).map((event) => [event.type, event.data])).toEqual([['PersonalDataErased', { memberId: erased.id }]]);
  });

  it("shows a consumer granted one commune only that commune's subtree", async () => {
    const scoped = await readFeedThrough(communeConsumer, start, head);
    const ids = new Set(everything.map((event) => event.eventId));
    expect(scoped.every((event) => ids.has(event.eventId))).toBe(true);
    expect(about(scoped, member.id).map((event) => event.type)).toEqual(expect.arrayContaining(['MemberAdmitted', 'MemberMadeFull', 'DisciplineCaseOpened']));
    expect(about(scoped, tree.commune.id).map((event) => event.type)).toContain('OrganizationFounded');
    expect(about(scoped, outsider.id)).toEqual([]);
    expect(about(scoped, sibling.commune.id)).toEqual([]);
    expect(scoped.filter((event) => event.type === 'OrganizationFounded').map((event) => event.data.organizationId)).toEqual([tree.commune.id]);
    expect(about(everything, outsider.id).length).toBeGreaterThan(0);
  });

  it('resumes from any cursor: reading from an event’s cursor gives exactly the events after it', async () => {
    const middle = Math.floor(everything.length / 2);
    const rest = await readFeedThrough(wholeTree, decodeCursor(everything[middle]!.cursor)!, head, 7);
    expect(rest.map((event) => event.eventId)).toEqual(everything.slice(middle + 1).map((event) => event.eventId));
  });

  /** Follows the live feed after `lastEventId` until `enough` holds for the events received; answers them and the content type. */
  async function followLive(lastEventId: string, enough: (events: readonly FeedEvent[]) => boolean, meanwhile?: () => Promise<unknown>) {
    const server = app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise<{ ids: string[]; events: FeedEvent[]; contentType: string | undefined }>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/api/v1/feed/live', headers: { Authorization: `Bearer ${wholeTreeToken}`, 'Last-Event-ID': lastEventId } },
        (response) => {
          let buffer = '';
          const ids: string[] = [];
          const events: FeedEvent[] = [];
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const message = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const id = /^id: (.*)$/m.exec(message)?.[1];
              const data = /^data: (.*)$/m.exec(message)?.[1];
              if (id && data) {
                ids.push(id);
                events.push(JSON.parse(data) as FeedEvent);
              }
            }
            if (enough(events)) {
              request.destroy();
              resolve({ ids, events, contentType: response.headers['content-type'] });
            }
          });
          response.on('error', reject);
          meanwhile?.().catch(reject);
        },
      );
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
  }

  it('streams the same events live, resuming after Last-Event-ID', async () => {
    const from = everything.length - 4;
    const expected = everything.slice(from + 1);
    const received = await followLive(everything[from]!.cursor, (events) => events.length >= expected.length);
    expect(received.contentType).toMatch(/^text\/event-stream/);
    expect(received.events.slice(0, expected.length)).toEqual(expected);
    expect(received.ids.slice(0, expected.length)).toEqual(expected.map((event) => event.cursor));
  });

  it('keeps the live stream open and sends an event recorded after it opened', async () => {
    let founded: View | undefined;
    const isIt = (event: FeedEvent) => founded !== undefined && event.type === 'OrganizationFounded' && event.data.organizationId === founded.id;
    const received = await followLive(
      everything.at(-1)!.cursor,
      (events) => events.some(isIt),
      async () => {
        founded = await admin.create('organizations', {
          level: 'grassroots',
          parentId: tree.province.id,
          name: 'Đảng bộ xã Tam Hợp',
          code: 'TH',
          foundedOn: '2016-01-01',
        });
      },
    );
    expect(received.events.filter(isIt)).toHaveLength(1);
  });

  it('counts appended events by stream type, and the lag of the feed pages it served', async () => {
    const metrics = (await admin.raw('/metrics').expect(200)).text;
    const value = (pattern: RegExp) => Number(pattern.exec(metrics)?.[1] ?? 0);
    // This app appended at least the test's own: 3 organizations, 3 admissions, 2 made full, an erasure.
    expect(value(/^events_appended_total\{stream_type="member"\} (\d+)/m)).toBeGreaterThanOrEqual(6);
    expect(value(/^events_appended_total\{stream_type="organization"\} (\d+)/m)).toBeGreaterThanOrEqual(3);
    expect(value(/^feed_lag_seconds_count\{route="page"\} (\d+)/m)).toBeGreaterThan(0);
  });

  it('refuses a cursor it did not give, naming the field', async () => {
    const response = await wholeTree.get('feed?after=not-a-cursor').expect(400);
    expect(response.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'after', rule: 'cursor' }] });
    await wholeTree.get('feed?limit=0').expect(400);
    await wholeTree.get('feed?limit=1001').expect(400);
  });

  it('lets an integration account read the feed and its AsyncAPI document, and nothing else', async () => {
    const document = await wholeTree.get('feed/asyncapi').expect(200);
    expect(document.body).toMatchObject({ asyncapi: '3.0.0', channels: { feed: { address: '/api/v1/feed/live' } } });
    await wholeTree.get(`members/${member.id}`).expect(403);
    await wholeTree.get(`organizations/${tree.commune.id}`).expect(403);
    await wholeTree.get('audit/events').expect(403);
  });
});
