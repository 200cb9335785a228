import { addDays } from '../../src/rulebook/index.js';
import type { ApiClient, View } from './api-client.js';

const BODIES = [
  ['executive-committee', 12],
  ['standing-committee', 5],
  ['inspection-commission', 5],
] as const;

/**
 * A grassroots organization under `province` with the bodies discipline needs, and full members admitted
 * years ago, some holding a post.
 */
export async function foundCommune(api: ApiClient, province: View, name = 'Đảng bộ xã Bình Xuyên', code = 'BX') {
  const commune = await api.create('organizations', { level: 'grassroots', parentId: province.id, name, code, foundedOn: '2015-01-01' });
  for (const [bodyKind, membersCount] of BODIES) {
    await api.command(`organizations/${commune.id}/bodies`, { bodyKind, membersCount, establishedOn: '2020-08-01' });
  }

  async function admitFull(fullName: string, post?: string): Promise<View> {
    const admitted = await api.create('members', { organizationId: commune.id, fullName, birthDate: '1980-02-14', admittedOn: '2010-03-01' });
    const full = await api.command(`members/${admitted.id}/make-full`, { madeFullOn: '2011-03-01' });
    return post ? api.command(`members/${admitted.id}/posts`, { title: post, organizationId: commune.id, takenUpOn: '2021-01-10' }) : full;
  }

  return { commune, admitFull };
}

/**
 * A province and a commune under it (the two-tier structure after 2025), each with the bodies discipline
 * needs, and full members of the commune admitted years ago, some holding a post.
 */
export async function foundDisciplineTree(api: ApiClient) {
  const province = await api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh Vĩnh Phúc', code: 'VP', foundedOn: '1997-01-01' });
  for (const [bodyKind, membersCount] of [
    ['executive-committee', 50],
    ['standing-committee', 15],
    ['inspection-commission', 9],
  ] as const) {
    await api.command(`organizations/${province.id}/bodies`, { bodyKind, membersCount, establishedOn: '2020-08-01' });
  }
  const { commune, admitFull } = await foundCommune(api, province);
  const body = (organization: View, bodyKind: string) => ({ organizationId: organization.id, bodyKind });
  return { province, commune, admitFull, body };
}

export type DisciplineTree = Awaited<ReturnType<typeof foundDisciplineTree>>;

/**
 * A warning of `member` decided and announced in a case confidential to the province's inspection
 * commission, and the member's appeal against it, dated in the days before `today`.
 */
export async function confidentialCaseUnderAppeal(api: ApiClient, tree: DisciplineTree, member: View, today: string) {
  const daysAgo = (days: number) => addDays(today, -days);
  const commission = tree.body(tree.province, 'inspection-commission');
  const confidential = await api.create('discipline-cases', {
    openedOn: daysAgo(20),
    subject: { kind: 'member', memberId: member.id },
    confidentialTo: commission,
  });
  await api.command(`discipline-cases/${confidential.id}/violations`, { description: 'Tiết lộ tài liệu mật', committedOn: daysAgo(200), level: 'warning' });
  await api.command(`discipline-cases/${confidential.id}/ballots`, {
    stage: 'decision',
    body: commission,
    heldOn: daysAgo(12),
    excluded: [],
    abstentions: 0,
    votes: { warning: 6 },
    fullMembers: 9,
    present: 9,
    againstDiscipline: 3,
  });
  await api.command(`discipline-cases/${confidential.id}/sanction`, {
    form: 'warning',
    decidingBody: commission,
    decisionNumber: '15-QĐ/UBKTTU',
    signedOn: daysAgo(10),
  });
  await api.command(`discipline-cases/${confidential.id}/announce`, { announcedOn: daysAgo(5) });
  const appeal = await api.create('appeals', {
    caseId: confidential.id,
    appellant: { kind: 'member', memberId: member.id },
    filedOn: daysAgo(2),
    reviewingBody: tree.body(tree.province, 'standing-committee'),
  });
  return { confidential, appeal };
}

/** A body's ballot of 6 May 2026 that decides a warning: 8 of its 12 members for it, 4 against any discipline. */
export function warningBallot(body: object) {
  return {
    stage: 'decision',
    body,
    heldOn: '2026-05-06',
    fullMembers: 12,
    excluded: [],
    present: 12,
    votes: { warning: 8 },
    againstDiscipline: 4,
    abstentions: 0,
  };
}
