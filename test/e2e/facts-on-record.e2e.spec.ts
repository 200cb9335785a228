import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundDisciplineTree, warningBallot, type DisciplineTree } from '../support/discipline-tree.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const OPENED_ON = '2026-04-15';

interface CaseFile {
  subject: { managedByCommitteeOf: { organizationId: string; level: string } | null };
  ballots: { ballot: { body: Record<string, unknown> } }[];
}

const fileOf = (view: View) => view.state['file'] as CaseFile;

describe.each(testDatabases())('facts kept on the record, not sent with each request, on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: DisciplineTree;

  const openCase = (member: View, subject: Record<string, unknown> = {}) =>
    api.post('discipline-cases', { openedOn: OPENED_ON, subject: { kind: 'member', memberId: member.id, ...subject } });

  beforeAll(async () => {
    app = await createTestApp(database.url);
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  describe('the committee that manages a member as a cadre', () => {
    let managed: View;

    beforeAll(async () => {
      managed = await tree.admitFull('Nguyễn Thị Lan');
      await api.command(`members/${managed.id}/cadre-management`, { committeeOf: tree.province.id, assignedOn: '2021-01-10' });
    });

    it('is read from the member’s record when a case is opened, with the level of its organization', async () => {
      const opened = await api.create('discipline-cases', { openedOn: OPENED_ON, subject: { kind: 'member', memberId: managed.id } });
      expect(fileOf(opened).subject.managedByCommitteeOf).toEqual({ organizationId: tree.province.id, level: 'province' });
    });

    it('as it stood on the day the case is opened: none before the assignment, none after its end', async () => {
      const before = await api.create('discipline-cases', { openedOn: '2020-12-01', subject: { kind: 'member', memberId: managed.id } });
      expect(fileOf(before).subject.managedByCommitteeOf).toBeNull();
      const ended = await tree.admitFull('Đặng Văn Hùng');
      await api.command(`members/${ended.id}/cadre-management`, { committeeOf: tree.province.id, assignedOn: '2021-01-10' });
      await api.command(`members/${ended.id}/cadre-management/end`, { endedOn: '2025-07-01' });
      const after = await api.create('discipline-cases', { openedOn: OPENED_ON, subject: { kind: 'member', memberId: ended.id } });
      expect(fileOf(after).subject.managedByCommitteeOf).toBeNull();
    });

    it('accepts a request that repeats the recorded committee, and refuses one that contradicts it, naming the field', async () => {
      await openCase(managed, { managedByCommitteeOf: tree.province.id }).expect(201);
      const refused = await openCase(managed, { managedByCommitteeOf: tree.commune.id }).expect(422);
      expect(refused.body).toMatchObject({
        code: 'contradicts-record',
        details: { field: 'subject.managedByCommitteeOf', requested: tree.commune.id, recorded: tree.province.id },
      });
      const unmanaged = await tree.admitFull('Lê Văn Tám');
      expect((await openCase(unmanaged, { managedByCommitteeOf: tree.province.id }).expect(422)).body).toMatchObject({ details: { recorded: null } });
    });
  });

  describe('the power of a grassroots committee to admit members', () => {
    const committee = () => tree.body(tree.commune, 'executive-committee');
    const ballotOn = (caseId: string, version: number, body: Record<string, unknown>) =>
      api.post(`discipline-cases/${caseId}/ballots`, warningBallot(body), version);

    let caseView: View;

    beforeAll(async () => {
      const member = await tree.admitFull('Trương Văn Minh');
      const opened = await api.create('discipline-cases', { openedOn: OPENED_ON, subject: { kind: 'member', memberId: member.id } });
      caseView = await api.command(
        `discipline-cases/${opened.id}/violations`,
        {
          description: 'Vi phạm quy định về đất đai',
          committedOn: '2025-11-20',
          level: 'warning',
          graveOffences: [],
          concernsTaskAssignedByHigherLevel: false,
        },
        opened.version,
      );
    });

    it('is not on the body before it is recorded, and a request may not claim it', async () => {
      const refused = await ballotOn(caseView.id, caseView.version, { ...committee(), empoweredToAdmitMembers: true }).expect(422);
      expect(refused.body).toMatchObject({ code: 'contradicts-record', details: { field: 'body.empoweredToAdmitMembers', requested: true, recorded: false } });
    });

    it('is read from the organization’s record on the day of the ballot once granted', async () => {
      await api.command(`organizations/${tree.commune.id}/admission-power`, { grantedOn: '2024-01-15' });
      const voted = await api.command(`discipline-cases/${caseView.id}/ballots`, warningBallot(committee()), caseView.version);
      expect(fileOf(voted).ballots.at(-1)!.ballot.body).toEqual({ ...committee(), level: 'grassroots', empoweredToAdmitMembers: true });
    });

    it('is granted to grassroots organizations only (Charter art. 4)', async () => {
      const refused = await api.post(`organizations/${tree.province.id}/admission-power`, { grantedOn: '2024-01-15' }).expect(422);
      expect(refused.body).toMatchObject({ code: 'admission-power-level', details: { level: 'province', allowedLevels: ['grassroots'] } });
    });
  });
});
