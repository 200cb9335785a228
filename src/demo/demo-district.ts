import { ORGANIZATION_BODY_KINDS, type OrganizationBodyKind } from '../organizations/domain/organization.events.js';
import type { OrganizationLevel } from '../shared/domain/vocabulary.js';
import { BODY_SIZES, CELLS, type Place } from './binh-xuyen.js';
import { person } from './demo-names.js';
import type { DemoCommands } from './demo-commands.js';
import { members as memberStreams } from '../organizations/member.resource.js';
import { organizations } from '../organizations/organization.resource.js';

/** Members of each grassroots organization; the first sits on its inspection commission. */
export const MEMBERS_PER_GRASSROOTS = 10;

export interface DemoGrassroots {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly string[];
  /** Member ids with the cell each belongs to; [0] is the commission's member. */
  readonly members: readonly { readonly id: string; readonly cellId: string }[];
}

/** A district to found: its own name and code, and those of its grassroots organizations. */
export interface DistrictPlan extends Place {
  readonly grassroots: readonly Place[];
}

export interface DemoDistrict {
  readonly provinceId: string;
  readonly districtId: string;
  readonly grassroots: readonly DemoGrassroots[];
  /** The district inspection commission's staff (cơ quan UBKT Huyện ủy), who sit on its inspection teams. */
  readonly commissionStaff: readonly string[];
}

const ORGANIZATIONS_FOUNDED_ON = '1997-01-01';
const BODIES_ESTABLISHED_ON = '2015-09-01';

async function found(demo: DemoCommands, level: OrganizationLevel, name: string, code: string, foundedOn: string, parentId?: string): Promise<string> {
  const { id } = await demo.commands.createNew(organizations, 'foundOrganization', (organizationId) => ({
    organizationId,
    level,
    name,
    code,
    foundedOn,
    parentId: parentId ?? null,
  }));
  const sizes: Readonly<Partial<Record<OrganizationBodyKind, number>>> =
    level === 'province' || level === 'district' || level === 'grassroots' ? BODY_SIZES[level] : {};
  for (const bodyKind of ORGANIZATION_BODY_KINDS) {
    const membersCount = sizes[bodyKind];
    if (membersCount !== undefined) await demo.runner(organizations)(id, 'establishBody', { bodyKind, membersCount, establishedOn: BODIES_ESTABLISHED_ON });
  }
  return id;
}

async function admitFull(demo: DemoCommands, random: () => number, organizationId: string): Promise<string> {
  const someone = person(random);
  const admittedYear = Math.min(2013, Number(someone.birthDate.slice(0, 4)) + 20 + Math.floor(random() * 15));
  const { id } = await demo.commands.createNew(memberStreams, 'admitMember', (memberId) => ({
    memberId,
    organizationId,
    ...someone,
    admittedOn: `${admittedYear}-03-02`,
  }));
  await demo.runner(memberStreams)(id, 'makeMemberFull', { madeFullOn: `${admittedYear + 1}-03-09` });
  return id;
}

export function foundProvince(demo: DemoCommands, province: Place): Promise<string> {
  return found(demo, 'province', province.name, province.code, ORGANIZATIONS_FOUNDED_ON);
}

/** A district of the province with its bodies, its grassroots organizations with their cells and members. */
export async function foundDistrict(demo: DemoCommands, random: () => number, provinceId: string, plan: DistrictPlan): Promise<DemoDistrict> {
  const districtId = await found(demo, 'district', plan.name, plan.code, ORGANIZATIONS_FOUNDED_ON, provinceId);
  const staffCell = await found(demo, 'cell', 'Chi bộ Cơ quan Ủy ban Kiểm tra Huyện ủy', `${plan.code}-UBKT`, ORGANIZATIONS_FOUNDED_ON, districtId);
  const commissionStaff: string[] = [];
  for (let i = 0; i < 3; i++) commissionStaff.push(await admitFull(demo, random, staffCell));
  const grassroots: DemoGrassroots[] = [];
  for (const organization of plan.grassroots) {
    const id = await found(demo, 'grassroots', organization.name, organization.code, ORGANIZATIONS_FOUNDED_ON, districtId);
    const cells: string[] = [];
    for (const [index, cell] of CELLS.entries()) cells.push(await found(demo, 'cell', cell, `${organization.code}-${index + 1}`, ORGANIZATIONS_FOUNDED_ON, id));
    const members: { id: string; cellId: string }[] = [];
    for (let i = 0; i < MEMBERS_PER_GRASSROOTS; i++) {
      const cellId = cells[i % cells.length]!;
      members.push({ id: await admitFull(demo, random, cellId), cellId });
    }
    await demo.runner(memberStreams)(members[0]!.id, 'takeUpPost', {
      postId: demo.commands.newId(),
      committeeLevel: null,
      title: 'Ủy viên Ủy ban Kiểm tra Đảng ủy',
      organizationId: id,
      takenUpOn: '2015-07-15',
    });
    grassroots.push({ id, name: organization.name, cells, members });
  }
  return { provinceId, districtId, grassroots, commissionStaff };
}
