import type { NestExpressApplication } from '@nestjs/platform-express';
import { Database } from '../../src/database/database.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { waitUntilCaughtUp } from '../support/projections.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

/** The service's day: 15 June 2026 in Vietnam. */
const INSTANT = new Date('2026-06-15T03:00:00Z');

type Item = Record<string, unknown>;
type Sanctions = Record<'inEffect' | 'awaitingAnnouncement' | 'lapsed' | 'annulled', Item[]>;

/**
 * A province and a commune whose bodies sat long before 2017, so that acts of 2016 can be entered, and
 * members admitted in 2000.
 */
async function foundOldTree(api: ApiClient) {
  const province = await api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh Vĩnh Phúc', code: 'VP', foundedOn: '1997-01-01' });
  const commune = await api.create('organizations', {
    level: 'grassroots',
    parentId: province.id,
    name: 'Đảng bộ xã Bình Xuyên',
    code: 'BX',
    foundedOn: '2005-01-01',
  });
  for (const [organization, bodyKind, membersCount] of [
    [province, 'executive-committee', 50],
    [province, 'inspection-commission', 9],
    [commune, 'executive-committee', 12],
    [commune, 'inspection-commission', 5],
  ] as const) {
    await api.command(`organizations/${organization.id}/bodies`, { bodyKind, membersCount, establishedOn: '2010-08-01' });
  }
  async function admitFull(fullName: string): Promise<View> {
    const admitted = await api.create('members', { organizationId: commune.id, fullName, birthDate: '1975-02-14', admittedOn: '2000-03-01' });
    return api.command(`members/${admitted.id}/make-full`, { madeFullOn: '2001-03-01' });
  }
  return { province, commune, admitFull, committee: { organizationId: commune.id, bodyKind: 'executive-committee' } };
}

