import { AdmitMemberHttp } from '../organizations/commands/admit-member/admit-member.http.js';
import { EstablishBodyHttp } from '../organizations/commands/establish-body/establish-body.http.js';
import { FoundOrganizationHttp } from '../organizations/commands/found-organization/found-organization.http.js';
import { MakeMemberFullHttp } from '../organizations/commands/make-member-full/make-member-full.http.js';
import { ORGANIZATION_BODY_KINDS, type OrganizationBodyKind } from '../organizations/domain/organization.events.js';
import { TakeUpPostHttp } from '../organizations/commands/take-up-post/take-up-post.http.js';
import type { OrganizationLevel } from '../shared/domain/vocabulary.js';
import { BODY_SIZES, CELLS, DISTRICT, GRASSROOTS, PROVINCE } from './binh-xuyen.js';
import { person } from './demo-names.js';
import type { DemoRoutes } from './demo-routes.js';

/** Members of each grassroots organization; the first sits on its inspection commission. */
export const MEMBERS_PER_GRASSROOTS = 10;

export interface DemoGrassroots {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly string[];
  /** Member ids with the cell each belongs to; [0] is the commission's member. */
  readonly members: readonly { readonly id: string; readonly cellId: string }[];
}

export interface DemoDistrict {
  readonly provinceId: string;
  readonly districtId: string;
  readonly grassroots: readonly DemoGrassroots[];
  /** The district inspection commission's staff (cơ quan UBKT Huyện ủy), who sit on its inspection teams. */
  readonly commissionStaff: readonly string[];
}

const BODIES_ESTABLISHED_ON = '2015-09-01';

async function found(routes: DemoRoutes, level: OrganizationLevel, name: string, code: string, foundedOn: string, parentId?: string): Promise<string> {
  const { id } = await routes.route(FoundOrganizationHttp).found({ level, name, code, foundedOn, ...(parentId ? { parentId } : {}) });
  const sizes: Readonly<Partial<Record<OrganizationBodyKind, number>>> = level === 'province' || level === 'district' || level === 'grassroots' ? BODY_SIZES[level] : {};
  for (const bodyKind of ORGANIZATION_BODY_KINDS) {
    const membersCount = sizes[bodyKind];
    if (membersCount !== undefined) await routes.route(EstablishBodyHttp).establish(id, undefined, { bodyKind, membersCount, establishedOn: BODIES_ESTABLISHED_ON });
  }
  return id;
}

async function admitFull(routes: DemoRoutes, random: () => number, organizationId: string): Promise<string> {
  const someone = person(random);
  const admittedYear = Math.min(2013, Number(someone.birthDate.slice(0, 4)) + 20 + Math.floor(random() * 15));
  const { id } = await routes.route(AdmitMemberHttp).admit({ organizationId, ...someone, admittedOn: `${admittedYear}-03-02` });
  await routes.route(MakeMemberFullHttp).makeFull(id, undefined, { madeFullOn: `${admittedYear + 1}-03-09` });
  return id;
}

/** The province, the Bình Xuyên district with its bodies, 13 grassroots organizations with their cells and members. */
export async function foundDistrict(routes: DemoRoutes, random: () => number): Promise<DemoDistrict> {
  const provinceId = await found(routes, 'province', PROVINCE.name, PROVINCE.code, PROVINCE.foundedOn);
  const districtId = await found(routes, 'district', DISTRICT.name, DISTRICT.code, DISTRICT.foundedOn, provinceId);
  const staffCell = await found(routes, 'cell', 'Chi bộ Cơ quan Ủy ban Kiểm tra Huyện ủy', 'BX-UBKT', '1997-01-01', districtId);
  const commissionStaff: string[] = [];
  for (let i = 0; i < 3; i++) commissionStaff.push(await admitFull(routes, random, staffCell));
  const grassroots: DemoGrassroots[] = [];
  for (const organization of GRASSROOTS) {
    const id = await found(routes, 'grassroots', organization.name, organization.code, '1997-01-01', districtId);
    const cells: string[] = [];
    for (const [index, cell] of CELLS.entries()) cells.push(await found(routes, 'cell', cell, `${organization.code}-${index + 1}`, '1997-01-01', id));
    const members: { id: string; cellId: string }[] = [];
    for (let i = 0; i < MEMBERS_PER_GRASSROOTS; i++) {
      const cellId = cells[i % cells.length]!;
      members.push({ id: await admitFull(routes, random, cellId), cellId });
    }
    await routes.route(TakeUpPostHttp).takeUp(members[0]!.id, undefined, {
      title: 'Ủy viên Ủy ban Kiểm tra Đảng ủy',
      organizationId: id,
      takenUpOn: '2015-07-15',
    });
    grassroots.push({ id, name: organization.name, cells, members });
  }
  return { provinceId, districtId, grassroots, commissionStaff };
}
