import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StreamCommands } from '../commands/stream-commands.js';
import { Appeals } from '../discipline/appeal.resource.js';
import { DisciplineCases } from '../discipline/discipline-case.resource.js';
import { EventSourcedStreams } from '../event-store/event-sourced-streams.js';
import { EventStore, type RecordedEvent } from '../event-store/event-store.js';
import { stateThrough, versionUnlessDone, type ProcessManager } from '../projections/process-manager.js';
import { ProjectionSupervisor } from '../projections/projection-supervisor.js';
import { Rulebook } from '../rulebook/rulebook.js';
import type { RestorationOrdered } from '../discipline/domain/appeal.events.js';
import { removalsOnEffect, restorationsOnAnnulment, type PlanningFollowUp } from './domain/planning-follow-ups.js';
import type { PlanningListState } from './domain/planning-list.state.js';
import { planningLists } from './planning-list.resource.js';

export const PLANNING_FOLLOW_UPS = 'cadre-planning-follow-ups';

/**
 * The cadre-planning process manager: once a sanction has taken effect, it takes the member off the planning
 * lists the member is on; once an annulment orders planning eligibility restored, it puts the member back on
 * the lists that sanction took them off. Each command carries the causing event's id, so an event delivered
 * again finds its follow-up done on that list and sends nothing.
 */
@Injectable()
export class PlanningFollowUps implements ProcessManager, OnModuleInit {
  readonly name = PLANNING_FOLLOW_UPS;
  readonly version = 1;
  readonly handles = ['DisciplineDecisionAnnounced', 'RestorationOrdered'];

  constructor(
    private readonly commands: StreamCommands,
    private readonly store: EventStore,
    private readonly streams: EventSourcedStreams,
    private readonly cases: DisciplineCases,
    private readonly appeals: Appeals,
    private readonly rulebook: Rulebook,
    private readonly supervisor: ProjectionSupervisor,
  ) {}

  onModuleInit(): void {
    this.supervisor.register(this);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const cause = { eventId: event.eventId, correlationId: event.metadata.correlationId };
    for (const followUp of await this.followUpsOf(event)) {
      const version = await versionUnlessDone(this.store, planningLists.streamId(followUp.planningListId), cause);
      if (version !== undefined) await this.commands.run(planningLists, followUp.planningListId, version, followUp.type, followUp.data, cause);
    }
  }

  private async followUpsOf(event: RecordedEvent): Promise<PlanningFollowUp[]> {
    if (event.type === 'RestorationOrdered') {
      const order = event.data as RestorationOrdered['data'];
      if (order.item !== 'cadre-planning-eligibility' || order.subject.kind !== 'member') return [];
      const appeal = await stateThrough(this.store, this.appeals.decider, event);
      if (appeal.status === 'none') return [];
      const { memberId } = order.subject;
      const restoration = { caseId: appeal.appeal.sanction.caseId, appealId: order.appealId, memberId, orderedOn: order.orderedOn };
      return restorationsOnAnnulment(restoration, await this.listsOf(memberId));
    }
    const state = await stateThrough(this.store, this.cases.decider, event);
    if (state.status !== 'in-effect' || state.file.subject.kind !== 'member') return [];
    const { memberId } = state.file.subject;
    const { form, decisionNumber, ruleVersion } = state.decision;
    const sanction = { caseId: state.file.caseId, memberId, form, decisionNumber, effectiveOn: state.effectiveOn, version: this.rulebook.byId(ruleVersion) };
    return removalsOnEffect(sanction, await this.listsOf(memberId));
  }

  /** The lists the member was ever added to, as they now stand. */
  private async listsOf(memberId: string): Promise<PlanningListState[]> {
    const streamIds = await this.store.streamsWith('MemberAddedToPlanning', { memberId });
    return Promise.all(streamIds.map(async (streamId) => (await this.streams.load(planningLists, streamId)).state));
  }
}
