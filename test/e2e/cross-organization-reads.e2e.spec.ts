import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'supertest';
import { Accounts } from '../../src/accounts/accounts.js';
import { AUDIT_ROLES, FIELDWORK_ROLES } from '../../src/shared/access/policy.js';
import { ROLES, type Role } from '../../src/shared/access/principal.js';
import { Database } from '../../src/database/database.js';
import { addDays } from '../../src/rulebook/index.js';
import { ApiClient } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundCommune, foundDisciplineTree } from '../support/discipline-tree.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const PASSWORD = 'cross-organization-password';
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(today, -days);

type Tree = Awaited<ReturnType<typeof foundDisciplineTree>>;
type Commune = Awaited<ReturnType<typeof foundCommune>>;

/** A commune's records of every kind a read route shows: a sanction in effect and appealed, an open case, an overdue inspection. */
async function recordsOf(
  api: ApiClient,
  tree: Tree,
  { commune, admitFull }: Commune,
  names: readonly [commune: string, sanctioned: string, underCase: string],
) {
  const [sanctioned, underCase] = [await admitFull(names[1]), await admitFull(names[2])];
  const committee = tree.body(commune, 'executive-committee');
  const sanctionCase = await api.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId: sanctioned.id } });
  await api.command(`discipline-cases/${sanctionCase.id}/violations`, {
    description: 'Sử dụng xe công vào việc riêng',
    committedOn: daysAgo(200),
    level: 'warning',
  });
  await api.command(`discipline-cases/${sanctionCase.id}/ballots`, {
    stage: 'decision',
    body: committee,
    heldOn: daysAgo(12),
    excluded: [],
    abstentions: 0,
    votes: { warning: 8 },
    fullMembers: 12,
    present: 12,
    againstDiscipline: 4,
  });
  await api.command(`discipline-cases/${sanctionCase.id}/sanction`, {
    form: 'warning',
    decidingBody: committee,
    decisionNumber: '06-QĐ/ĐU',
    signedOn: daysAgo(10),
  });
  await api.command(`discipline-cases/${sanctionCase.id}/announce`, { announcedOn: daysAgo(5) });
  const appeal = await api.create('appeals', {
    caseId: sanctionCase.id,
    appellant: { kind: 'member', memberId: sanctioned.id },
    filedOn: daysAgo(2),
    reviewingBody: tree.body(tree.province, 'standing-committee'),
  });
  const openCase = await api.create('discipline-cases', { openedOn: daysAgo(20), subject: { kind: 'member', memberId: underCase.id } });
  const subject = { kind: 'member', memberId: underCase.id };
  const inspection = await api.create('inspections', {
    body: tree.body(commune, 'inspection-commission'),
    subject,
    kind: 'suspected-violation',
    grounds: 'Đơn phản ánh',
    proposedOn: daysAgo(110),
  });
  await api.command(`inspections/${inspection.id}/decide`, {
    decisionNumber: '09-QĐ/UBKT',
    decidedOn: daysAgo(100),
    scope: 'Quản lý đất',
    period: { from: '2024-01-01', to: '2025-12-31' },
    teamMemberIds: [sanctioned.id],
  });
  const supervision = await api.create('supervisions', {
    body: tree.body(commune, 'inspection-commission'),
    subject,
    kind: 'thematic',
    plan: 'Kế hoạch 05-KH/UBKT',
    topic: 'Đất đai',
    startedOn: daysAgo(30),
  });
  const account = await api.create('accounts', {
    username: `can-bo-${commune.id.slice(0, 8)}`,
    password: 'mat-khau-du-dai-2026',
    grants: [{ role: 'viewer', organizationId: commune.id }],
  });
  const review = await api.create('self-criticism-reviews', { subject, period: { from: '2025-01-01', to: '2025-12-31' }, scheduledFor: '2026-01-10' });
  await api.create('quality-classifications', {
    subject: { kind: 'organization', organizationId: commune.id },
    year: 2025,
    body: tree.body(tree.province, 'standing-committee'),
    rating: 'good',
    classifiedOn: '2025-12-20',
  });
  const planningList = await api.create('planning-lists', {
    organizationId: commune.id,
    target: 'executive-committee',
    term: { fromYear: 2025, toYear: 2030 },
    approvedOn: daysAgo(200),
    decision: '215-QĐ/ĐU',
  });
  const ids = {
    commune: commune.id,
    planningList: planningList.id,
    sanctioned: sanctioned.id,
    underCase: underCase.id,
    sanctionCase: sanctionCase.id,
    openCase: openCase.id,
    appeal: appeal.id,
    inspection: inspection.id,
    supervision: supervision.id,
    review: review.id,
    account: account.id,
  };
  return { ids, names };
}

