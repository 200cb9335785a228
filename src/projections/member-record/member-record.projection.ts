import type { EntityManager } from 'typeorm';
import type { Projection } from '../projection.js';
import { DISCIPLINE_CASE_EVENT_TYPES, isOneOf, MEMBER_EVENT_TYPES, PLANNING_ACT_TYPES } from '../domain-events.js';
import { caseMemberOf, evolveMemberRecord, initialMemberRecord, type MemberRecordState } from './member-record.js';

async function memberOfStream(tx: EntityManager, streamId: string, data: Readonly<Record<string, unknown>>, type: string): Promise<string | null> {
  if (isOneOf(MEMBER_EVENT_TYPES, type) || isOneOf(PLANNING_ACT_TYPES, type)) return typeof data.memberId === 'string' ? data.memberId : null;
  const opened = caseMemberOf({ type, data });
  if (opened !== null) {
    await tx.query('INSERT INTO member_record_cases (stream_id, member_id) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING', [streamId, opened]);
    return opened;
  }
  const rows = (await tx.query('SELECT member_id FROM member_record_cases WHERE stream_id = $1', [streamId])) as { member_id: string }[];
  return rows[0]?.member_id ?? null;
}

/**
 * Issue 5's member record: the member's own stream, the discipline cases about the member and the member's
 * acts on planning lists, folded by
 * `evolveMemberRecord`; the query derives sanctions, dates and eligibility from the fold on the day asked.
 * Every event folded is also filed under the member (`member_record_events`), for the as-of records.
 */
export const memberRecordProjection: Projection = {
  name: 'member-record',
  version: 7,
  handles: [...MEMBER_EVENT_TYPES, ...DISCIPLINE_CASE_EVENT_TYPES, ...PLANNING_ACT_TYPES],
  tables: ['member_records', 'member_record_cases', 'member_record_events'],
  async evolve(tx, event) {
    const memberId = await memberOfStream(tx, event.streamId, event.data, event.type);
    if (memberId === null) return;
    await tx.query('INSERT INTO member_record_events (member_id, global_position) VALUES ($1, $2) ON CONFLICT DO NOTHING', [memberId, event.globalPosition]);
    const rows = (await tx.query('SELECT record FROM member_records WHERE member_id = $1', [memberId])) as { record: MemberRecordState }[];
    const record = evolveMemberRecord(rows[0]?.record ?? initialMemberRecord(memberId), event);
    const organizationId = record.member.status === 'not-admitted' ? null : record.member.member.organizationId;
    await tx.query(
      `INSERT INTO member_records (member_id, organization_id, record) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, record = EXCLUDED.record`,
      [memberId, organizationId, JSON.stringify(record)],
    );
  },
};
