import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StreamCommands } from '../commands/stream-commands.js';
import type { CommandCause } from '../event-store/event-sourced-streams.js';
import { EventStore, type RecordedEvent } from '../event-store/event-store.js';
import { members } from '../organizations/member.resource.js';
import { stateThrough, versionUnlessDone, type ProcessManager } from '../projections/process-manager.js';
import { ProjectionSupervisor } from '../projections/projection-supervisor.js';
import { Appeals } from './appeal.resource.js';
import { DisciplineCases } from './discipline-case.resource.js';
import type { AppealEvent } from './domain/appeal.events.js';
import type { DisciplineCaseEvent } from './domain/discipline-case.events.js';
import { appealOutcomeFollowUps, effectFollowUps, type FollowUp } from './domain/follow-ups.js';

export const DISCIPLINE_FOLLOW_UPS = 'discipline-follow-ups';

/** The events whose follow-ups domain/follow-ups.ts derives. */
const CAUSES: readonly (DisciplineCaseEvent | AppealEvent)['type'][] = [
  'DisciplineDecisionAnnounced',
  'SanctionUpheld',
  'SanctionChanged',
  'SanctionAnnulled',
  'RestorationOrdered',
];

/**
 * The discipline process manager: once a decision taking effect or an appeal decided has committed, it
 * records the follow-ups on the member and on the case through the CommandBus, each with the causing
 * event's id as its causation. A follow-up whose stream already holds an event caused by that event is done
 * (each causing event has at most one follow-up per stream), so an event delivered again after a crash
 * changes nothing; the command is sent at the version read, so no other writer slips in between.
 */
@Injectable()
export class DisciplineFollowUps implements ProcessManager, OnModuleInit {
  readonly name = DISCIPLINE_FOLLOW_UPS;
  readonly version = 1;
  readonly handles = CAUSES;

  constructor(
    private readonly commands: StreamCommands,
    private readonly store: EventStore,
    private readonly cases: DisciplineCases,
    private readonly appeals: Appeals,
    private readonly supervisor: ProjectionSupervisor,
  ) {}

  onModuleInit(): void {
    this.supervisor.register(this);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const cause = { eventId: event.eventId, correlationId: event.metadata.correlationId };
    for (const followUp of await this.followUpsOf(event)) await this.carryOut(followUp, cause);
  }

  private async followUpsOf(event: RecordedEvent): Promise<FollowUp[]> {
    if (event.streamType === this.cases.streamType) {
      const state = await stateThrough(this.store, this.cases.decider, event);
      return state.status === 'in-effect' ? effectFollowUps(state.file, state.decision, [event as unknown as DisciplineCaseEvent]) : [];
    }
    const state = await stateThrough(this.store, this.appeals.decider, event);
    return state.status === 'none' ? [] : appealOutcomeFollowUps(state.appeal, [event as unknown as AppealEvent]);
  }

  private async carryOut(followUp: FollowUp, cause: CommandCause): Promise<void> {
    if (followUp.type === 'recordAppealOutcome') {
      const version = await versionUnlessDone(this.store, this.cases.streamId(followUp.caseId), cause);
      if (version !== undefined) await this.commands.run(this.cases, followUp.caseId, version, followUp.type, followUp.data, cause);
    } else {
      const version = await versionUnlessDone(this.store, members.streamId(followUp.memberId), cause);
      if (version !== undefined) await this.commands.run(members, followUp.memberId, version, followUp.type, followUp.data, cause);
    }
  }
}
