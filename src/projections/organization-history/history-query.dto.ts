import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { MatchesRule } from '../../platform/http/request-fields.js';
import { AsOfField, KnownAtField } from '../../audit/time-axes.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { HISTORY_KINDS, type HistoryKind } from './history-kinds.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function booleanFlag({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function list({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.split(',') : value;
}

export class HistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Include the organizations below it', default: false })
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean()
  subtree?: boolean;

  @ApiPropertyOptional({ description: 'Kinds to include, comma-separated', enum: HISTORY_KINDS, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsIn(HISTORY_KINDS, { each: true })
  kind?: HistoryKind[];

  @ApiPropertyOptional({ description: 'First day (occurred-at, inclusive), YYYY-MM-DD', example: '2019-01-01' })
  @IsOptional()
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (occurred-at, inclusive), YYYY-MM-DD', example: '2019-12-31' })
  @IsOptional()
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  to?: string;

  @AsOfField()
  asOf?: string;

  @KnownAtField()
  knownAt?: string;
}

export class HistoryEntryDto {
  @ApiProperty() organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) memberId!: string | null;
  @ApiProperty({ enum: HISTORY_KINDS }) kind!: HistoryKind;
  @ApiProperty() eventType!: string;
  @ApiProperty({ description: 'Valid time: when it happened' }) occurredAt!: string;
  @ApiProperty({ description: 'Record time: when it was recorded' }) recordedAt!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) summary!: Record<string, unknown>;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'For an act of an organization merged into the one asked about (directly or through a chain of mergers): the day it joined it. Its `organizationId` stays the original one.',
  })
  joinedOn!: string | null;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items!: HistoryEntryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
