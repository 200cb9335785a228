import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ReadModels } from '../read-models.js';
import { mergedInto, OrganizationNotInHistoryError } from './organization-history.query.js';

export class DirectoryOrganizationDto {
  @ApiProperty() organizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the root, or when the superior is outside the caller’s scope' })
  parentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['central', 'province', 'district', 'grassroots', 'sub-grassroots', 'cell'] }) level!: string;
}

export class OrganizationDirectoryDto {
  @ApiProperty({ type: [DirectoryOrganizationDto], description: 'Parents before their children' })
  items!: DirectoryOrganizationDto[];
}

export class DirectoryMemberDto {
  @ApiProperty() memberId!: string;
  @ApiProperty({ description: 'The organization the member is placed in: the one asked about, or one merged into it' }) organizationId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'For a member of an organization merged into the one asked about, the day it joined it; null for its own members',
  })
  joinedOn!: string | null;
}

export class OrganizationMembersDto {
  @ApiProperty({
    type: [DirectoryMemberDto],
    description: 'Members placed in the organization and in the organizations merged into it, current and former (their record says which)',
  })
  items!: DirectoryMemberDto[];
}

/** The organizations and members a caller may see, from the organization history's tree (row-level security scopes it). */
@Injectable()
export class OrganizationDirectoryQuery {
  constructor(private readonly readModels: ReadModels) {}

  async organizations(): Promise<OrganizationDirectoryDto> {
    const rows = (await this.readModels.query('SELECT organization_id, parent_id, name, level FROM organization_tree ORDER BY path')) as {
      organization_id: string;
      parent_id: string | null;
      name: string;
      level: string;
    }[];
    const visible = new Set(rows.map((row) => row.organization_id));
    return {
      items: rows.map((row) => ({
        organizationId: row.organization_id,
        parentId: row.parent_id !== null && visible.has(row.parent_id) ? row.parent_id : null,
        name: row.name,
        level: row.level,
      })),
    };
  }

  async members(organizationId: string): Promise<OrganizationMembersDto> {
    return this.readModels.read(async (manager) => {
      const known = (await manager.query('SELECT 1 FROM organization_tree WHERE organization_id = $1', [organizationId])) as unknown[];
      if (known.length === 0) throw new OrganizationNotInHistoryError(organizationId);
      const joined = new Map((await mergedInto(manager, organizationId)).map((predecessor) => [predecessor.organizationId, predecessor.joinedOn]));
      const rows = (await manager.query(
        'SELECT member_id, organization_id FROM organization_history_members WHERE organization_id = ANY ($1) ORDER BY organization_id <> $2, organization_id, member_id',
        [[organizationId, ...joined.keys()], organizationId],
      )) as { member_id: string; organization_id: string }[];
      return {
        items: rows.map((row) => ({ memberId: row.member_id, organizationId: row.organization_id, joinedOn: joined.get(row.organization_id) ?? null })),
      };
    });
  }
}
