import { FEED_LIVE_PATH, FEED_PATH } from '../feed-routes.js';
import { PUBLIC_EVENT_TYPES, PUBLIC_EVENTS, type PublicEventType } from './public-event-types.js';
import type { JsonSchema } from './schema.js';

/**
 * The published contract, generated from the public event table: one JSON Schema per public event type and
 * the AsyncAPI document. Kept in the repository under docs/events (a test fails when they drift from the
 * code) and served at /api/v1/feed/asyncapi.
 */

export const CONTRACT_FOLDER = 'docs/events';

const CURSOR = {
  type: 'string',
  minLength: 1,
  description: 'Opaque: where this event stands in commit order. Pass it as `after` (or Last-Event-ID) to continue after it',
};

function schemaId(type: PublicEventType): string {
  return `urn:disciplina:public-event:${type}:v${PUBLIC_EVENTS[type].version}`;
}

export function schemaFileName(type: PublicEventType): string {
  return `schemas/${type}.v${PUBLIC_EVENTS[type].version}.json`;
}

/** A public event as the feed serves it: the envelope and the type's data. */
export function publicEventSchema(type: PublicEventType): JsonSchema {
  const definition = PUBLIC_EVENTS[type];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(type),
    title: type,
    description: definition.summary,
    type: 'object',
    properties: {
      eventId: { type: 'string', format: 'uuid', description: 'Unique; the same event delivered twice has the same id' },
      type: { const: type },
      schemaVersion: { const: definition.version },
      streamId: { type: 'string', description: 'The record the event belongs to (an organization, a member, a case, an appeal)' },
      streamType: { type: 'string' },
      occurredAt: { type: 'string', format: 'date-time', description: 'Valid time: when the act happened (midnight UTC opening its legal date)' },
      recordedAt: { type: 'string', format: 'date-time', description: 'Record time: when the service recorded it' },
      data: definition.data.json,
      cursor: CURSOR,
    },
    required: ['eventId', 'type', 'schemaVersion', 'streamId', 'streamType', 'occurredAt', 'recordedAt', 'data', 'cursor'],
    additionalProperties: false,
  };
}

const FEED_DESCRIPTION = [
  'Public integration events of Disciplina, distinct from its internal events: confidential discipline cases never appear,',
  "personal fields (a member's name and birth date) never appear, and after a member's personal data is erased nothing about",
  'them appears but the erasure itself. Corrections (an annulled or changed sanction, a restored membership, a restoration',
  'ordered) are events of their own.',
  '',
  `Catch-up: \`GET ${FEED_PATH}?after=<cursor>&limit=<n>\` answers \`{ "events": [...], "next": "<cursor>" }\` in commit order,`,
  'gap-free and resumable from any cursor. Live: `GET ' + FEED_LIVE_PATH + '` sends the same events as server-sent events, each',
  "with its cursor as the SSE id; reconnecting with Last-Event-ID resumes after it. Both show only the events whose organizations lie in the caller's grants.",
].join('\n');

export function asyncApiDocument(): JsonSchema {
  const messages = Object.fromEntries(PUBLIC_EVENT_TYPES.map((type) => [type, { $ref: `#/components/messages/${type}` }]));
  return {
    asyncapi: '3.0.0',
    info: { title: 'Disciplina public integration events', version: '1.0.0', description: FEED_DESCRIPTION },
    defaultContentType: 'application/json',
    channels: {
      feed: {
        address: FEED_LIVE_PATH,
        title: 'The public event feed',
        description: 'Server-sent events: `id` is the cursor, `event` the public type, `data` the event as JSON',
        messages,
      },
    },
    operations: {
      receivePublicEvents: {
        action: 'receive',
        channel: { $ref: '#/channels/feed' },
        messages: PUBLIC_EVENT_TYPES.map((type) => ({ $ref: `#/channels/feed/messages/${type}` })),
      },
    },
    components: {
      messages: Object.fromEntries(
        PUBLIC_EVENT_TYPES.map((type) => [
          type,
          { name: type, title: type, summary: PUBLIC_EVENTS[type].summary, contentType: 'application/json', payload: { $ref: `#/components/schemas/${type}` } },
        ]),
      ),
      schemas: Object.fromEntries(PUBLIC_EVENT_TYPES.map((type) => [type, withoutMeta(publicEventSchema(type))])),
    },
  };
}

function withoutMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Every generated file of the contract, by its path under CONTRACT_FOLDER, as written (two-space JSON, final newline). */
export function contractFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const write = (path: string, value: unknown) => files.set(path, `${JSON.stringify(value, null, 2)}\n`);
  write('asyncapi.json', asyncApiDocument());
  for (const type of PUBLIC_EVENT_TYPES) write(schemaFileName(type), publicEventSchema(type));
  return files;
}
