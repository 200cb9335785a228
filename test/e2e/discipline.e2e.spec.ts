import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventStore } from '../../src/event-store/event-store.js';
import { ApiClient, type View } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { authorizedAgent, createTestApp } from '../support/test-app.js';

const IN_FORCE = 'qd69-264-2025+qd296-2025';

describe.each(testDatabases())('discipline and appeals over HTTP on $name', (database) => {
  let app: NestExpressApplication;
  let api: ApiClient;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;

  beforeAll(async () => {
    app = await createTestApp(database.url);
    api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
  });
  afterAll(async () => {
    await app.close();
  });

  const communeCommittee = () => tree.body(tree.commune, 'executive-committee');
  const provinceCommission = () => tree.body(tree.province, 'inspection-commission');
  const ballot = (body: object, votes: object, counts: { fullMembers: number; present: number; againstDiscipline: number }, stage = 'decision') => ({
    stage,
    body,
    heldOn: '2026-05-06',
    excluded: [],
    abstentions: 0,
    votes,
    ...counts,
  });

  async function concludedInspection(memberId: string): Promise<View> {
    const proposed = await api.create('inspections', {
      body: tree.body(tree.commune, 'inspection-commission'),
      subject: { kind: 'member', memberId },
      kind: 'suspected-violation',
      grounds: 'Đơn tố cáo về việc giao khoán đất công ích',
      proposedOn: '2026-03-02',
    });
    const inspector = await tree.admitFull('Lê Thị Hoa');
    const steps: [string, object][] = [
      [
        'decide',
        {
          decisionNumber: '03-QĐ/UBKT',
          decidedOn: '2026-03-05',
          scope: 'Quản lý đất công ích',
          period: { from: '2024-01-01', to: '2025-12-31' },
          teamMemberIds: [inspector.id],
        },
      ],
      ['send-outline', { sentOn: '2026-03-09' }],
      ['receive-explanation', { receivedOn: '2026-03-20', summary: 'Giải trình việc ký hợp đồng giao khoán' }],
      ['report-verification', { reportedOn: '2026-04-01', draftReportSummary: 'Có vi phạm' }],
      [
        'conclude',
        {
          concludedOn: '2026-04-10',
          violationFound: true,
          severity: 'serious',
          findings: 'Giao khoán đất trái quy định',
          recommendations: ['Xem xét kỷ luật'],
          proposeDiscipline: true,
        },
      ],
    ];
    let view = proposed;
    for (const [route, body] of steps) view = await api.command(`inspections/${proposed.id}/${route}`, body, view.version);
    return view;
  }

  /** A case opened directly, a warning decided by the commune committee and announced on 2026-05-12. */
  async function warningInEffect(memberId: string): Promise<View> {
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId } });
    await api.command(`discipline-cases/${opened.id}/violations`, {
      description: 'Sử dụng xe công vào việc riêng',
      committedOn: '2025-11-20',
      level: 'warning',
    });
    await api.command(
      `discipline-cases/${opened.id}/ballots`,
      ballot(communeCommittee(), { warning: 8 }, { fullMembers: 12, present: 12, againstDiscipline: 4 }),
    );
    await api.command(`discipline-cases/${opened.id}/sanction`, {
      form: 'warning',
      decidingBody: communeCommittee(),
      decisionNumber: '06-QĐ/ĐU',
      signedOn: '2026-05-08',
    });
    return api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: '2026-05-12' });
  }

  async function appealEvents(appealId: string) {
    return (await app.get(EventStore).readStream(`appeal-${appealId}`)).map((event) => ({ type: event.type, data: event.data }));
  }

  it('walks a case from an inspection conclusion to an announced warning, appealed, annulled and restored (QĐ 117)', async () => {
    const member = await tree.admitFull('Nguyễn Văn Hùng', 'Phó Chủ tịch Ủy ban nhân dân xã');
    const inspection = await concludedInspection(member.id);

    const opened = await api.create('discipline-cases', {
      inspectionId: inspection.id,
      openedOn: '2026-04-15',
      subject: { kind: 'member', memberId: member.id },
    });
    expect(opened).toMatchObject({
      version: 1,
      state: {
        status: 'open',
        file: {
          inspectionId: inspection.id,
          subject: {
            kind: 'member',
            memberId: member.id,
            membership: 'full',
            holdsPost: true,
            organizations: [
              { organizationId: tree.commune.id, level: 'grassroots' },
              { organizationId: tree.province.id, level: 'province' },
            ],
            committeeSeats: [],
            managedByCommitteeOf: null,
          },
        },
      },
    });
    const violated = await api.command(
      `discipline-cases/${opened.id}/violations`,
      { description: 'Ký hợp đồng giao khoán đất công ích trái quy định', committedOn: '2025-11-20', level: 'warning' },
      opened.version,
    );

    // DOMAIN.md's worked example: 11 counted, expulsion 3, dismissal 2, warning 2, reprimand 2 → 3, 5, 7 ≥ 6: warning.
    const voted = await api.command(
      `discipline-cases/${opened.id}/ballots`,
      {
        ...ballot(communeCommittee(), { expulsion: 3, dismissal: 2, warning: 2, reprimand: 2 }, { fullMembers: 12, present: 11, againstDiscipline: 1 }),
        excluded: [{ reason: 'temporarily-transferred', count: 1 }],
        abstentions: 1,
      },
      violated.version,
    );
    expect(voted.state['file']).toMatchObject({
      ballots: [
        {
          ruleVersion: IN_FORCE,
          tally: {
            counted: 11,
            excluded: 1,
            outcome: 'warning',
            byCumulativeCount: true,
            steps: [
              { form: 'expulsion', votes: 3, runningTotal: 3, required: 6, reached: false },
              { form: 'dismissal', votes: 2, runningTotal: 5, required: 6, reached: false },
              { form: 'warning', votes: 2, runningTotal: 7, required: 6, reached: true },
            ],
          },
        },
      ],
    });

    const decided = await api.command(
      `discipline-cases/${opened.id}/sanction`,
      { form: 'warning', decidingBody: communeCommittee(), decisionNumber: '05-QĐ/ĐU', signedOn: '2026-05-08' },
      voted.version,
    );
    expect(decided).toMatchObject({
      state: {
        status: 'decided',
        decision: {
          form: 'warning',
          ruleVersion: IN_FORCE,
          authorityGrant: 'grassroots-committee-reprimand-warning',
          limitationLastDate: '2035-11-20',
          announcementDueOn: '2026-05-23',
        },
      },
      allowedCommands: ['announceDecision', 'minuteRefusalToReceive'],
    });
    const announced = await api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: '2026-05-12' }, decided.version);
    expect(announced).toMatchObject({ state: { status: 'in-effect', effectiveOn: '2026-05-12' } });
    expect(announced.allowedCommands).toEqual(['recordLapse', 'recordStateActionProposal']);

    const inEffect = await api.get(`discipline-cases/${opened.id}/deadlines`).expect(200);
    expect(inEffect.body).toEqual({
      caseId: opened.id,
      version: announced.version,
      deadlines: [
        expect.objectContaining({ kind: 'state-notice', dueOn: '2026-05-17', ruleVersion: IN_FORCE }),
        expect.objectContaining({
          kind: 'appeal-window',
          dueOn: '2026-06-12',
          citation: { document: 'Điều lệ Đảng (2011)', article: 'art. 39 cl. 7' },
          confirmed: false,
        }),
        expect.objectContaining({ kind: 'lapse', dueOn: '2027-05-12' }),
      ],
    });

    const appeal = await api.create('appeals', {
      caseId: opened.id,
      appellant: { kind: 'member', memberId: member.id },
      filedOn: '2026-06-01',
      reviewingBody: provinceCommission(),
    });
    expect(appeal).toMatchObject({
      state: {
        status: 'under-review',
        appeal: {
          sanction: { caseId: opened.id, form: 'warning', decisionNumber: '05-QĐ/ĐU', ruleVersion: IN_FORCE },
          receivedOn: '2026-05-12',
          windowLastDay: '2026-06-12',
          handlingDueOn: '2026-09-01',
          sanctionRemainsInForce: true,
        },
      },
      allowedCommands: ['upholdSanction', 'changeSanction', 'annulSanction'],
    });
    expect(await api.view(`discipline-cases/${opened.id}`)).toMatchObject({ state: { status: 'in-effect', file: { appealIds: [appeal.id] } } });
    const pending = await api.get(`discipline-cases/${opened.id}/deadlines`).expect(200);
    expect(pending.body.deadlines).toContainEqual(expect.objectContaining({ kind: 'appeal-handling', dueOn: '2026-09-01', appealId: appeal.id }));

    const annulled = await api.command(
      `appeals/${appeal.id}/annul`,
      { decidedOn: '2026-07-10', decisionNumber: '12-QĐ/UBKT', reason: 'Không đủ căn cứ kết luận vi phạm' },
      appeal.version,
    );
    expect(annulled).toMatchObject({ state: { status: 'annulled', decidedOn: '2026-07-10' }, allowedCommands: [] });
    expect(await api.view(`discipline-cases/${opened.id}`)).toMatchObject({ state: { status: 'annulled', annulledOn: '2026-07-10' }, allowedCommands: [] });
    const restorations = (await appealEvents(appeal.id)).filter((event) => event.type === 'RestorationOrdered').map((event) => event.data['item']);
    expect(restorations).toEqual([
      'evaluation-and-classification',
      'cadre-planning-eligibility',
      'appointment-and-nomination',
      'salary-increase',
      'commendations-and-awards',
    ]);
    expect((await api.get(`discipline-cases/${opened.id}/deadlines`).expect(200)).body.deadlines).toEqual([]);
  });

  it('records an expulsion on the member when it takes effect, and restores the membership when it is annulled (QĐ 117)', async () => {
    const member = await tree.admitFull('Trần Văn Bình');
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Nhận hối lộ trong giao đất', committedOn: '2025-10-01', level: 'expulsion' });
    await api.command(
      `discipline-cases/${opened.id}/ballots`,
      ballot(communeCommittee(), { expulsion: 11 }, { fullMembers: 15, present: 15, againstDiscipline: 4 }, 'proposal'),
    );
    await api.command(
      `discipline-cases/${opened.id}/ballots`,
      ballot(provinceCommission(), { expulsion: 7 }, { fullMembers: 9, present: 9, againstDiscipline: 2 }),
    );

    const beyond = await api
      .post(`discipline-cases/${opened.id}/sanction`, {
        form: 'expulsion',
        decidingBody: communeCommittee(),
        decisionNumber: '07-QĐ/ĐU',
        signedOn: '2026-05-20',
      })
      .expect(422);
    expect(beyond.body).toMatchObject({
      code: 'no-authority',
      details: {
        form: 'expulsion',
        referTo: { organizationId: tree.province.id, level: 'province', bodyKind: 'inspection-commission' },
        ruleVersion: IN_FORCE,
      },
    });

    const decided = await api.command(`discipline-cases/${opened.id}/sanction`, {
      form: 'expulsion',
      decidingBody: provinceCommission(),
      decisionNumber: '05-QĐ/UBKT',
      signedOn: '2026-05-20',
    });
    expect(decided.state).toMatchObject({ decision: { authorityGrant: 'inspection-commission-all-forms', limitationLastDate: null } });
    await api.command(`discipline-cases/${opened.id}/announce`, { announcedOn: '2026-05-25' }, decided.version);
    expect(await api.view(`members/${member.id}`)).toMatchObject({ state: { status: 'left', leftBy: 'expelled', leftOn: '2026-05-25' } });

    const toCommission = await api
      .post('appeals', { caseId: opened.id, appellant: { kind: 'member', memberId: member.id }, filedOn: '2026-06-10', reviewingBody: provinceCommission() })
      .expect(422);
    expect(toCommission.body).toMatchObject({
      code: 'appeal-not-admissible',
      details: {
        reason: 'not-the-next-higher-level',
        expected: { organizationId: tree.province.id, bodyKinds: ['standing-committee', 'executive-committee'] },
      },
    });
    const onBehalf = await api
      .post('appeals', {
        caseId: opened.id,
        appellant: { kind: 'member', memberId: tree.commune.id },
        filedOn: '2026-06-10',
        reviewingBody: tree.body(tree.province, 'standing-committee'),
      })
      .expect(422);
    expect(onBehalf.body).toMatchObject({ code: 'appeal-not-admissible', details: { reason: 'filed-on-behalf-of-another' } });

    const appeal = await api.create('appeals', {
      caseId: opened.id,
      appellant: { kind: 'member', memberId: member.id },
      filedOn: '2026-06-10',
      reviewingBody: tree.body(tree.province, 'standing-committee'),
    });
    await api.command(
      `appeals/${appeal.id}/annul`,
      { decidedOn: '2026-08-01', decisionNumber: '31-QĐ/TU', reason: 'Chứng cứ nhận hối lộ không được xác minh' },
      appeal.version,
    );

    expect(await api.view(`discipline-cases/${opened.id}`)).toMatchObject({ state: { status: 'annulled' } });
    expect(await api.view(`members/${member.id}`)).toMatchObject({ state: { status: 'full', member: { lastActOn: '2026-08-01' } } });
    const restorations = (await appealEvents(appeal.id)).filter((event) => event.type === 'RestorationOrdered');
    expect(restorations).toContainEqual({
      type: 'RestorationOrdered',
      data: expect.objectContaining({
        item: 'party-membership',
        annulledForm: 'expulsion',
        citation: expect.objectContaining({ document: 'Quy định 117-QĐ/TW (2023)' }),
      }),
    });
  });

  it('Charter art. 39 cl. 7: refuses an appeal filed after the month, showing the dates, and writes nothing', async () => {
    const member = await tree.admitFull('Phạm Thị Mai');
    const inEffect = await warningInEffect(member.id);
    const late = await api
      .post('appeals', { caseId: inEffect.id, appellant: { kind: 'member', memberId: member.id }, filedOn: '2026-07-01', reviewingBody: provinceCommission() })
      .expect(422);
    expect(late.body).toMatchObject({
      code: 'appeal-late',
      details: { receivedOn: '2026-05-12', filedOn: '2026-07-01', lastDay: '2026-06-12', ruleVersion: IN_FORCE },
    });
    expect(await api.view(`discipline-cases/${inEffect.id}`)).toMatchObject({ version: inEffect.version, state: { file: { appealIds: [] } } });
  });

  it('Charter art. 36 cl. 5: a changed form is recorded on the case, which stays in effect with the form and the announcement of the decision on appeal', async () => {
    const member = await tree.admitFull('Đỗ Văn Tâm');
    const inEffect = await warningInEffect(member.id);
    const appeal = await api.create('appeals', {
      caseId: inEffect.id,
      appellant: { kind: 'member', memberId: member.id },
      filedOn: '2026-05-20',
      reviewingBody: tree.body(tree.province, 'executive-committee'),
    });
    const changed = await api.command(
      `appeals/${appeal.id}/change`,
      { form: 'reprimand', decidedOn: '2026-06-15', decisionNumber: '40-QĐ/TU', announcedOn: '2026-06-18' },
      appeal.version,
    );
    expect(changed.state.status).toBe('changed');
    expect(await api.view(`discipline-cases/${inEffect.id}`)).toMatchObject({
      state: { status: 'in-effect', decision: { form: 'reprimand' }, announcedOn: '2026-06-18' },
    });
  });

  it('QĐ 69 art. 4 cl. 2: refuses a sanction after the limitation period, showing the computed date, then issues the notice of no discipline', async () => {
    const member = await tree.admitFull('Vũ Thị Lan');
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Không nộp đảng phí', committedOn: '2020-01-10', level: 'reprimand' });
    await api.command(
      `discipline-cases/${opened.id}/ballots`,
      ballot(communeCommittee(), { reprimand: 9 }, { fullMembers: 12, present: 12, againstDiscipline: 3 }),
    );
    const expired = await api
      .post(`discipline-cases/${opened.id}/sanction`, {
        form: 'reprimand',
        decidingBody: communeCommittee(),
        decisionNumber: '08-QĐ/ĐU',
        signedOn: '2026-05-08',
      })
      .expect(422);
    expect(expired.body).toMatchObject({
      code: 'limitation-expired',
      details: {
        lastDate: '2025-01-10',
        concludedOn: '2026-05-06',
        period: { amount: 5, unit: 'years' },
        citation: { document: 'Quy định 69-QĐ/TW (2022)', article: 'art. 4 cl. 2' },
      },
    });
    const noticed = await api.command(`discipline-cases/${opened.id}/limitation-expired-notice`, {
      noticeNumber: '02-TB/ĐU',
      issuedOn: '2026-05-10',
      issuedBy: communeCommittee(),
    });
    expect(noticed).toMatchObject({ state: { status: 'not-disciplined' }, allowedCommands: [] });
  });

  it('QĐ 22 art. 15: records a ballot where no form reaches more than half, and refuses the sanction with the tally', async () => {
    const member = await tree.admitFull('Hoàng Văn Nam');
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    await api.command(`discipline-cases/${opened.id}/violations`, { description: 'Vi phạm quy định nêu gương', committedOn: '2025-12-01', level: 'warning' });
    const voted = await api.command(
      `discipline-cases/${opened.id}/ballots`,
      ballot(communeCommittee(), { warning: 2, reprimand: 2 }, { fullMembers: 11, present: 11, againstDiscipline: 7 }),
    );
    expect(voted.state['file']).toMatchObject({ ballots: [{ tally: { outcome: null, counted: 11 } }] });
    const below = await api
      .post(`discipline-cases/${opened.id}/sanction`, { form: 'warning', decidingBody: communeCommittee(), decisionNumber: '09-QĐ/ĐU', signedOn: '2026-05-08' })
      .expect(422);
    expect(below.body).toMatchObject({
      code: 'vote-below-threshold',
      details: { tally: { outcome: null, steps: expect.arrayContaining([expect.objectContaining({ form: 'reprimand', runningTotal: 4, required: 6 })]) } },
    });
  });

  it('opens a case from an inspection only once it has concluded proposing discipline', async () => {
    const member = await tree.admitFull('Ngô Thị Thu');
    const proposed = await api.create('inspections', {
      body: tree.body(tree.commune, 'inspection-commission'),
      subject: { kind: 'member', memberId: member.id },
      kind: 'suspected-violation',
      grounds: 'Phản ánh của nhân dân',
      proposedOn: '2026-03-02',
    });
    const refused = await api
      .post('discipline-cases', { inspectionId: proposed.id, openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'inspection-not-concluded', details: { inspectionId: proposed.id, status: 'proposed' } });
  });

  it('answers malformed input with 400 naming the field, nested ballot counts included', async () => {
    const member = await tree.admitFull('Lý Văn Phúc');
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: { kind: 'member', memberId: member.id } });
    const malformed = await api
      .post(`discipline-cases/${opened.id}/ballots`, {
        ...ballot(communeCommittee(), { warning: -1, reprimand: 1.5 }, { fullMembers: 11, present: 11, againstDiscipline: 0 }),
        excluded: [{ reason: 'on-holiday', count: 1 }],
      })
      .expect(400);
    const fields = (malformed.body as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['votes.warning', 'votes.reprimand', 'excluded.0.reason']));
    const unknownCase = await api
      .post('appeals', {
        caseId: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098',
        appellant: { kind: 'member', memberId: member.id },
        filedOn: '2026-06-01',
        reviewingBody: provinceCommission(),
      })
      .expect(422);
    expect(unknownCase.body).toMatchObject({ code: 'unknown-reference', details: { field: 'caseId' } });
  });

  it('lists the rule versions with their dates and citations, and answers the version in force on a date', async () => {
    const rulebook = await api.get('rulebook').expect(200);
    const versions = (
      rulebook.body as {
        versions: {
          id: string;
          effectiveFrom: string;
          effectiveTo: string | null;
          rules: { limitation: { citation: object; confirmed: boolean; member: object } };
        }[];
      }
    ).versions;
    expect(versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['qd181-2013+qd46-2011', '2013-03-30', '2016-07-25'],
      ['qd181-2013+qd30-2016', '2016-07-26', '2017-11-14'],
      ['qd102-2017+qd30-2016', '2017-11-15', '2018-08-27'],
      ['qd102-2017+qd07-2018+qd30-2016', '2018-08-28', '2021-07-27'],
      ['qd102-2017+qd22-2021', '2021-07-28', '2022-07-05'],
      ['qd69-2022+qd22-2021', '2022-07-06', '2025-02-13'],
      ['qd69-264-2025+qd22-262-2025', '2025-02-14', '2025-05-29'],
      [IN_FORCE, '2025-05-30', null],
    ]);
    expect(versions.at(-1)?.rules.limitation).toMatchObject({ citation: { document: 'Quy định 69-QĐ/TW (2022)', article: 'art. 4 cl. 2' }, confirmed: true });

    expect(versions[0]?.rules.limitation).toMatchObject({ member: { citation: { document: 'Quy định 181-QĐ/TW (2013)' }, confirmed: false } });
    expect((await api.get('rulebook/in-force?on=2019-12-03').expect(200)).body).toMatchObject({ id: 'qd102-2017+qd07-2018+qd30-2016' });
    const bad = await api.get('rulebook/in-force?on=2019-02-30').expect(400);
    expect(bad.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'on' }] });
    const before = await api.get('rulebook/in-force?on=2010-01-01').expect(422);
    expect(before.body).toMatchObject({ code: 'no-rule-version', details: { on: '2010-01-01' } });
  });
});
