import { Injectable } from '@nestjs/common';
import { evaluationDay, hasAxes, type TimeAxes } from '../../audit/time-axes.js';
import { currentScope } from '../../database/organization-scope.js';
import { EventStore, type RecordedEvent } from '../../event-store/event-store.js';
import { memberStreamId } from '../../organizations/domain/member.decider.js';
import { Rulebook } from '../../rulebook/index.js';
import { ServiceCalendar } from '../../shared/calendar.js';
import { isOneOf, PLANNING_ACT_TYPES } from '../domain-events.js';
import { indexedEventsKnownAt, type EventIndex } from '../indexed-replay.js';
import { ReadModels } from '../read-models.js';
import { memberRecordProjection } from './member-record.projection.js';
import {
  caseMemberOf,
  confinedTo,
  evolveMemberRecord,
  initialMemberRecord,
  memberRecordView,
  type CaseInRecord,
  type MemberRecordState,
  type MemberRecordView,
} from './member-record.js';

export class MemberNotFoundError extends Error {
  constructor(readonly memberId: string) {
    super(`No member ${memberId} is recorded`);
    this.name = 'MemberNotFoundError';
  }
}

/**
 * Keeps the member's own stream, the cases opened about the member (remembering those streams in commit
 * order) and the member's acts on planning lists.
 */
export function memberRecordFilter(memberId: string): (event: RecordedEvent) => boolean {
  const streams = new Set([memberStreamId(memberId)]);
  return (event) => {
    if (caseMemberOf(event) === memberId) streams.add(event.streamId);
    return streams.has(event.streamId) || (isOneOf(PLANNING_ACT_TYPES, event.type) && event.data.memberId === memberId);
  };
}

/** The events the member record filed under the member. */
function memberEvents(memberId: string): EventIndex {
  return { projection: memberRecordProjection, sql: 'SELECT global_position FROM member_record_events WHERE member_id = $1', parameters: [memberId] };
}

@Injectable()
export class MemberRecordQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly calendar: ServiceCalendar,
    private readonly rulebook: Rulebook,
  ) {}

  /**
   * Live: the projection's fold, evaluated today. As of: the same fold over the events within the axes,
   * those filed under the member and any committed since, evaluated on the day asked (a member unknown then
   * but known now has an empty record).
   */
  async record(memberId: string, axes: TimeAxes): Promise<MemberRecordView> {
    const day = evaluationDay(axes, this.calendar);
    if (hasAxes(axes)) {
      // The events are not walled: a caller granted part of the tree sees only members its read model shows.
      if (currentScope() !== '*' && (await this.stored(memberId)) === undefined) throw new MemberNotFoundError(memberId);
      const events = await indexedEventsKnownAt(this.readModels.dataSource, this.store, memberEvents(memberId), axes, memberRecordFilter(memberId));
      if (events.length === 0 && (await this.store.streamVersion(memberStreamId(memberId))) === 0) throw new MemberNotFoundError(memberId);
      const replayed = events.reduce(evolveMemberRecord, initialMemberRecord(memberId));
      return memberRecordView(replayed, day, this.rulebook, await this.withheld(replayed));
    }
    const record = await this.stored(memberId);
    if (!record) throw new MemberNotFoundError(memberId);
    return memberRecordView(record, day, this.rulebook, await this.withheld(record));
  }

  /** The confidential cases of the record that the caller may not read (src/shared/access/confidentiality.ts). */
  private async withheld(record: MemberRecordState): Promise<(entry: CaseInRecord) => boolean> {
    const confined = [...new Set(Object.values(record.cases).flatMap((entry) => confinedTo(entry) ?? []))];
    if (confined.length === 0) return () => false;
    const rows = (await this.readModels.query('SELECT id FROM unnest($1::text[]) AS id WHERE disciplina_confidential_visible(id)', [confined])) as {
      id: string;
    }[];
    const readable = new Set(rows.map((row) => row.id));
    return (entry) => {
      const organizationId = confinedTo(entry);
      return organizationId !== null && !readable.has(organizationId);
    };
  }

  /** The projected record, if the caller's organizations cover the member (row-level security). */
  private async stored(memberId: string): Promise<MemberRecordState | undefined> {
    const rows = (await this.readModels.read((manager) => manager.query('SELECT record FROM member_records WHERE member_id = $1', [memberId]))) as {
      record: MemberRecordState;
    }[];
    return rows[0]?.record;
  }
}
