import { Controller, Get, Headers, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { EventStore, type GlobalCheckpoint } from '../event-store/event-store.js';
import { ApiProblemResponses } from '../platform/http/api-routes.js';
import { RequestValidationError } from '../platform/http/problem.js';
import { Metrics } from '../platform/metrics/metrics.js';
import { Allow, AUDIT_ROLES, FEED_ROLES } from '../shared/access/policy.js';
import { requestContext } from '../shared/request-context.js';
import { asyncApiDocument } from './contract/documents.js';
import { PUBLIC_EVENT_TYPES } from './contract/public-event-types.js';
import { decodeCursor } from '../event-store/checkpoint-cursor.js';
import { PublicFeed, type FeedPage } from './public-feed.js';

export const MAX_FEED_LIMIT = 1000;
/** How often the live stream looks for new events when it has sent everything, and how often it says it is alive. */
const LIVE_POLL_MS = 500;
const LIVE_HEARTBEAT_MS = 15_000;
const LIVE_BATCH = 200;

export class FeedQueryDto {
  @ApiPropertyOptional({ description: 'A cursor from an earlier answer (an event’s `cursor` or `next`); absent: from the first event' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEED_LIMIT, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_LIMIT)
  limit?: number;
}

export class FeedEventDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: PUBLIC_EVENT_TYPES }) type!: string;
  @ApiProperty({ description: 'The version of the public type’s schema (docs/events/schemas)' }) schemaVersion!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() streamType!: string;
  @ApiProperty({ description: 'Valid time' }) occurredAt!: string;
  @ApiProperty({ description: 'Record time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As the public type’s schema says' }) data!: Record<string, unknown>;
  @ApiProperty({ description: 'Opaque; pass it as `after` (or Last-Event-ID) to continue after this event' }) cursor!: string;
}

export class FeedPageDto {
  @ApiProperty({ type: [FeedEventDto] }) events!: FeedEventDto[];
  @ApiProperty({ description: 'Where the next page starts: after the last event read, published or not' }) next!: string;
}

class FeedHeadDto {
  @ApiProperty({ description: 'Global position of the newest event committed', example: 5120 }) globalPosition!: number;
  @ApiProperty({ description: 'When it was recorded', example: '2026-03-02T08:15:00.000Z' }) recordedAt!: Date;
}

class FeedStatusDto {
  @ApiProperty({ type: FeedHeadDto, nullable: true, description: 'The newest event of the store, published or not; null while it is empty' })
  head!: FeedHeadDto | null;
  @ApiProperty({ description: 'Live feeds (GET /api/v1/feed/live) open on this instance now', example: 2 }) liveConnections!: number;
}

function checkpoint(cursor: string | undefined, field: string): GlobalCheckpoint {
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new RequestValidationError([{ field, rule: 'cursor' }]);
  return decoded;
}

@ApiTags('feed')
@ApiBearerAuth()
@Allow(...FEED_ROLES)
@Controller('feed')
export class FeedHttp {
  private readonly logger = new Logger(FeedHttp.name);
  private liveConnections = 0;

  constructor(
    private readonly feed: PublicFeed,
    private readonly store: EventStore,
    private readonly metrics: Metrics,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'readFeed',
    summary: 'The public integration events after a cursor, in commit order, within the caller’s organizations',
    description:
      'Gap-free: an event whose transaction commits late is never passed over; resumable from any cursor. Confidential cases and personal fields never appear. ' +
      'Each type’s schema: docs/events/schemas, and the AsyncAPI document at /api/v1/feed/asyncapi. An empty page still moves `next` past events the caller may not see.',
  })
  @ApiOkResponse({ type: FeedPageDto })
  @ApiProblemResponses(400, 401, 403)
  async read(@Query() query: FeedQueryDto): Promise<FeedPage> {
    const page = await this.feed.page(checkpoint(query.after, 'after'), query.limit ?? 100, requestContext.current()?.grants ?? []);
    this.observeLag('page', page);
    return page;
  }

  @Get('live')
  @ApiOperation({
    operationId: 'followFeed',
    summary: 'The same events as server-sent events, as they are recorded',
    description:
      'Each message: `id` the event’s cursor, `event` its public type, `data` the event as JSON (as in the catch-up feed). Reconnect with Last-Event-ID (or `after`) to resume after the last one received.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The cursor of the last event received' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'A stream that stays open', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiProblemResponses(400, 401, 403)
  async live(@Query() query: FeedQueryDto, @Headers('last-event-id') lastEventId: string | undefined, @Res() response: Response): Promise<void> {
    let cursor = lastEventId === undefined ? checkpoint(query.after, 'after') : checkpoint(lastEventId, 'Last-Event-ID');
    const grants = requestContext.current()?.grants ?? [];
    let open = true;
    response.on('close', () => (open = false));
    response.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    let quietSince = Date.now();
    // Every exit of the loop passes here: a failure inside it ends the loop, not the method.
    this.liveConnections += 1;
    while (open) {
      try {
        const page = await this.feed.page(cursor, LIVE_BATCH, grants);
        for (const event of page.events) response.write(`id: ${event.cursor}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        this.observeLag('live', page);
        cursor = checkpoint(page.next, 'next');
        if (page.events.length > 0) quietSince = Date.now();
        if (Date.now() - quietSince >= LIVE_HEARTBEAT_MS) {
          response.write(': alive\n\n');
          quietSince = Date.now();
        }
        if (page.events.length < LIVE_BATCH) await new Promise((resolve) => setTimeout(resolve, LIVE_POLL_MS));
      } catch (error) {
        // The client reconnects with the last id it received and loses nothing.
        this.logger.warn(`Live feed ended: ${(error as Error).message}`);
        break;
      }
    }
    this.liveConnections -= 1;
    response.end();
  }

  @Get('asyncapi')
  @ApiOperation({ operationId: 'feedAsyncApi', summary: 'The AsyncAPI document of the public integration events (also in docs/events/asyncapi.json)' })
  @ApiOkResponse({ description: 'AsyncAPI 3.0', content: { 'application/json': { schema: { type: 'object' } } } })
  @ApiProblemResponses(401, 403)
  asyncApi(): Record<string, unknown> {
    return asyncApiDocument();
  }

  @Get('status')
  @Allow(...AUDIT_ROLES)
  @ApiOperation({ operationId: 'getFeedStatus', summary: 'How far the store reaches, and how many live feeds this instance serves now' })
  @ApiOkResponse({ type: FeedStatusDto })
  @ApiProblemResponses(401, 403)
  async status(): Promise<FeedStatusDto> {
    const head = await this.store.head();
    return { head: head && { globalPosition: head.globalPosition, recordedAt: head.recordedAt }, liveConnections: this.liveConnections };
  }

  private observeLag(route: 'page' | 'live', page: FeedPage): void {
    const newest = page.events.at(-1);
    if (newest) this.metrics.feedLag.observe({ route }, (Date.now() - Date.parse(newest.recordedAt)) / 1000);
  }
}
