import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MatchesRule } from '../../platform/http/request-fields.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { BODY_KINDS, type BodyKind } from '../../shared/domain/vocabulary.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const OPEN_INSPECTION_STATES = [
  'proposed',
  'decided',
  'outline-sent',
  'explanation-received',
  'verification-reported',
  'concluded',
  'conclusion-notified',
  'following-up',
] as const;
export const OPEN_CASE_STATES = ['open', 'decided', 'in-effect'] as const;

class WorkListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The acting body’s organization (for a case before any body: the subject’s organization)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: BODY_KINDS, description: 'The acting body’s kind' })
  @IsOptional()
  @IsIn(BODY_KINDS)
  bodyKind?: BodyKind;

  @ApiPropertyOptional({ format: 'date', description: 'Only items due before this day (exclusive), YYYY-MM-DD', example: '2026-12-31' })
  @IsOptional()
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  dueBefore?: string;
}

export class InspectionWorkListQueryDto extends WorkListQueryDto {
  @ApiPropertyOptional({ enum: OPEN_INSPECTION_STATES })
  @IsOptional()
  @IsIn(OPEN_INSPECTION_STATES)
  state?: (typeof OPEN_INSPECTION_STATES)[number];
}

export class CaseWorkListQueryDto extends WorkListQueryDto {
  @ApiPropertyOptional({ enum: OPEN_CASE_STATES })
  @IsOptional()
  @IsIn(OPEN_CASE_STATES)
  state?: (typeof OPEN_CASE_STATES)[number];
}

export class WorkItemDto {
  @ApiProperty({ format: 'uuid', description: 'The inspection or case id' }) id!: string;
  @ApiProperty({ example: 'inspection-0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60' }) streamId!: string;
  @ApiProperty({ example: 'decided' }) state!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ enum: BODY_KINDS, nullable: true, type: String }) bodyKind!: string | null;
  @ApiProperty({ example: { kind: 'member', memberId: '3a9c1e2b-7d4f-4e8a-b5c6-1f2e3d4c5b6a' } }) subject!: Record<string, unknown>;
  @ApiProperty({ format: 'date', type: String, nullable: true }) dueOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'inspection-conclusion',
    description:
      'What is due: inspection-conclusion, inspection-follow-up (service targets), or a case deadline: limitation, announcement, lapse, state-notice',
  })
  dueKind!: string | null;
}

export class WorkListPageDto {
  @ApiProperty({ type: [WorkItemDto] }) items!: WorkItemDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class AlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 366, default: 30, description: 'Days ahead of today (on the service calendar, in TIME_ZONE)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  within?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The organization of the acting (or reviewing) body' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class AlertDto {
  @ApiProperty({
    example: 'appeal-window',
    description: 'appeal-window, announcement, limitation, lapse, state-notice, appeal-handling, inspection-conclusion, inspection-follow-up',
  })
  kind!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: 'Due before today; a closed appeal window is not listed' }) overdue!: boolean;
  @ApiProperty() streamId!: string;
  @ApiProperty({ example: 'discipline-case' }) streamType!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: { kind: 'member', memberId: '3a9c1e2b-7d4f-4e8a-b5c6-1f2e3d4c5b6a' } }) subject!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'The rule version that set the date; null for the service’s inspection targets' }) ruleVersion!:
    string | null;
  @ApiProperty({ nullable: true, example: { document: 'Điều lệ Đảng (2011)', article: 'art. 39 cl. 7' } }) citation!: Record<string, string> | null;
  @ApiProperty() confirmed!: boolean;
}

export class AlertsDto {
  @ApiProperty({ format: 'date', description: 'Today, on the service calendar (in TIME_ZONE)' }) today!: string;
  @ApiProperty({ format: 'date', description: 'The last day included' }) until!: string;
  @ApiProperty({ type: [AlertDto] }) items!: AlertDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class PendingWorkDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: WorkListPageDto, description: 'Open inspections its bodies act on (the first 200; `total` counts them all)' })
  inspections!: WorkListPageDto;
  @ApiProperty({ type: WorkListPageDto, description: 'Open discipline cases its bodies act on (the first 200)' })
  disciplineCases!: WorkListPageDto;
  @ApiProperty({ type: AlertsDto, description: 'Every deadline still running at its bodies, appeals under review included, however far ahead (the first 200)' })
  deadlines!: AlertsDto;
}