type Records = Awaited<ReturnType<typeof recordsOf>>;

interface Probe {
  readonly url: string;
  /** A reader of the whole tree finds the organization's records in the answer: the probe reaches data (lists shared by other test files may page them out). */
  readonly showsData: boolean;
  /** The roles the route serves at all, when not every role: the others are refused (403, or 404 for a record outside their scope). */
  readonly servedTo?: readonly Role[];
  /** What a reader of the whole tree gets, when not 200. */
  readonly status?: number;
}

const period = `from=${daysAgo(365)}&to=${today}`;

/**
 * Every GET route of the OpenAPI document, and how to ask it for one organization's records. A route
 * missing here fails the test that compares this table with the document.
 */
const READ_ROUTES: Readonly<Record<string, (records: Records['ids']) => Probe[]>> = {
  '/health/live': () => [{ url: '/health/live', showsData: false }],
  '/health/ready': () => [{ url: '/health/ready', showsData: false }],
  '/api/v1/projections': () => [{ url: 'projections', showsData: false }],
  '/api/v1/publisher': () => [{ url: 'publisher', showsData: false, servedTo: AUDIT_ROLES }],
  '/api/v1/rulebook': () => [{ url: 'rulebook', showsData: false }],
  // Public, and here without an identity provider: 404 provider-not-configured.
  '/api/v1/auth/provider': () => [{ url: 'auth/provider', showsData: false, status: 404 }],
  '/api/v1/rulebook/in-force': () => [{ url: `rulebook/in-force?on=${today}`, showsData: false }],
  '/api/v1/audit/public-key': () => [{ url: 'audit/public-key', showsData: false }],
  '/api/v1/audit/verify': () => [{ url: 'audit/verify', showsData: false }],
  '/api/v1/audit/checkpoints/latest': () => [{ url: 'audit/checkpoints/latest', showsData: true }],
  '/api/v1/audit/export': (b) => [{ url: `audit/export?organizationId=${b.commune}&from=${daysAgo(365)}&to=${today}`, showsData: true }],
  '/api/v1/audit/events': (b) => [
    { url: 'audit/events', showsData: false },
    { url: `audit/events?organizationId=${b.commune}`, showsData: true },
    { url: `audit/events?streamId=discipline-case-${b.sanctionCase}`, showsData: true },
  ],
  '/api/v1/feed': () => [{ url: 'feed?limit=1000', showsData: false }],
  // It streams until the client leaves: the catch-up feed above serves the same events.
  '/api/v1/feed/live': () => [],
  '/api/v1/feed/asyncapi': () => [{ url: 'feed/asyncapi', showsData: false }],
  '/api/v1/feed/status': () => [{ url: 'feed/status', showsData: false, servedTo: AUDIT_ROLES }],
  '/api/v1/accounts': () => [{ url: 'accounts', showsData: true, servedTo: ['administrator'] }],
  '/api/v1/accounts/{id}': (b) => [{ url: `accounts/${b.account}`, showsData: true, servedTo: ['administrator'] }],
  '/api/v1/organizations': () => [{ url: 'organizations', showsData: true }],
  '/api/v1/organizations/{id}': (b) => [{ url: `organizations/${b.commune}`, showsData: true }],
  '/api/v1/organizations/{id}/members': (b) => [{ url: `organizations/${b.commune}/members`, showsData: true }],
  '/api/v1/organizations/{id}/history': (b) => [
    { url: `organizations/${b.commune}/history`, showsData: true },
    { url: `organizations/${b.commune}/history?asOf=${today}`, showsData: true },
  ],
  '/api/v1/members/{id}': (b) => [{ url: `members/${b.sanctioned}`, showsData: true }],
  '/api/v1/members/{id}/record': (b) => [
    { url: `members/${b.sanctioned}/record`, showsData: true },
    { url: `members/${b.sanctioned}/record?asOf=${today}`, showsData: true },
  ],
  '/api/v1/inspections/{id}': (b) => [{ url: `inspections/${b.inspection}`, showsData: true }],
  '/api/v1/supervisions/{id}': (b) => [{ url: `supervisions/${b.supervision}`, showsData: true }],
  '/api/v1/self-criticism-reviews/{id}': (b) => [{ url: `self-criticism-reviews/${b.review}`, showsData: true }],
  '/api/v1/quality-classifications/{subjectKind}/{subjectId}/{year}': (b) => [
    { url: `quality-classifications/organization/${b.commune}/2025`, showsData: true },
  ],
  '/api/v1/discipline-cases/{id}': (b) => [{ url: `discipline-cases/${b.sanctionCase}`, showsData: true }],
  '/api/v1/discipline-cases/{id}/deadlines': (b) => [{ url: `discipline-cases/${b.sanctionCase}/deadlines`, showsData: true }],
  '/api/v1/appeals/{id}': (b) => [{ url: `appeals/${b.appeal}`, showsData: true }],
  '/api/v1/planning-lists/{id}': (b) => [{ url: `planning-lists/${b.planningList}`, showsData: true }],
  '/api/v1/organizations/{id}/planning-lists': (b) => [{ url: `organizations/${b.commune}/planning-lists`, showsData: true }],
  '/api/v1/work-lists/inspections': (b) => [
    { url: 'work-lists/inspections?pageSize=200', showsData: false },
    { url: `work-lists/inspections?organizationId=${b.commune}`, showsData: true },
  ],
  '/api/v1/work-lists/discipline-cases': (b) => [
    { url: 'work-lists/discipline-cases?pageSize=200', showsData: false },
    { url: `work-lists/discipline-cases?organizationId=${b.commune}`, showsData: true },
  ],
  '/api/v1/work-lists/organizations/{id}': (b) => [{ url: `work-lists/organizations/${b.commune}`, showsData: true, servedTo: FIELDWORK_ROLES }],
  '/api/v1/alerts': (b) => [
    { url: 'alerts?pageSize=200', showsData: false },
    { url: `alerts?organizationId=${b.commune}`, showsData: true },
  ],
  '/api/v1/reports/discipline-statistics': (b) => [
    { url: `reports/discipline-statistics?${period}&organizationId=${b.commune}`, showsData: true },
    { url: `reports/discipline-statistics?${period}&organizationId=${b.commune}&format=csv`, showsData: false },
    { url: `reports/discipline-statistics?${period}&organizationId=${b.commune}&asOf=${today}`, showsData: true },
  ],
  '/api/v1/reports/discipline-statistics/statutory': (b) => [
    { url: `reports/discipline-statistics/statutory?${period}&organizationId=${b.commune}`, showsData: true },
  ],
};

