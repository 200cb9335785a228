import type { INestApplicationContext } from '@nestjs/common';
import { Database } from '../database/database.js';
import { members } from '../organizations/member.resource.js';
import { RequestContext, requestContext } from '../shared/request-context.js';
import { addDays } from '../rulebook/dates.js';
import type { SanctionForm } from '../shared/domain/vocabulary.js';
import { DISTRICT, GRASSROOTS, PROVINCE, TOPICS } from './binh-xuyen.js';
import { foundDistrict, foundProvince, type DemoDistrict, type DemoGrassroots, type DistrictPlan } from './demo-district.js';
import { seededRandom } from './demo-names.js';
import { DemoCommands, type Body, type Voters } from './demo-commands.js';
import { plannedCadres } from './demo-planning.js';

export const DEMO_ACTOR = 'seed-demo';
const SEED = 20191203;

export class DemoAlreadyLoadedError extends Error {
  constructor() {
    super(
      `The demo district (${DISTRICT.name}, code ${DISTRICT.code}) is already in this database: seed-demo loads it once. Use an empty DATA_DIR or database to load it again.`,
    );
    this.name = 'DemoAlreadyLoadedError';
  }
}

/** The demo is in the database when its district was founded there. */
export async function demoLoaded(app: INestApplicationContext): Promise<boolean> {
  const { rows } = await app
    .get(Database, { strict: false })
    .pool.query(`SELECT 1 FROM events WHERE event_type = 'OrganizationFounded' AND data->>'code' = $1 LIMIT 1`, [DISTRICT.code]);
  return rows.length > 0;
}

/** The i-th of n dates spread evenly from `from` over `days` days. */
function spread(i: number, n: number, from: string, days: number): string {
  return addDays(from, Math.floor((i * days) / n));
}

const VIOLATIONS: Readonly<Record<SanctionForm, readonly string[]>> = {
  reprimand: [
    'Không tham gia sinh hoạt chi bộ nhiều kỳ không có lý do',
    'Vi phạm quy định về những điều đảng viên không được làm',
    'Thiếu trách nhiệm trong quản lý đất đai ở thôn',
  ],
  warning: ['Vi phạm quy định về quản lý, sử dụng đất đai', 'Vi phạm chính sách dân số và kế hoạch hóa gia đình'],
  dismissal: ['Buông lỏng lãnh đạo để xảy ra sai phạm kéo dài'],
  expulsion: ['Bị xử lý hình sự về tội đánh bạc', 'Bị xử lý hình sự về tội lợi dụng chức vụ, quyền hạn'],
  dissolution: [],
};

const SEVERITY = {
  reprimand: 'minor',
  warning: 'serious',
  dismissal: 'very-serious',
  expulsion: 'especially-serious',
  dissolution: 'especially-serious',
} as const;

/** The work of one year, against the district and its members taken in turn from every grassroots organization. */
class DemoWork {
  private next = 0;
  private readonly leaving = new Set<string>();
  private readonly subjects: readonly { readonly id: string; readonly cellId: string; readonly grassroots: DemoGrassroots }[];
  readonly districtCommission: Voters;
  readonly districtStanding: Body;
  readonly districtCommissionBody: Body;

  constructor(
    private readonly demo: DemoCommands,
    private readonly district: DemoDistrict,
  ) {
    const g = district.grassroots;
    this.subjects = g[0]!.members.slice(1).flatMap((_, slot) => g.map((grassroots) => ({ ...grassroots.members[slot + 1]!, grassroots })));
    this.districtCommission = { organizationId: district.districtId, bodyKind: 'inspection-commission', members: 9 };
    this.districtStanding = { organizationId: district.districtId, bodyKind: 'standing-committee' };
    this.districtCommissionBody = { organizationId: district.districtId, bodyKind: 'inspection-commission' };
  }

  member() {
    const subject = this.subjects[this.next++];
    if (!subject) throw new Error('The demo district has too few members for its scenario');
    return subject;
  }

  /** A member taken for a sanction or an end of membership: never planned as a cadre. */
  memberLeaving() {
    const subject = this.member();
    this.leaving.add(subject.id);
    return subject;
  }

  /** The members the scenario never sanctions nor takes off the roll, in a fixed order. */
  staying(): string[] {
    const all = [...this.district.commissionStaff, ...this.district.grassroots.flatMap((g) => g.members.map((m) => m.id))];
    return all.filter((id) => !this.leaving.has(id));
  }

  grassrootsCommittee(grassroots: DemoGrassroots): Voters {
    return { organizationId: grassroots.id, bodyKind: 'executive-committee', members: 15 };
  }

