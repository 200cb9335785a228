import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MatchesRule } from '../platform/http/request-fields.js';
import { Allow, AUDIT_ROLES, WholeTree } from '../shared/access/policy.js';
import { Database } from '../database/database.js';
import { currentReadScope } from '../database/organization-scope.js';
import { decodeCursor, encodeCursor } from '../event-store/checkpoint-cursor.js';
import { START_OF_ALL, type EventMetadata, type GlobalCheckpoint } from '../event-store/event-store.js';
import { ApiProblemResponses } from '../platform/http/api-routes.js';
import { ProblemError, RequestValidationError } from '../platform/http/problem.js';
import { auditEventsPage, OutOfScopeError, type AuditEvent } from './audit-events.js';
import { QueryBus } from '@nestjs/cqrs';
import { ExportAuditTrail } from './audit-operations.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AuditTrailQueryDto {
  @ApiPropertyOptional({ description: 'The `next` of the page before; absent: from the first event (the newest with order=desc)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ example: 'discipline-case-7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The streams that concern the organization: its own, those its history attributes to it or its members, and its members’ own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Recorded on or after this day (record time), YYYY-MM-DD' })
  @IsOptional()
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Recorded on or before this day (record time), YYYY-MM-DD' })
  @IsOptional()
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'admin', description: 'Recorded by this actor: an account, `anonymous`, or the service itself' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ example: 'AccessDenied', description: 'Events of this type only' })
  @IsOptional()
  @MatchesRule('isEventType', /^[A-Z][A-Za-z]{0,99}$/)
  eventType?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: '`desc`: newest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class AuditExportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The organization whose streams are exported' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ format: 'date', description: 'Recorded on or after this day (record time), YYYY-MM-DD' })
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ format: 'date', description: 'Recorded on or before this day (record time), YYYY-MM-DD' })
  @MatchesRule('isDay', DAY)
  @IsISO8601({ strict: true })
  to!: string;
}

function periodInOrder(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from > query.to) {
    throw new RequestValidationError([{ field: 'from', rule: 'notAfterTo' }]);
  }
}

export class AuditTrailEntryDto {
  @ApiProperty() globalPosition!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() streamType!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'DisciplineDecisionIssued' }) type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ description: 'Who recorded it (from the token)' }) actor!: string;
  @ApiProperty({ description: 'Valid time' }) occurredAt!: string;
  @ApiProperty({ description: 'Record time (server clock)' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The rule version the event pins, from its metadata or its data' }) ruleVersion!: string | null;
  @ApiProperty({ type: String, nullable: true }) previousHash!: string | null;
  @ApiProperty() hash!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Readonly<Record<string, unknown>>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Set by the server: actor, correlation and request ids, reason, rule version' })
  metadata!: EventMetadata;
}

export class AuditTrailPageDto {
  @ApiProperty({ type: [AuditTrailEntryDto] }) items!: AuditTrailEntryDto[];
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Events matching the filter' }) total!: number;
  @ApiProperty({
    description:
      'Pass as `after` for the next page: after the last item (the `after` given when there is none). A page shorter than pageSize reached the last event committed so far',
  })
  next!: string;
}

function textOrNull(...values: unknown[]): string | null {
  const found = values.find((value) => typeof value === 'string');
  return typeof found === 'string' ? found : null;
}

function entry({ checkpoint: _checkpoint, ...event }: AuditEvent & { checkpoint: GlobalCheckpoint }): AuditTrailEntryDto {
  return {
    ...event,
    actor: textOrNull(event.metadata.actor) ?? '',
    reason: textOrNull(event.metadata.reason, event.data.reason),
    ruleVersion: textOrNull(event.metadata.ruleVersion, event.data.ruleVersion),
  };
}

@ApiTags('audit')
@ApiBearerAuth()
@Allow(...AUDIT_ROLES)
@Controller('audit')
export class AuditTrailHttp {
  constructor(
    private readonly database: Database,
    private readonly queries: QueryBus,
  ) {}

  @Get('events')
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary:
      'The audit trail: every stored event with its actor, valid and record time, reason, rule version and hash-chain links, in commit order (newest first with order=desc)',
    description:
      'Read from the event table itself (not a projection), as stored: what the hashes cover. Paged by a cursor in commit order (transaction, then position), ' +
      'which never skips an event whose transaction committed after a later-numbered one. A page shows the events committed before it was asked: ' +
      'while an older transaction is still running on the server it waits for it, up to 5 s, and then answers without the events behind it.',
  })
  @ApiOkResponse({ type: AuditTrailPageDto })
  @ApiProblemResponses(400, 401, 403)
  async events(@Query() query: AuditTrailQueryDto): Promise<AuditTrailPageDto> {
    periodInOrder(query);
    const after = query.after === undefined ? undefined : decodeCursor(query.after);
    if (query.after !== undefined && !after) throw new RequestValidationError([{ field: 'after', rule: 'cursor' }]);
    const pageSize = query.pageSize ?? 50;
    try {
      const { events, total } = await auditEventsPage(this.database.pool, currentReadScope(), query, after, pageSize, query.order);
      return { items: events.map(entry), pageSize, total, next: encodeCursor(events.at(-1)?.checkpoint ?? after ?? START_OF_ALL) };
    } catch (error) {
      if (error instanceof OutOfScopeError) throw new ProblemError(403, 'forbidden', { reason: 'audit-organization-required' });
      throw error;
    }
  }

  @Get('export')
  @WholeTree()
  @ApiOperation({
    operationId: 'exportAuditTrail',
    summary: 'Export an organization’s events of a period with the latest signed checkpoint, as JSON lines',
    description:
      'The same file as `npm run cli -- export-audit`; verify it offline with `node src/audit/offline/verify-export.mjs file.jsonl`. ' +
      'Its checkpoint lists the head of every stream: a grant over the whole tree only.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'Events, then one checkpoint line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } })
  @ApiProblemResponses(400, 401, 403)
  async export(@Query() query: AuditExportQueryDto, @Res({ passthrough: true }) response: Response): Promise<string> {
    periodInOrder(query);
    try {
      const exported = await this.queries.execute(new ExportAuditTrail(query));
      response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="audit-${query.organizationId}-${query.from}-${query.to}.jsonl"`);
      return exported.text;
    } catch (error) {
      if (error instanceof OutOfScopeError) throw new ProblemError(403, 'forbidden', { reason: 'audit-organization-required' });
      throw error;
    }
  }
}
