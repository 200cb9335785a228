import type { ApiClient, View } from './api-client.js';
import { foundCommune, foundDisciplineTree, warningBallot } from './discipline-tree.js';

/** A command as a client sends it: the route (path ids of real records) and a body the rules accept. */
export interface ValidCommand {
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

type Steps = readonly (readonly [route: string, body: object])[];

/**
 * A tree of real records and, for every command of the API (by operation id), a valid body naming them,
 * sent to a stream of its own in a state that accepts the command: what a malformed variant is made from.
 */
export async function validCommands(api: ApiClient): Promise<Record<string, ValidCommand>> {
  const tree = await foundDisciplineTree(api);
  const { commune, body } = tree;
  const other = await foundCommune(api, tree.province, 'Đảng bộ xã Hương Canh', 'HC');
  const commission = body(commune, 'inspection-commission');
  const committee = body(commune, 'executive-committee');
  const member = (name: string) => tree.admitFull(name);
  const subjectOf = (view: View) => ({ kind: 'member', memberId: view.id });

  const cell = (code: string) => api.create('organizations', { level: 'cell', parentId: commune.id, name: `Chi bộ ${code}`, code, foundedOn: '2020-01-01' });
  const advanced = async (created: View, resource: string, steps: Steps) => {
    for (const [route, stepBody] of steps) await api.command(`${resource}/${created.id}/${route}`, stepBody);
    return created.id;
  };

  const account = (username: string) =>
    api.create('accounts', { username, password: 'tam-thoi-cap-xa-2026', grants: [{ role: 'discipline-officer', organizationId: commune.id }] });
  const disabledAccount = await account('bi-khoa-fuzz');
  await api.command(`accounts/${disabledAccount.id}/disable`, {});
  const activeAccount = await account('can-bo-fuzz');

  const inspected = await member('Lê Văn Thành');
  const team = await member('Đinh Thị Hà');
  const inspectionSteps: Steps = [
    [
      'decide',
      {
        decisionNumber: '125-QĐ/UBKT',
        decidedOn: '2025-03-10',
        scope: 'Quản lý đất đai',
        period: { from: '2024-01-01', to: '2024-12-31' },
        teamMemberIds: [team.id],
      },
    ],
    ['send-outline', { sentOn: '2025-03-15' }],
    ['receive-explanation', { receivedOn: '2025-04-01', summary: 'Giải trình việc cấp đất' }],
    ['report-verification', { reportedOn: '2025-04-20', draftReportSummary: 'Có vi phạm' }],
    [
      'conclude',
      {
        concludedOn: '2025-05-05',
        violationFound: true,
        severity: 'serious',
        findings: 'Vi phạm quản lý đất đai',
        recommendations: ['Xem xét kỷ luật'],
        proposeDiscipline: true,
      },
    ],
    ['notify-conclusion', { notifiedOn: '2025-05-10' }],
  ];
  const inspectionAfter = async (steps: number) => {
    const proposed = await api.create('inspections', {
      body: commission,
      subject: subjectOf(inspected),
      kind: 'suspected-violation',
      grounds: 'Đơn tố cáo',
      proposedOn: '2025-03-01',
    });
    return advanced(proposed, 'inspections', inspectionSteps.slice(0, steps));
  };

  const supervisionAfter = async (steps: Steps) => {
    const started = await api.create('supervisions', {
      body: commission,
      subject: subjectOf(inspected),
      kind: 'thematic',
      plan: 'Kế hoạch 05-KH/UBKT',
      topic: 'Đất đai',
      startedOn: '2025-01-15',
    });
    return advanced(started, 'supervisions', steps);
  };
  const withSigns: Steps = [['conclude', { concludedOn: '2025-02-20', signsOfViolation: true, summary: 'Có dấu hiệu vi phạm' }]];

  const ballot = warningBallot(committee);
  const violation = {
    description: 'Sử dụng xe công vào việc riêng',
    committedOn: '2025-11-20',
    level: 'warning',
    graveOffences: [],
    concernsTaskAssignedByHigherLevel: false,
  };
  const caseAfter = async (steps: Steps, subject?: View) => {
    const opened = await api.create('discipline-cases', { openedOn: '2026-04-15', subject: subjectOf(subject ?? (await member('Vũ Đức Long'))) });
    return advanced(opened, 'discipline-cases', [['violations', violation], ...steps]);
  };
  const decided: Steps = [
    ['ballots', ballot],
    ['sanction', { form: 'warning', decidingBody: committee, decisionNumber: '05-QĐ/ĐU', signedOn: '2026-05-08', especiallySerious: false }],
  ];
  const inEffect: Steps = [...decided, ['announce', { announcedOn: '2026-05-12', voteResultAnnouncedOn: null }]];
  const appeal = async (appellant: View) => ({
    caseId: await caseAfter(inEffect, appellant),
    appellant: subjectOf(appellant),
    filedOn: '2026-06-01',
    reviewingBody: body(tree.province, 'standing-committee'),
  });
  const appealed = async () => (await api.create('appeals', await appeal(await member('Vũ Văn Hải')))).id;

  const withPost = await api.command(`members/${(await member('Bùi Văn Nam')).id}/posts`, {
    title: 'Bí thư chi bộ',
    organizationId: commune.id,
    committeeLevel: 'grassroots',
    takenUpOn: '2024-04-01',
  });
  const postId = (withPost.state['member'] as { posts: { postId: string }[] }).posts[0]!.postId;
  const probationary = await api.create('members', { organizationId: commune.id, fullName: 'Tạ Thị Thu', birthDate: '1995-01-01', admittedOn: '2024-03-15' });
  const classified = await member('Ngô Thị Yến');
  await api.create('quality-classifications', { subject: subjectOf(classified), year: 2024, body: committee, rating: 'good', classifiedOn: '2025-01-15' });
  const grassroots = await api.create('organizations', {
    level: 'grassroots',
    parentId: tree.province.id,
    name: 'Đảng bộ xã Tam Hợp',
    code: 'TH',
    foundedOn: '2015-01-01',
  });
  const successor = await cell('SUCCESSOR');
  const concluded = await inspectionAfter(5);
  const review = (
    await api.create('self-criticism-reviews', { subject: subjectOf(inspected), period: { from: '2024-01-01', to: '2024-12-31' }, scheduledFor: '2025-01-20' })
  ).id;
  const held = await advanced(
    await api.create('self-criticism-reviews', { subject: subjectOf(inspected), period: { from: '2023-01-01', to: '2023-12-31' }, scheduledFor: '2025-01-20' }),
    'self-criticism-reviews',
    [['hold', { heldOn: '2025-01-20', summary: 'Chi bộ góp ý' }]],
  );
  const empowered = await api.create('organizations', {
    level: 'grassroots',
    parentId: tree.province.id,
    name: 'Đảng bộ xã Đạo Đức',
    code: 'DD',
    foundedOn: '2015-01-01',
  });
  await api.command(`organizations/${empowered.id}/admission-power`, { grantedOn: '2020-01-15' });
  const managed = await member('Hoàng Văn Quân');
  await api.command(`members/${managed.id}/cadre-management`, { committeeOf: tree.province.id, assignedOn: '2021-01-10' });
  const appealDecision = { decidedOn: '2026-07-10', decisionNumber: '12-QĐ/TU', announcedOn: '2026-07-12' };
  const planningList = (target: string) =>
    api.create('planning-lists', {
      organizationId: commune.id,
      target,
      term: { fromYear: 2025, toYear: 2030 },
      approvedOn: '2024-06-01',
      decision: '215-QĐ/ĐU',
    });
  const plannedList = await planningList('executive-committee');
  const planned = await member('Vũ Văn Quy');
  await api.command(`planning-lists/${plannedList.id}/additions`, { memberId: planned.id, addedOn: '2024-07-01', decision: '220-QĐ/ĐU' });

  return {
    foundOrganization: { path: 'organizations', body: { level: 'cell', parentId: commune.id, name: 'Chi bộ thôn Đông', code: 'CBD', foundedOn: '2020-01-01' } },
    renameOrganization: { path: `organizations/${(await cell('RENAME')).id}/rename`, body: { name: 'Chi bộ thôn Mới', renamedOn: '2025-07-01' } },
    moveOrganization: { path: `organizations/${(await cell('MOVE')).id}/move`, body: { parentId: other.commune.id, movedOn: '2025-07-01' } },
    establishBody: { path: `organizations/${grassroots.id}/bodies`, body: { bodyKind: 'inspection-commission', membersCount: 5, establishedOn: '2021-01-01' } },
    grantAdmissionPower: { path: `organizations/${grassroots.id}/admission-power`, body: { grantedOn: '2024-01-15' } },
    recordBodySuccession: {
      path: `organizations/${other.commune.id}/body-successions`,
      body: {
        bodyKind: 'standing-committee',
        successor: body(tree.province, 'standing-committee'),
        functions: ['appeals', 'discipline'],
        succeededOn: '2025-07-01',
        decision: '1234-QĐ/TU',
      },
    },
    withdrawAdmissionPower: { path: `organizations/${empowered.id}/admission-power/withdraw`, body: { withdrawnOn: '2025-07-01' } },
    mergeInto: { path: `organizations/${(await cell('MERGE')).id}/merge`, body: { successorId: successor.id, mergedOn: '2025-07-01' } },
    dissolveOrganization: {
      path: `organizations/${(await cell('DISSOLVE')).id}/dissolve`,
      body: { reason: 'Sắp xếp tổ chức bộ máy', dissolvedOn: '2025-07-01' },
    },
    admitMember: { path: 'members', body: { organizationId: commune.id, fullName: 'Nguyễn Văn An', birthDate: '1990-05-12', admittedOn: '2023-03-15' } },
    makeMemberFull: { path: `members/${probationary.id}/make-full`, body: { madeFullOn: '2025-03-15' } },
    transferMember: { path: `members/${(await member('Hà Văn Tâm')).id}/transfer`, body: { toOrganizationId: other.commune.id, transferredOn: '2025-06-01' } },
    takeUpPost: {
      path: `members/${(await member('Lý Thị Hằng')).id}/posts`,
      body: { title: 'Phó Bí thư', organizationId: commune.id, committeeLevel: 'grassroots', takenUpOn: '2024-04-01' },
    },
    leavePost: { path: `members/${withPost.id}/posts/${postId}/leave`, body: { leftOn: '2025-01-10' } },
    assignCadreManagement: {
      path: `members/${(await member('Phan Văn Lực')).id}/cadre-management`,
      body: { committeeOf: tree.province.id, assignedOn: '2024-05-01' },
    },
    endCadreManagement: { path: `members/${managed.id}/cadre-management/end`, body: { endedOn: '2025-07-01' } },
    approvePlanningList: {
      path: 'planning-lists',
      body: { organizationId: commune.id, target: 'department-heads', term: { fromYear: 2025, toYear: 2030 }, approvedOn: '2024-06-01', decision: '216-QĐ/ĐU' },
    },
    addToPlanning: {
      path: `planning-lists/${(await planningList('standing-committee')).id}/additions`,
      body: { memberId: (await member('Đỗ Thị Thu')).id, addedOn: '2024-07-01', decision: '221-QĐ/ĐU' },
    },
    removeFromPlanning: {
      path: `planning-lists/${plannedList.id}/removals`,
      body: { memberId: planned.id, removedOn: '2025-01-10', reason: 'standards-not-met', decision: '230-QĐ/ĐU' },
    },
    removeFromRoll: {
      path: `members/${(await member('Mai Văn Sáu')).id}/remove-from-roll`,
      body: { ground: 'no-activity-or-dues-3-months', removedOn: '2025-03-01' },
    },
    releaseMember: {
      path: `members/${(await member('Đào Thị Xuân')).id}/release`,
      body: { reason: 'Xin ra khỏi Đảng vì lý do sức khỏe', releasedOn: '2025-03-01' },
    },
    recordDeath: { path: `members/${(await member('Trịnh Văn Bảy')).id}/death`, body: { diedOn: '2025-03-01' } },
    erasePersonalData: {
      path: `members/${(await member('Lò Văn Páo')).id}/personal-data/erasure`,
      body: { ground: 'consent-withdrawn', reference: 'Đơn đề nghị ngày 02/06/2026' },
    },
    proposeInspection: {
      path: 'inspections',
      body: { body: commission, subject: subjectOf(inspected), kind: 'suspected-violation', grounds: 'Đơn tố cáo', proposedOn: '2025-03-01' },
    },
    decideInspection: { path: `inspections/${await inspectionAfter(0)}/decide`, body: inspectionSteps[0]![1] as Record<string, unknown> },
    sendOutline: { path: `inspections/${await inspectionAfter(1)}/send-outline`, body: { sentOn: '2025-03-15' } },
    receiveExplanation: {
      path: `inspections/${await inspectionAfter(2)}/receive-explanation`,
      body: { receivedOn: '2025-04-01', summary: 'Giải trình việc cấp đất' },
    },
    reportVerification: {
      path: `inspections/${await inspectionAfter(3)}/report-verification`,
      body: { reportedOn: '2025-04-20', draftReportSummary: 'Có vi phạm' },
    },
    concludeInspection: { path: `inspections/${await inspectionAfter(4)}/conclude`, body: inspectionSteps[4]![1] as Record<string, unknown> },
    notifyConclusion: { path: `inspections/${concluded}/notify-conclusion`, body: { notifiedOn: '2025-05-10' } },
    recordFollowUp: {
      path: `inspections/${await inspectionAfter(6)}/follow-ups`,
      body: { checkedOn: '2025-08-01', result: 'partly-carried-out', note: 'Chưa khắc phục xong' },
    },
    closeInspection: { path: `inspections/${await inspectionAfter(6)}/close`, body: { closedOn: '2025-09-01' } },
    startSupervision: {
      path: 'supervisions',
      body: { body: commission, subject: subjectOf(inspected), kind: 'thematic', plan: 'Kế hoạch 06-KH/UBKT', topic: 'Đất đai', startedOn: '2025-01-15' },
    },
    recordFindings: { path: `supervisions/${await supervisionAfter([])}/findings`, body: { recordedOn: '2025-02-10', findings: 'Chưa công khai kết quả' } },
    concludeSupervision: {
      path: `supervisions/${await supervisionAfter([])}/conclude`,
      body: { concludedOn: '2025-02-20', signsOfViolation: true, summary: 'Có dấu hiệu vi phạm' },
    },
    escalateSupervision: {
      path: `supervisions/${await supervisionAfter(withSigns)}/escalate`,
      body: { escalatedOn: '2025-02-25', grounds: 'Dấu hiệu vi phạm trong cấp đất', body: commission },
    },
    closeSupervision: { path: `supervisions/${await supervisionAfter(withSigns)}/close`, body: { closedOn: '2025-03-05' } },
    scheduleReview: {
      path: 'self-criticism-reviews',
      body: { subject: subjectOf(team), period: { from: '2024-01-01', to: '2024-12-31' }, scheduledFor: '2025-01-20' },
    },
    holdReview: { path: `self-criticism-reviews/${review}/hold`, body: { heldOn: '2025-01-20', summary: 'Chi bộ góp ý' } },
    concludeReview: { path: `self-criticism-reviews/${held}/conclude`, body: { concludedOn: '2025-01-25', conclusion: 'Hoàn thành nhiệm vụ' } },
    classifyQuality: {
      path: 'quality-classifications',
      body: { subject: subjectOf(team), year: 2024, body: committee, rating: 'good', classifiedOn: '2025-01-15' },
    },
    correctClassification: {
      path: `quality-classifications/member/${classified.id}/2024/corrections`,
      body: { rating: 'completed', reason: 'Phát hiện vi phạm', correctedOn: '2025-04-01' },
    },
    openDisciplineCase: {
      path: 'discipline-cases',
      body: { inspectionId: concluded, openedOn: '2026-04-15', subject: subjectOf(inspected), confidentialTo: body(tree.province, 'inspection-commission') },
    },
    recordViolation: { path: `discipline-cases/${await caseAfter([])}/violations`, body: violation },
    recordDeferralGround: {
      path: `discipline-cases/${await caseAfter([])}/deferral-grounds`,
      body: { ground: 'serious-illness-in-hospital', since: '2026-04-20' },
    },
    liftDeferralGround: {
      path: `discipline-cases/${await caseAfter([['deferral-grounds', { ground: 'serious-illness-in-hospital', since: '2026-04-20' }]])}/deferral-grounds/lift`,
      body: { ground: 'serious-illness-in-hospital', liftedOn: '2026-05-02' },
    },
    recordBallot: { path: `discipline-cases/${await caseAfter([])}/ballots`, body: ballot },
    imposeSanction: { path: `discipline-cases/${await caseAfter([['ballots', ballot]])}/sanction`, body: decided[1]![1] as Record<string, unknown> },
    issueLimitationExpiredNotice: {
      path: `discipline-cases/${await caseAfter([['ballots', ballot]])}/limitation-expired-notice`,
      body: { noticeNumber: '02-TB/ĐU', issuedOn: '2026-05-10', issuedBy: committee },
    },
    announceDecision: { path: `discipline-cases/${await caseAfter(decided)}/announce`, body: { announcedOn: '2026-05-12', voteResultAnnouncedOn: null } },
    minuteRefusalToReceive: { path: `discipline-cases/${await caseAfter(decided)}/refusal-to-receive`, body: { minutedOn: '2026-05-12' } },
    recordLapse: { path: `discipline-cases/${await caseAfter(inEffect)}/lapse`, body: { on: '2026-11-20' } },
    recordStateActionProposal: {
      path: `discipline-cases/${await caseAfter(inEffect)}/state-action-proposals`,
      body: { stateBody: 'Ủy ban nhân dân xã', proposedOn: '2026-05-15' },
    },
    fileAppeal: { path: 'appeals', body: await appeal(await member('Kiều Văn Lực')) },
    upholdSanction: { path: `appeals/${await appealed()}/uphold`, body: appealDecision },
    changeSanction: { path: `appeals/${await appealed()}/change`, body: { ...appealDecision, form: 'reprimand' } },
    annulSanction: { path: `appeals/${await appealed()}/annul`, body: { ...appealDecision, reason: 'Không đủ căn cứ kết luận vi phạm' } },
    createAccount: {
      path: 'accounts',
      body: { username: 'tao-moi-fuzz', password: 'tam-thoi-cap-xa-2026', grants: [{ role: 'viewer', organizationId: other.commune.id }] },
    },
    addGrant: { path: `accounts/${activeAccount.id}/grants`, body: { role: 'inspector', organizationId: other.commune.id } },
    disableAccount: { path: `accounts/${activeAccount.id}/disable`, body: { reason: 'Chuyển công tác' } },
    enableAccount: { path: `accounts/${disabledAccount.id}/enable`, body: { reason: 'Trở lại công tác' } },
    resetPassword: { path: `accounts/${activeAccount.id}/password-reset`, body: { password: 'dat-lai-cap-xa-2026' } },
    linkIdentity: { path: `accounts/${activeAccount.id}/identities`, body: { issuer: 'https://id.ubkt.example.vn/realms/ubkt', subject: 'nguyen-van-an' } },
    // With no identity provider configured, a valid body is answered 404 provider-not-configured.
    loginWithProvider: {
      path: 'auth/provider/login',
      body: { code: 'ma-tu-nha-cung-cap', codeVerifier: 'v'.repeat(43), redirectUri: 'http://localhost:3000/login/callback', nonce: 'mot-lan-duy-nhat-2026' },
    },
    // Never the caller's own current password: a change would end the session every other request goes through.
    changePassword: { path: 'auth/password', body: { currentPassword: 'not-the-current-password', newPassword: 'mua thu ha noi vang' } },
  };
}
