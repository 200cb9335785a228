import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { Accounts } from '../../src/accounts/accounts.js';
import { StreamCommands } from '../../src/commands/stream-commands.js';
import { asAdministrator } from '../../src/demo/seed-demo.js';
import { organizations } from '../../src/organizations/organization.resource.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases, testPool } from '../support/databases.js';
import { foundCommune, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'merger-test-password';
const MERGED_ON = '2025-07-01';

interface Entry {
  readonly organizationId: string;
  readonly eventType: string;
  readonly joinedOn: string | null;
}

describe.each(testDatabases())('a merger in the organization history on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let pool: pg.Pool;
  let successor: View;
  let predecessor: View;
  let predecessorCell: View;
  let ownMember: View;
  let predecessorMember: View;

  async function inspect(organization: View, memberId: string, proposedOn: string): Promise<void> {
    await admin.create('inspections', {
      body: { organizationId: organization.id, bodyKind: 'inspection-commission' },
      subject: { kind: 'member', memberId },
      kind: 'suspected-violation',
      grounds: 'Đơn phản ánh',
      proposedOn,
    });
  }

  async function inspectOrganization(body: View, organization: View, proposedOn: string): Promise<void> {
    await admin.create('inspections', {
      body: { organizationId: body.id, bodyKind: 'inspection-commission' },
      subject: { kind: 'organization', organizationId: organization.id },
      kind: 'regular',
      grounds: 'Chương trình kiểm tra năm 2024',
      proposedOn,
    });
  }

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    pool = testPool(database.url, 2);
    const tree = await foundDisciplineTree(admin);
    successor = tree.commune;
    const other = await foundCommune(admin, tree.province, 'Đảng bộ xã Hương Canh', 'HC');
    predecessor = other.commune;
    predecessorCell = await admin.create('organizations', {
      level: 'cell',
      parentId: predecessor.id,
      name: 'Chi bộ thôn Tiền Phong',
      code: 'HC-TP',
      foundedOn: '2016-01-01',
    });
    ownMember = await tree.admitFull('Lê Thị Thu');
    predecessorMember = await other.admitFull('Đỗ Văn Bình');
    await inspect(successor, ownMember.id, '2024-02-01');
    await inspect(predecessor, predecessorMember.id, '2024-03-01');
    await inspectOrganization(predecessor, predecessorCell, '2024-04-01');
    await admin.command(`organizations/${predecessor.id}/merge`, { successorId: successor.id, mergedOn: MERGED_ON });
    await app.get(Accounts).setUp(`successor-officer-${successor.id.slice(0, 8)}`, PASSWORD, [{ role: 'discipline-officer', organizationId: successor.id }]);
    await waitUntilProjected(pool, await committedHead(pool));
  }, 180_000);
  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  const history = async (client: ApiClient, organizationId: string, query = '') =>
    ((await client.get(`organizations/${organizationId}/history?pageSize=200${query}`).expect(200)).body as { items: Entry[] }).items;

  it("the successor's history holds the predecessor's acts, each with its own organization and the day it joined", async () => {
    const entries = await history(admin, successor.id);
    const ofPredecessor = entries.filter((entry) => entry.organizationId === predecessor.id);
    expect(ofPredecessor.map((entry) => entry.eventType)).toEqual(['InspectionProposed']);
    expect(ofPredecessor.every((entry) => entry.joinedOn === MERGED_ON)).toBe(true);
    expect(entries.filter((entry) => entry.organizationId === successor.id)).toEqual([
      expect.objectContaining({ eventType: 'InspectionProposed', joinedOn: null }),
    ]);
  });

  it("the successor's subtree holds the acts of the predecessor's own subtree too, joined the same day", async () => {
    const entries = await history(admin, successor.id, '&subtree=true');
    const ofCell = entries.filter((entry) => entry.organizationId === predecessorCell.id);
    expect(ofCell).toEqual([expect.objectContaining({ eventType: 'InspectionProposed', joinedOn: MERGED_ON })]);
    expect(entries.some((entry) => entry.organizationId === predecessor.id)).toBe(true);
  });

  it('an officer granted the successor reads the predecessor’s acts: the database walls follow the merger', async () => {
    const officer = new ApiClient(await authorizedAgent(app, `successor-officer-${successor.id.slice(0, 8)}`, PASSWORD));
    const entries = await history(officer, successor.id, '&subtree=true');
    expect(new Set(entries.map((entry) => entry.organizationId))).toEqual(new Set([successor.id, predecessor.id, predecessorCell.id]));
  });

  it("the successor's members include the predecessor's, each with its own organization and the day it joined", async () => {
    const members = (await admin.get(`organizations/${successor.id}/members`).expect(200)).body as {
      items: { memberId: string; organizationId: string; joinedOn: string | null }[];
    };
    expect(members.items).toEqual([
      { memberId: ownMember.id, organizationId: successor.id, joinedOn: null },
      { memberId: predecessorMember.id, organizationId: predecessor.id, joinedOn: MERGED_ON },
    ]);
    const own = (await admin.get(`organizations/${predecessor.id}/members`).expect(200)).body as { items: unknown[] };
    expect(own.items).toEqual([{ memberId: predecessorMember.id, organizationId: predecessor.id, joinedOn: null }]);
  });

  it('as of a day before the merger, the successor has none of them and the predecessor keeps its own', async () => {
    const before = await history(admin, successor.id, '&subtree=true&asOf=2025-06-30');
    expect(before.map((entry) => [entry.organizationId, entry.joinedOn])).toEqual([[successor.id, null]]);
    const own = await history(admin, predecessor.id, '&subtree=true&asOf=2025-06-30');
    expect(own.map((entry) => [entry.organizationId, entry.joinedOn])).toEqual([
      [predecessorCell.id, null],
      [predecessor.id, null],
    ]);
    expect((await history(admin, successor.id, `&subtree=true&asOf=${MERGED_ON}`)).length).toBe(3);
  });

  it('two mergers that passed each other’s checks, each cell into the other, still leave both histories readable', async () => {
    const cell = (name: string, code: string) => admin.create('organizations', { level: 'cell', parentId: successor.id, name, code, foundedOn: '2016-01-01' });
    const [first, second] = [await cell('Chi bộ thôn Đông', 'HC-D'), await cell('Chi bộ thôn Tây', 'HC-T')];
    await inspectOrganization(successor, first, '2024-05-01');
    // As two merge requests racing past each other's successor check would write them: the predecessors' sides only.
    const commands = app.get(StreamCommands);
    await asAdministrator('merger-race', async () => {
      await commands.run(organizations, first.id, undefined, 'mergeInto', { successorId: second.id, mergedOn: '2025-08-01' });
      await commands.run(organizations, second.id, undefined, 'mergeInto', { successorId: first.id, mergedOn: '2025-09-01' });
    });
    await waitUntilProjected(pool, await committedHead(pool));
    expect((await history(admin, first.id)).map((entry) => [entry.organizationId, entry.eventType])).toEqual([[first.id, 'InspectionProposed']]);
    expect((await history(admin, second.id)).map((entry) => [entry.organizationId, entry.eventType, entry.joinedOn])).toEqual([
      [first.id, 'InspectionProposed', '2025-08-01'],
    ]);
  });
});