describe.each(testDatabases())('legal states that time alone changes, and the rules before 2017, on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: Awaited<ReturnType<typeof foundOldTree>>;

  beforeAll(async () => {
    app = await createTestApp(database.url, { TIME_ZONE: 'Asia/Ho_Chi_Minh' }, { now: () => INSTANT });
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundOldTree(api);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const projected = () => waitUntilCaughtUp(app.get(Database).pool);

  const ballot = (heldOn: string, votes: object) => ({
    stage: 'decision',
    body: tree.committee,
    heldOn,
    fullMembers: 12,
    present: 12,
    excluded: [],
    againstDiscipline: 12 - Object.values(votes as Record<string, number>).reduce((a, b) => a + b, 0),
    abstentions: 0,
    votes,
  });

  /** A case of the member with one violation, voted and decided by the commune committee, then announced. */
  async function sanctioned(
    memberId: string,
    dates: { opened: string; committed: string; voted: string; signed: string; announced: string },
    form = 'warning',
  ) {
    const opened = await api.create('discipline-cases', { openedOn: dates.opened, subject: { kind: 'member', memberId } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Sử dụng xe công vào việc riêng', committedOn: dates.committed, level: form });
    await api.command(`discipline-cases/${opened.id}/ballots`, ballot(dates.voted, { [form]: 8 }));
    await api.command(`discipline-cases/${opened.id}/sanction`, { form, decidingBody: tree.committee, decisionNumber: '06-QĐ/ĐU', signedOn: dates.signed });
    return api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: dates.announced });
  }

  const record = async (memberId: string, query = '') => (await api.get(`members/${memberId}/record${query}`).expect(200)).body as Item;

  it('QĐ 69 art. 2 cl. 5: a warning announced on 15 Mar 2025 has lapsed by itself on 15 Mar 2026, with no lapse recorded', async () => {
    const member = await tree.admitFull('Trần Văn Lâm');
    const warning = await sanctioned(member.id, {
      opened: '2025-03-01',
      committed: '2024-12-01',
      voted: '2025-03-10',
      signed: '2025-03-12',
      announced: '2025-03-15',
    });
    await projected();

    const live = await record(member.id);
    expect(live).toMatchObject({ on: '2026-06-15' });
    expect(live.sanctions as Sanctions).toMatchObject({
      inEffect: [],
      lapsed: [{ caseId: warning.id, status: 'lapsed', lapsedOn: '2026-03-15', ruleVersion: 'qd69-264-2025+qd22-262-2025' }],
    });
    // Quy hoạch: the 30-month bar of a warning (QĐ 80) still runs after the lapse.
    expect(live.cadrePlanning).toEqual({ eligible: false, barredUntil: '2027-09-15', reason: 'planning-bar', lists: [] });

    expect((await record(member.id, '?asOf=2026-03-14')).sanctions as Sanctions).toMatchObject({
      inEffect: [{ caseId: warning.id, lapsesOn: '2026-03-15', lapsedOn: null }],
      lapsed: [],
    });
    expect((await record(member.id, '?asOf=2026-03-15')).sanctions as Sanctions).toMatchObject({
      inEffect: [],
      lapsed: [{ caseId: warning.id, lapsedOn: '2026-03-15' }],
    });

    // A lapse act recorded later may remain; the law's date decides.
    await api.command(`discipline-cases/${warning.id}/lapse`, { on: '2026-06-10' });
    await projected();
    expect(((await record(member.id)).sanctions as Sanctions).lapsed).toMatchObject([{ caseId: warning.id, lapsedOn: '2026-03-15' }]);
    expect(((await record(member.id, '?asOf=2026-03-14')).sanctions as Sanctions).inEffect).toMatchObject([{ caseId: warning.id }]);
  }, 60_000);

  it('QĐ 69 art. 2 cl. 5: the lapse alert shows until its day, then drops out instead of falling overdue, and the lapsed case leaves the work list', async () => {
    const lapsed = await tree.admitFull('Ngô Văn Hải');
    const lapsing = await tree.admitFull('Phan Thị Thu');
    const past = await sanctioned(lapsed.id, {
      opened: '2025-03-01',
      committed: '2024-12-01',
      voted: '2025-03-10',
      signed: '2025-03-12',
      announced: '2025-03-15',
    });
    const soon = await sanctioned(lapsing.id, {
      opened: '2025-06-02',
      committed: '2025-01-10',
      voted: '2025-06-20',
      signed: '2025-06-25',
      announced: '2025-07-01',
    });
    await projected();

    const alerts = ((await api.get(`alerts?within=30&organizationId=${tree.commune.id}&pageSize=200`).expect(200)).body as Item).items as Item[];
    expect(alerts.find((a) => a.streamId === `discipline-case-${soon.id}` && a.kind === 'lapse')).toMatchObject({ dueOn: '2026-07-01', overdue: false });
    expect(alerts.filter((a) => a.streamId === `discipline-case-${past.id}` && a.kind === 'lapse')).toEqual([]);

    const openCases = ((await api.get(`work-lists/discipline-cases?organizationId=${tree.commune.id}&pageSize=200`).expect(200)).body as Item).items as Item[];
    expect(openCases.map((item) => item.id)).toContain(soon.id);
    expect(openCases.map((item) => item.id)).not.toContain(past.id);
  }, 60_000);

  it('QĐ 69 art. 2 cl. 14: a ballot held while the member is in hospital is refused and writes nothing; after discharge it is recorded and decides', async () => {
    const member = await tree.admitFull('Lý Thị Mai');
    const opened = await api.create('discipline-cases', { openedOn: '2026-01-05', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Không đóng đảng phí', committedOn: '2025-10-01', level: 'reprimand' });
    const deferred = await api.command(`discipline-cases/${opened.id}/deferral-grounds`, { ground: 'serious-illness-in-hospital', since: '2026-02-01' });

    const refused = await api.post(`discipline-cases/${opened.id}/ballots`, ballot('2026-02-10', { reprimand: 8 })).expect(422);
    expect(refused.body).toMatchObject({
      code: 'deferral-active',
      details: { act: 'ballot', on: '2026-02-10', grounds: [{ ground: 'serious-illness-in-hospital' }], citation: { article: 'art. 2 cl. 14' } },
    });
    expect((await api.view(`discipline-cases/${opened.id}`)).version).toBe(deferred.version);

    await api.command(`discipline-cases/${opened.id}/deferral-grounds/lift`, { ground: 'serious-illness-in-hospital', liftedOn: '2026-03-01' });
    const voted = await api.command(`discipline-cases/${opened.id}/ballots`, ballot('2026-03-05', { reprimand: 8 }));
    expect(voted.state['file']).toMatchObject({ ballots: [{ ballot: { heldOn: '2026-03-05' }, tally: { outcome: 'reprimand' } }] });
    const decided = await api.command(`discipline-cases/${opened.id}/sanction`, {
      form: 'reprimand',
      decidingBody: tree.committee,
      decisionNumber: '09-QĐ/ĐU',
      signedOn: '2026-03-06',
    });
    expect(decided.state).toMatchObject({ status: 'decided', decision: { form: 'reprimand', ruleVersion: 'qd69-264-2025+qd296-2025' } });
  }, 60_000);

  it('QĐ 181-QĐ/TW with QĐ 30-QĐ/TW: a warning decided in September 2016 is recorded under the rules then in force and stays pinned to them', async () => {
    const member = await tree.admitFull('Hoàng Văn Sơn');
    const warning = await sanctioned(member.id, {
      opened: '2016-09-01',
      committed: '2016-05-10',
      voted: '2016-09-20',
      signed: '2016-09-22',
      announced: '2016-09-26',
    });
    expect(warning.state).toMatchObject({
      status: 'in-effect',
      decision: {
        ruleVersion: 'qd181-2013+qd30-2016',
        limitationLastDate: '2026-05-10',
        announcementDueOn: '2016-10-07',
        citations: expect.arrayContaining([{ document: 'Quy định 181-QĐ/TW (2013)', article: 'not identified' }]) as never,
      },
      file: { ballots: [{ ruleVersion: 'qd181-2013+qd30-2016' }] },
    });
    await projected();
    const inEffect = (await record(member.id, '?asOf=2017-01-01')).sanctions as Sanctions;
    expect(inEffect.inEffect).toMatchObject([{ caseId: warning.id, ruleVersion: 'qd181-2013+qd30-2016', lapsesOn: '2017-09-26' }]);
    expect(((await record(member.id)).sanctions as Sanctions).lapsed).toMatchObject([
      { caseId: warning.id, lapsedOn: '2017-09-26', ruleVersion: 'qd181-2013+qd30-2016' },
    ]);

    const versions = ((await api.get('rulebook').expect(200)).body as { versions: Item[] }).versions;
    expect(versions.slice(0, 2)).toMatchObject([
      { id: 'qd181-2013+qd46-2011', effectiveFrom: '2013-03-30', effectiveTo: '2016-07-25' },
      {
        id: 'qd181-2013+qd30-2016',
        effectiveFrom: '2016-07-26',
        effectiveTo: '2017-11-14',
        documents: expect.arrayContaining(['Quy định 30-QĐ/TW (2016)']) as never,
      },
    ]);
    const before = await api.get('rulebook/in-force?on=2013-03-29').expect(422);
    expect(before.body).toMatchObject({ code: 'no-rule-version' });
  }, 60_000);
});