function answerText(response: Response): string {
  return response.type === 'application/json' || response.type === 'application/problem+json' ? JSON.stringify(response.body) : response.text;
}

const fetch = (client: ApiClient, url: string) => (url.startsWith('/') ? client.raw(url) : client.get(url));

describe.each(testDatabases())('no cross-organization read, for every role and read route, on $name', (database) => {
  let app: NestExpressApplication;
  let admin: ApiClient;
  let ours: Records;
  let theirs: Records;
  const clients = new Map<Role, ApiClient>();

  beforeAll(async () => {
    app = await createTestApp(database.url);
    admin = new ApiClient(await authorizedAgent(app));
    const tree = await foundDisciplineTree(admin);
    const sibling = await foundCommune(admin, tree.province, 'Đảng bộ xã Hương Canh', 'HC');
    ours = await recordsOf(admin, tree, tree, ['Đảng bộ xã Bình Xuyên', 'Nguyễn Văn Hùng', 'Trần Thị Lan']);
    theirs = await recordsOf(admin, tree, sibling, ['Đảng bộ xã Hương Canh', 'Đỗ Quang Khải', 'Vương Thị Bích']);
    await admin.post('audit/checkpoints', {}).expect(201);
    const suffix = ours.ids.commune.slice(0, 8);
    for (const role of ROLES) {
      await app.get(Accounts).setUp(`${role}-${suffix}`, PASSWORD, [{ role, organizationId: ours.ids.commune }]);
      clients.set(role, new ApiClient(await authorizedAgent(app, `${role}-${suffix}`, PASSWORD)));
    }
    // Every read model holds both communes' records, so that an answer without the sibling's is a wall, not a lag.
    const { pool } = app.get(Database);
    await waitUntilProjected(pool, await committedHead(pool));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('classifies every read route of the OpenAPI document', async () => {
    const document = (await admin.raw('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const reads = Object.entries(document.paths).flatMap(([path, methods]) => ('get' in methods ? [path] : []));
    expect(reads.sort()).toEqual(Object.keys(READ_ROUTES).sort());
  });

  it('reaches the sibling organization’s records on every probe that shows data, as a reader of the whole tree', async () => {
    const theirIds = Object.values(theirs.ids);
    for (const probe of Object.values(READ_ROUTES).flatMap((probes) => probes(theirs.ids))) {
      const response = await fetch(admin, probe.url);
      expect([probe.url, response.status]).toEqual([probe.url, probe.status ?? 200]);
      if (probe.showsData) expect([probe.url, theirIds.some((id) => answerText(response).includes(id))]).toEqual([probe.url, true]);
    }
  }, 120_000);

  it.each(ROLES)(
    'shows an %s granted one organization nothing of its sibling: 403, 404, or an answer without its records',
    async (role) => {
      const client = clients.get(role)!;
      const secrets = [...Object.values(theirs.ids), ...theirs.names];
      for (const [route, probes] of Object.entries(READ_ROUTES)) {
        for (const { url, servedTo } of probes(theirs.ids)) {
          const response = await fetch(client, url);
          // A refusal may repeat what was asked for; anything else of theirs is a leak.
          const leaked = secrets.filter((secret) => !url.includes(secret) && answerText(response).includes(secret));
          expect([role, url, leaked]).toEqual([role, url, []]);
          // A record of another organization answers as if it did not exist; an integration account reads the feed only.
          const refused = servedTo !== undefined && !servedTo.includes(role);
          const expected = refused ? [403, 404] : route.includes('{') && role !== 'integration' ? [404] : [200, 403, 404];
          expect([role, url, expected.includes(response.status)]).toEqual([role, url, true]);
        }
      }
    },
    60_000,
  );

  it('counts in statistics without an organization only the caller’s own subtree', async () => {
    const viewer = clients.get('viewer')!;
    const everything = await viewer.get(`reports/discipline-statistics?${period}`).expect(200);
    const own = await viewer.get(`reports/discipline-statistics?${period}&organizationId=${ours.ids.commune}`).expect(200);
    expect({ ...everything.body, organization: null }).toEqual({ ...own.body, organization: null });
    const whole = await admin.get(`reports/discipline-statistics?${period}`).expect(200);
    expect(whole.body.sanctions.members.total).toBeGreaterThan(own.body.sanctions.members.total);
  });

  it('still shows a discipline officer its own organization in every list', async () => {
    const officer = clients.get('discipline-officer')!;
    for (const [url, id] of [
      ['work-lists/discipline-cases', ours.ids.sanctionCase],
      ['work-lists/inspections', ours.ids.inspection],
      ['alerts', ours.ids.sanctionCase],
      [`organizations/${ours.ids.commune}/history`, ours.ids.sanctionCase],
    ] as const) {
      expect([url, answerText(await officer.get(url).expect(200)).includes(id)]).toEqual([url, true]);
    }
  });
});
