import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { MatchesRule } from '../platform/http/request-fields.js';
import { START_OF_ALL, type EventStore, type GlobalCheckpoint, type RecordedEvent } from '../event-store/event-store.js';
import type { ServiceCalendar } from '../shared/calendar.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';

/**
 * The two axes of an auditor's question: `asOf` is valid time (what had happened by the end of that day,
 * by occurred-at), `knownAt` is record time (what the store held at that instant, by recorded-at).
 */
export interface TimeAxes {
  readonly asOf?: IsoDate;
  readonly knownAt?: Date;
}

function endOfDay(day: IsoDate): number {
  return Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
}

export function withinAxes(event: Pick<RecordedEvent, 'occurredAt' | 'recordedAt'>, axes: TimeAxes): boolean {
  if (axes.asOf !== undefined && event.occurredAt.getTime() >= endOfDay(axes.asOf)) return false;
  return axes.knownAt === undefined || event.recordedAt.getTime() <= axes.knownAt.getTime();
}

/** The day a result is evaluated on: the valid-time day asked for, else the calendar day of the record time, else today. */
export function evaluationDay(axes: TimeAxes, calendar: ServiceCalendar): IsoDate {
  return axes.asOf ?? (axes.knownAt ? calendar.dayOf(axes.knownAt) : calendar.today());
}

export function hasAxes(axes: TimeAxes): boolean {
  return axes.asOf !== undefined || axes.knownAt !== undefined;
}

/** Which events an as-of answer replays: those within both axes that `filter` keeps, seen once each and in commit order. */
export type EventFilter = (event: RecordedEvent) => boolean;

/**
 * Every committed event within both axes that `filter` keeps, in commit order (the order projections
 * apply them), from `from` on. `filter` sees each event once and in order, so it may remember streams it has kept.
 */
export async function* eventsKnownAt(
  store: EventStore,
  axes: TimeAxes,
  filter: EventFilter = () => true,
  from: GlobalCheckpoint = START_OF_ALL,
  batchSize = 1000,
): AsyncGenerator<RecordedEvent> {
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, batchSize);
    for (const event of batch.events) {
      if (withinAxes(event, axes) && filter(event)) yield event;
    }
    if (batch.events.length < batchSize) return;
    checkpoint = batch.checkpoint;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Query fields `asOf` and `knownAt`, validated alike wherever an auditor may ask "as of". */
export function AsOfField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'Valid time: only what occurred on or before this day (YYYY-MM-DD), replayed from the events', example: '2026-06-30' }),
    IsOptional(),
    MatchesRule('isDay', DAY),
    IsISO8601({ strict: true }),
  );
}

export function KnownAtField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'Record time: only what was recorded at or before this instant (ISO 8601 with a time zone), replayed from the events',
      example: '2026-07-01T00:00:00Z',
    }),
    IsOptional(),
    MatchesRule('isInstant', INSTANT),
    IsISO8601({ strict: true }),
  );
}

export function timeAxesOf(query: { readonly asOf?: string; readonly knownAt?: string }): TimeAxes {
  return {
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
    ...(query.knownAt !== undefined ? { knownAt: new Date(query.knownAt) } : {}),
  };
}
