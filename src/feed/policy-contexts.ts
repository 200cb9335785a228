import type pg from 'pg';
import type { RecordedEvent } from '../event-store/event-store.js';
import { memberStreamId } from '../organizations/domain/member.decider.js';
import { isOneOf, MEMBER_EVENT_TYPES } from '../projections/domain-events.js';
import type { PolicyContext } from './public-events.js';

type Queryable = Pick<pg.Pool, 'query'>;

interface Opening {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

interface Placement {
  readonly streamVersion: number;
  readonly organizationId: string;
}

function field(value: unknown, name: string): string | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** The members an event may concern: named in its data or in its stream's opening event. */
function membersNamed(event: RecordedEvent, opening: Opening | undefined): string[] {
  const named = [
    field(event.data, 'memberId'),
    field(event.data.subject, 'memberId'),
    field(event.data.appellant, 'memberId'),
    field(opening?.data.subject, 'memberId'),
  ];
  return named.filter((id): id is string => id !== undefined);
}

/**
 * What `toPublicEvent` needs for each of `events`, read from the events table itself (never from a read
 * model, which may lag behind): each stream's opening event, each member's organization as of the event,
 * and which of the members concerned have had their personal data erased by now.
 */
export async function policyContexts(db: Queryable, events: readonly RecordedEvent[]): Promise<PolicyContext[]> {
  const streamIds = [...new Set(events.map((event) => event.streamId))];
  const openings = new Map<string, Opening>();
  const placements = new Map<string, Placement[]>();
  if (streamIds.length > 0) {
    const { rows } = await db.query<{ stream_id: string; stream_version: number; event_type: string; data: Record<string, unknown> }>(
      `SELECT stream_id, stream_version, event_type, data FROM events
       WHERE stream_id = ANY($1) AND (stream_version = 1 OR event_type IN ('MemberAdmitted', 'MemberTransferred'))
       ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    for (const row of rows) {
      if (row.stream_version === 1) openings.set(row.stream_id, { type: row.event_type, data: row.data });
      const organizationId = field(row.data, row.event_type === 'MemberAdmitted' ? 'organizationId' : 'toOrganizationId');
      if (isOneOf(['MemberAdmitted', 'MemberTransferred'], row.event_type) && organizationId !== undefined) {
        placements.set(row.stream_id, [...(placements.get(row.stream_id) ?? []), { streamVersion: row.stream_version, organizationId }]);
      }
    }
  }
  const members = [...new Set(events.flatMap((event) => membersNamed(event, openings.get(event.streamId))))];
  const erased = new Set<string>();
  if (members.length > 0) {
    const { rows } = await db.query<{ member_id: string }>(
      `SELECT DISTINCT data->>'memberId' AS member_id FROM events WHERE stream_id = ANY($1) AND event_type = 'PersonalDataErased'`,
      [members.map(memberStreamId)],
    );
    for (const row of rows) erased.add(row.member_id);
  }
  return events.map((event) => ({
    opening: openings.get(event.streamId),
    memberOrganizationId: isOneOf(MEMBER_EVENT_TYPES, event.type)
      ? placements
          .get(event.streamId)
          ?.filter((placement) => placement.streamVersion <= event.streamVersion)
          .at(-1)?.organizationId
      : undefined,
    isErased: (memberId: string) => erased.has(memberId),
  }));
}