  /** An inspection of a member on signs of violation, concluded with discipline proposed, then decided by `decidingBody`. */
  async inspectAndDiscipline(by: Body, decidingBody: Voters | 'grassroots', form: SanctionForm, proposedOn: string, number: number): Promise<string> {
    const subject = this.memberLeaving();
    const team = by.organizationId === this.district.districtId ? this.district.commissionStaff.slice(0, 2) : [subject.grassroots.members[0]!.id];
    const violation = VIOLATIONS[form][number % VIOLATIONS[form].length]!;
    const inspection = await this.demo.inspect({
      body: by,
      subject: { kind: 'member', memberId: subject.id },
      kind: 'suspected-violation',
      proposedOn,
      decisionNumber: `${number}-QĐ/UBKT`,
      teamMemberIds: team,
      grounds: 'Đơn phản ánh của nhân dân về dấu hiệu vi phạm',
      finding: { severity: SEVERITY[form], findings: violation },
    });
    return this.demo.discipline({
      memberId: subject.id,
      inspectionId: inspection.id,
      openedOn: addDays(inspection.concludedOn, 3),
      form,
      violation,
      committedOn: addDays(proposedOn, -90),
      decidingBody: decidingBody === 'grassroots' ? this.grassrootsCommittee(subject.grassroots) : decidingBody,
      cellId: subject.cellId,
      decisionNumber: `${number}-QĐ/KL`,
    });
  }

  async inspectOrganization(by: Body, organizationId: string, proposedOn: string, number: number, grounds: string, team: readonly string[]): Promise<void> {
    await this.demo.inspect({
      body: by,
      subject: { kind: 'organization', organizationId },
      kind: 'regular',
      proposedOn,
      decisionNumber: `${number}-QĐ/KT`,
      teamMemberIds: team,
      grounds,
    });
  }
}

/** Since 2016: 10 expulsions in 2018 (3 more in 2019), 5 removals from the roll and 6 releases. */
async function before2019(demo: DemoCommands, work: DemoWork): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await work.inspectAndDiscipline(work.districtCommissionBody, work.districtCommission, 'expulsion', spread(i, 10, '2018-01-15', 270), 200 + i);
  }
  for (let i = 0; i < 5; i++) {
    await demo.runner(members)(work.memberLeaving().id, 'removeFromRoll', {
      ground: 'no-activity-or-dues-3-months',
      removedOn: spread(i, 5, '2016-05-16', 880),
    });
  }
  for (let i = 0; i < 6; i++) {
    await demo.runner(members)(work.memberLeaving().id, 'releaseMember', {
      reason: 'Không còn đủ tiêu chuẩn đảng viên',
      releasedOn: spread(i, 6, '2016-08-22', 820),
    });
  }
}

