import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import { ApiClient, foundTree, type Tree } from '../support/api-client.js';
import { compiledCli, runNode } from '../support/cli-process.js';
import { asSuperuser, isolatedDatabase, openStore, testDatabases, type IsolatedDatabase, ISOLATED_SETUP_MS } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp, sharedKeys } from '../support/test-app.js';

const verifier = join(__dirname, '..', '..', 'src', 'audit', 'offline', 'verify-export.mjs');
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const built = compiledCli('audit-cli-test');
beforeAll(() => built.compile(), 60_000);
afterAll(() => built.remove());

type Entry = Record<string, unknown>;

describe.each(testDatabases())('audit trail, audit CLI and offline verification on $name', (database) => {
  let isolated: IsolatedDatabase;
  let pool: pg.Pool;
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: Tree;
  let memberId: string;
  const folder = mkdtempSync(join(tmpdir(), 'disciplina-audit-'));
  const env = () => ({
    DATABASE_URL: isolated.url,
    DATA_DIR: folder,
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD,
    ...sharedKeys(),
  });
  const cli = (...args: string[]) => built.run(args, env());
  const verify = (...args: string[]) => runNode([verifier, ...args]);

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    ({ pool } = openStore(isolated.url));
    app = await createTestApp(isolated.url, env());
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundTree(api);
    memberId = (await tree.admit('Trần Văn Bình')).id;
    await app.get(Accounts).setUp('auditor-trail', 'auditor-password-1', [{ role: 'auditor', organizationId: null }]);
    await app.get(Accounts).setUp('viewer-trail', 'viewer-password-1', [{ role: 'viewer', organizationId: null }]);
    await app.get(Accounts).setUp('auditor-province', 'auditor-password-1', [{ role: 'auditor', organizationId: tree.province.id }]);
    // The trail of an organization, and a subtree auditor's reach, are read through the organization history and tree.
    await waitUntilProjected(pool, await committedHead(pool));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await isolated?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the events of the streams that concern an organization, with actor, times, rule version and chain links', async () => {
    const auditor = new ApiClient(await authorizedAgent(app, 'auditor-trail', 'auditor-password-1'));
    const { body } = await auditor.get(`audit/events?organizationId=${tree.commune.id}&pageSize=200`).expect(200);
    const items = body.items as Entry[];
    expect(new Set(items.map((e) => e.streamId))).toEqual(new Set([`organization-${tree.commune.id}`, `member-${memberId}`]));
    const own = items.filter((e) => e.streamId === `organization-${tree.commune.id}`);
    expect(own.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(own[0]).toMatchObject({
      type: 'OrganizationFounded',
      actor: 'admin',
      previousHash: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      reason: null,
      ruleVersion: null,
    });
    expect(own[1]!.previousHash).toBe(own[0]!.hash);
    expect(own[2]!.previousHash).toBe(own[1]!.hash);
    for (const event of items)
      expect(event).toEqual(expect.objectContaining({ occurredAt: expect.any(String), recordedAt: expect.any(String), schemaVersion: 1 }));
  });

  it('filters by stream and record-time days, and pages by cursor', async () => {
    const stream = await api.get(`audit/events?streamId=organization-${tree.province.id}`).expect(200);
    expect(stream.body).toMatchObject({ total: 1, items: [{ type: 'OrganizationFounded', streamVersion: 1 }] });
    const before = await api.get(`audit/events?organizationId=${tree.commune.id}&to=${yesterday}`).expect(200);
    expect(before.body.total).toBe(0);
    const todays = `audit/events?organizationId=${tree.commune.id}&from=${today}&to=${today}`;
    const all = await api.get(todays).expect(200);
    const first = await api.get(`${todays}&pageSize=3`).expect(200);
    const second = await api.get(`${todays}&pageSize=3&after=${first.body.next}`).expect(200);
    expect(first.body).toMatchObject({ pageSize: 3, total: 4 });
    const ids = (page: { body: { items: { eventId: string }[] } }) => page.body.items.map((item) => item.eventId);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(ids(second)).toHaveLength(1);
  });

  it('answers 400 to bad filters and 403 to roles other than administrator and auditor', async () => {
    await api.get(`audit/events?from=${today}&to=${yesterday}`).expect(400);
    await api.get('audit/events?organizationId=commune').expect(400);
    await api.get('audit/events?pageSize=0').expect(400);
    await api.get('audit/events?after=not-a-cursor').expect(400);
    const viewer = new ApiClient(await authorizedAgent(app, 'viewer-trail', 'viewer-password-1'));
    await viewer.get('audit/events').expect(403);
  });

  it('shows an auditor granted one subtree the trail of its organizations only', async () => {
    const auditor = new ApiClient(await authorizedAgent(app, 'auditor-province', 'auditor-password-1'));
    await auditor.get('audit/events').expect(403);
    await auditor.get(`audit/events?organizationId=${tree.commune.id}`).expect(200);
    await auditor.get(`audit/events?organizationId=${tree.province.id}`).expect(200);
  });

  it('signs a checkpoint, verifies (exit 0), exports the organization and verifies the export offline; a changed byte or a removed line fails', async () => {
    const signed = await cli('checkpoint');
    expect(signed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^checkpoint \S+ of .* signed by key [0-9a-f]{16}/) });
    const verified = await cli('verify-audit');
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('audit: VALID') });

    const file = join(folder, 'export.jsonl');
    const exported = await cli('export-audit', '--organization', tree.commune.id, '--from', today, '--to', today, '--out', file);
    expect(exported.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as Entry);
    expect(records).toHaveLength(5);
    expect(records.at(-1)).toMatchObject({ kind: 'checkpoint', checkpoint: { statement: expect.any(Object), signature: expect.any(String) } });
    expect(records[0]).toMatchObject({ kind: 'event', inPeriod: true, hash: expect.any(String), previousHash: null, metadata: { actor: 'admin' } });

    const { body: key } = await api.get('audit/public-key').expect(200);
    const pinned = join(folder, 'public-key.pem');
    writeFileSync(pinned, key.publicKeyPem as string);
    expect(await verify(file, '--public-key', pinned)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('OK: 4 events (4 in the period) in 2 streams'),
    });

    const variant = (name: string, content: string[]) => {
      const path = join(folder, name);
      writeFileSync(path, `${content.join('\n')}\n`);
      return verify(path, '--public-key', pinned);
    };
    const founded = records.findIndex((r) => r.type === 'OrganizationFounded');
    const flipped = lines.map((line, index) => (index === founded ? line.replace('"Đảng bộ xã Bình Xuyên"', '"Đảng bộ xã Bình Xuyen"') : line));
    expect(flipped[founded]).not.toBe(lines[founded]);
    expect(await variant('flipped.jsonl', flipped)).toMatchObject({ code: 1, stdout: expect.stringContaining('the hash does not recompute') });
    const middle = records.findIndex((r) => r.streamId === `organization-${tree.commune.id}` && r.streamVersion === 2);
    expect(
      await variant(
        'gap.jsonl',
        lines.filter((_, index) => index !== middle),
      ),
    ).toMatchObject({ code: 1, stdout: expect.stringContaining('missing') });
    const tail = records.findIndex((r) => r.streamId === `organization-${tree.commune.id}` && r.streamVersion === 3);
    expect(
      await variant(
        'tail.jsonl',
        lines.filter((_, index) => index !== tail),
      ),
    ).toMatchObject({ code: 1, stdout: expect.stringContaining('events removed') });
    expect(await variant('truncated.jsonl', lines.slice(0, -1))).toMatchObject({ code: 1 });
    const otherKey = join(folder, 'other.pem');
    writeFileSync(otherKey, (await import('node:crypto')).generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(await verify(file, '--public-key', otherKey)).toMatchObject({ code: 1, stdout: expect.stringContaining('does not verify') });
  }, 90_000);

  it('exports a signed manifest of its own streams with inclusion proofs, naming no other stream; a removed stream fails offline', async () => {
    const file = join(folder, 'export.jsonl');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as Entry);
    const trailer = records.at(-1)!;
    const exported = [`member-${memberId}`, `organization-${tree.commune.id}`].sort();
    expect((trailer.manifest as { streams: Entry[] }).streams).toEqual(
      exported.map((streamId) => expect.objectContaining({ streamId, signedHead: expect.objectContaining({ inclusionProof: expect.any(Array) }) })),
    );
    const { body: latest } = await api.get('audit/checkpoints/latest').expect(200);
    const others = (latest.heads as { streamId: string }[]).map((head) => head.streamId).filter((streamId) => !exported.includes(streamId));
    expect(others.length).toBeGreaterThan(0);
    const trailerText = lines.at(-1)!;
    expect(others.filter((streamId) => trailerText.includes(streamId))).toEqual([]);
    expect(trailer.checkpoint).not.toHaveProperty('heads');

    const pinned = join(folder, 'public-key.pem');
    const memberLines = records.flatMap((record, index) => (record.streamId === `member-${memberId}` ? [index] : []));
    expect(memberLines.length).toBeGreaterThan(0);
    const path = join(folder, 'stream-removed.jsonl');
    writeFileSync(path, `${lines.filter((_, index) => !memberLines.includes(index)).join('\n')}\n`);
    expect(await verify(path, '--public-key', pinned)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`member-${memberId}: the manifest lists it`),
    });
    const forged = join(folder, 'manifest-edited.jsonl');
    const edited = { ...trailer, manifest: { ...(trailer.manifest as Entry), streams: (trailer.manifest as { streams: Entry[] }).streams.slice(1) } };
    writeFileSync(forged, `${[...lines.slice(0, -1), JSON.stringify(edited)].join('\n')}\n`);
    expect(await verify(forged, '--public-key', pinned)).toMatchObject({ code: 1, stdout: expect.stringContaining('manifest') });
  }, 30_000);

  it('refuses a malformed export command (exit 2)', async () => {
    expect(await cli('export-audit', '--organization', 'commune', '--from', today, '--to', today)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--organization'),
    });
  }, 30_000);

  it('exits 1 and names the first broken link when a superuser rewrote an event', async () => {
    await asSuperuser(
      pool,
      `UPDATE events SET data = jsonb_set(data, '{name}', '"Đảng bộ khác"') WHERE stream_id = 'organization-${tree.commune.id}' AND stream_version = 2`,
    );
    const broken = await cli('verify-audit');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`first broken link: stream organization-${tree.commune.id} version 2`);
    expect(broken.stdout).toContain('audit: BROKEN');
  }, 30_000);
});
