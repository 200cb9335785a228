import { Injectable } from '@nestjs/common';
import { withinAxes } from '../audit/time-axes.js';
import { EventStore } from '../event-store/event-store.js';
import { memberStreamId } from '../organizations/domain/member.decider.js';
import { evolveMemberRecord, initialMemberRecord, memberRecordView } from '../projections/member-record/member-record.js';
import { Rulebook } from '../rulebook/rulebook.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import type { PlanningStanding } from './domain/planning-list.commands.js';

/**
 * Whether a member may be planned on a day, as the member record says it as of that day: the member's own
 * stream and the cases about the member, read from the store (not from a read model that may lag behind).
 */
@Injectable()
export class MemberStanding {
  constructor(
    private readonly store: EventStore,
    private readonly rulebook: Rulebook,
  ) {}

  async planningOn(memberId: string, on: IsoDate): Promise<PlanningStanding> {
    const cases = await this.store.streamsWith('DisciplineCaseOpened', { subject: { kind: 'member', memberId } });
    const streams = await Promise.all([memberStreamId(memberId), ...cases].map((streamId) => this.store.readStream(streamId)));
    const events = streams
      .flat()
      .filter((event) => withinAxes(event, { asOf: on }))
      .sort((a, b) => a.globalPosition - b.globalPosition);
    return memberRecordView(events.reduce(evolveMemberRecord, initialMemberRecord(memberId)), on, this.rulebook).cadrePlanning;
  }
}