async function year2019(demo: DemoCommands, district: DemoDistrict, year: DemoWork): Promise<void> {
  const g = district.grassroots;
  const staff = district.commissionStaff.slice(0, 2);
  const committeeOf = (grassroots: DemoGrassroots): Body => ({ organizationId: grassroots.id, bodyKind: 'executive-committee' });
  const commissionOf = (grassroots: DemoGrassroots): Body => ({ organizationId: grassroots.id, bodyKind: 'inspection-commission' });

  // Committees inspect 34 organizations: the district's standing committee each grassroots organization, grassroots committees 21 cells.
  for (const [i, grassroots] of g.entries()) {
    await year.inspectOrganization(
      year.districtStanding,
      grassroots.id,
      spread(i, g.length, '2019-02-11', 240),
      i + 1,
      'Việc lãnh đạo thực hiện nghị quyết đại hội đảng bộ',
      staff,
    );
  }
  const cells = [
    ...g.map((grassroots) => ({ grassroots, cellId: grassroots.cells[0]! })),
    ...g.slice(0, 8).map((grassroots) => ({ grassroots, cellId: grassroots.cells[1]! })),
  ];
  for (const [i, { grassroots, cellId }] of cells.entries()) {
    await year.inspectOrganization(
      committeeOf(grassroots),
      cellId,
      spread(i, cells.length, '2019-03-04', 220),
      i + 1,
      'Việc chấp hành Điều lệ Đảng và sinh hoạt chi bộ',
      [grassroots.members[0]!.id],
    );
  }
  // The district commission inspects 4 grassroots organizations' own inspection and discipline work.
  for (const [i, grassroots] of [g[3]!, g[6]!, g[9]!, g[12]!].entries()) {
    await year.inspectOrganization(
      year.districtCommissionBody,
      grassroots.id,
      spread(i, 4, '2019-04-08', 150),
      40 + i,
      'Việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật đảng',
      staff,
    );
  }
  // Commissions inspect 12 members on signs of violation: the district's 9 end in its own sanctions, the grassroots' 3 in reprimands by their committees.
  const districtForms: SanctionForm[] = ['reprimand', 'reprimand', 'warning', 'warning', 'warning', 'warning', 'expulsion', 'expulsion', 'expulsion'];
  for (const [i, form] of districtForms.entries()) {
    await year.inspectAndDiscipline(year.districtCommissionBody, year.districtCommission, form, spread(i, 9, '2019-02-18', 210), 10 + i);
  }
  for (let i = 0; i < 3; i++) {
    const grassroots = g[i * 4]!;
    await year.inspectAndDiscipline(commissionOf(grassroots), 'grassroots', 'reprimand', spread(i, 3, '2019-03-11', 180), 20 + i);
  }
  // 25 more reprimands by grassroots committees, in cases opened after the cells' self-criticism reviews.
  for (let i = 0; i < 25; i++) {
    const subject = year.memberLeaving();
    const openedOn = spread(i, 25, '2019-01-21', 290);
    await demo.discipline({
      memberId: subject.id,
      inspectionId: null,
      openedOn,
      form: 'reprimand',
      violation: VIOLATIONS.reprimand[i % VIOLATIONS.reprimand.length]!,
      committedOn: addDays(openedOn, -60),
      decidingBody: year.grassrootsCommittee(subject.grassroots),
      cellId: subject.cellId,
      decisionNumber: `${100 + i}-QĐ/ĐU`,
    });
  }
  // Committees supervise 19 organizations; commissions supervise 14 organizations and 48 members on topics (chuyên đề).
  const plan = 'Chương trình kiểm tra, giám sát năm 2019';
  const topic = (i: number) => TOPICS[i % TOPICS.length]!;
  for (let i = 0; i < 7; i++)
    await demo.supervise(
      year.districtStanding,
      { kind: 'organization', organizationId: g[i]!.id },
      'thematic',
      spread(i, 7, '2019-03-18', 200),
      plan,
      topic(i),
    );
  for (let i = 0; i < 12; i++)
    await demo.supervise(
      committeeOf(g[i]!),
      { kind: 'organization', organizationId: g[i]!.cells[2]! },
      'regular',
      spread(i, 12, '2019-02-25', 230),
      plan,
      null,
    );
  for (let i = 0; i < 10; i++) {
    await demo.supervise(
      year.districtCommissionBody,
      { kind: 'organization', organizationId: g[i + 3]!.id },
      'thematic',
      spread(i, 10, '2019-04-01', 200),
      plan,
      topic(i),
    );
  }
  for (let i = 0; i < 4; i++)
    await demo.supervise(
      commissionOf(g[i]!),
      { kind: 'organization', organizationId: g[i]!.cells[1]! },
      'thematic',
      spread(i, 4, '2019-05-06', 150),
      plan,
      topic(i + 1),
    );
  for (let i = 0; i < 48; i++) {
    const subject = year.member();
    const by = i < 20 ? year.districtCommissionBody : commissionOf(subject.grassroots);
    await demo.supervise(
      by,
      { kind: 'member', memberId: subject.id },
      'thematic',
      spread(i, 48, '2019-03-04', 240),
      plan,
      'Việc kê khai tài sản, thu nhập và giữ gìn tư cách đảng viên',
    );
  }
}

export interface DemoSummary {
  readonly provinceId: string;
  readonly districtId: string;
  readonly grassrootsIds: readonly string[];
  readonly members: number;
}

/** Runs `work` as `actor`, an administrator over the whole tree, as the demo's and the generator's commands are sent. */
export function asAdministrator<T>(actor: string, work: () => Promise<T>): Promise<T> {
  const context = new RequestContext(actor, actor);
  context.authenticate(actor, [{ role: 'administrator', organizationId: null }]);
  return requestContext.run(context, work);
}

/** Founds a district of the province and walks its work since 2016, its cadre planning and its 2019, as the seed article reports them. */
export async function loadDistrict(
  app: INestApplicationContext,
  demo: DemoCommands,
  random: () => number,
  provinceId: string,
  plan: DistrictPlan,
): Promise<DemoSummary> {
  const district = await foundDistrict(demo, random, provinceId, plan);
  const work = new DemoWork(demo, district);
  await before2019(demo, work);
  await year2019(demo, district, work);
  await plannedCadres(app, demo, district.districtId, work.staying());
  const members = district.commissionStaff.length + district.grassroots.reduce((sum, g) => sum + g.members.length, 0);
  return { provinceId, districtId: district.districtId, grassrootsIds: district.grassroots.map((g) => g.id), members };
}

/**
 * Loads the demo through the service's CommandBus, as the seed actor: the Bình Xuyên district with
 * its organizations and members, its work since 2016 and its cadre planning, and 2019 as the seed article reports it.
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoSummary> {
  if (await demoLoaded(app)) throw new DemoAlreadyLoadedError();
  return asAdministrator(DEMO_ACTOR, async () => {
    const demo = new DemoCommands(app);
    const provinceId = await foundProvince(demo, PROVINCE);
    return loadDistrict(app, demo, seededRandom(SEED), provinceId, { ...DISTRICT, grassroots: GRASSROOTS });
  });
}
