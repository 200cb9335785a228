import { Injectable } from '@nestjs/common';
import { members } from '../organizations/member.resource.js';
import { StreamCommands, type CommandData } from '../commands/stream-commands.js';
import type { IsoDate } from '../shared/domain/vocabulary.js';
import { Appeals } from './appeal.resource.js';
import { DisciplineCases } from './discipline-case.resource.js';
import type { AppealCommand } from './domain/appeal.commands.js';
import type { DisciplineCaseCommand } from './domain/discipline-case.commands.js';
import { appealOutcomeFollowUps, effectFollowUps, type FollowUp } from './domain/follow-ups.js';

type TakingEffect = 'announceDecision' | 'minuteRefusalToReceive';
type AppealDecision = 'upholdSanction' | 'changeSanction' | 'annulSanction';

/**
 * The process step of discipline: an act on one stream (a decision taking effect, an appeal decided) and the
 * follow-ups it entails on other streams (domain/follow-ups.ts), run in the request that records the act.
 * There is no transaction across streams, so the act is checked (If-Match included) and so is every
 * follow-up before the first write; the act is written first, then the follow-ups, each re-reading its
 * stream. What can still fail between the writes is the database itself or a concurrent writer on a
 * follow-up stream: the act, the legal fact, then stands, the error is answered, and the follow-up remains
 * derivable from the act's events.
 */
@Injectable()
export class DisciplineProcess {
  constructor(
    private readonly commands: StreamCommands,
    private readonly cases: DisciplineCases,
    private readonly appeals: Appeals,
  ) {}

  /** A decision taking effect; an expulsion also ends the membership on the member's record. */
  async takeEffect<T extends TakingEffect>(caseId: string, version: number | undefined, type: T, data: CommandData<DisciplineCaseCommand, T>) {
    const checked = await this.commands.check(this.cases, caseId, type, data, version);
    const followUps = checked.state.status === 'decided' ? effectFollowUps(checked.state.file, checked.state.decision, checked.events) : [];
    return this.actThenFollowUps(() => this.commands.run(this.cases, caseId, version, type, data), followUps);
  }

  /** An appeal decided: the case records the outcome; an annulled expulsion gives membership back (QĐ 117). */
  async decideAppeal<T extends AppealDecision>(
    appealId: string,
    version: number | undefined,
    type: T,
    data: CommandData<AppealCommand, T>,
    announcedOn: IsoDate,
  ) {
    const checked = await this.commands.check(this.appeals, appealId, type, data, version);
    const followUps = checked.state.status === 'under-review' ? appealOutcomeFollowUps(checked.state.appeal, checked.events, announcedOn) : [];
    return this.actThenFollowUps(() => this.commands.run(this.appeals, appealId, version, type, data), followUps);
  }

  /** Case first, then the appeal: a case that names an appeal whose stream was never written ignores it. */
  async fileAppeal(caseId: string, caseVersion: number, data: CommandData<AppealCommand, 'fileAppeal'>) {
    const filed = { appealId: data.appealId, filedOn: data.filedOn };
    await this.commands.check(this.appeals, null, 'fileAppeal', data);
    await this.commands.check(this.cases, caseId, 'recordAppealFiled', filed, caseVersion);
    await this.commands.run(this.cases, caseId, caseVersion, 'recordAppealFiled', filed);
    return this.commands.create(this.appeals, data.appealId, 'fileAppeal', data);
  }

  private async actThenFollowUps<V>(act: () => Promise<V>, followUps: readonly FollowUp[]): Promise<V> {
    for (const followUp of followUps) await this.check(followUp);
    const view = await act();
    for (const followUp of followUps) await this.run(followUp);
    return view;
  }

  private async check(followUp: FollowUp): Promise<void> {
    if (followUp.type === 'recordAppealOutcome') await this.commands.check(this.cases, followUp.caseId, followUp.type, followUp.data);
    else await this.commands.check(members, followUp.memberId, followUp.type, followUp.data);
  }

  private async run(followUp: FollowUp): Promise<void> {
    if (followUp.type === 'recordAppealOutcome') await this.commands.run(this.cases, followUp.caseId, undefined, followUp.type, followUp.data);
    else await this.commands.run(members, followUp.memberId, undefined, followUp.type, followUp.data);
  }
}
