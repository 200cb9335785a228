import { Injectable } from '@nestjs/common';
import { members } from '../organizations/member.resource.js';
import { StreamCommands, type CommandData } from '../commands/stream-commands.js';
import { Appeals } from './appeal.resource.js';
import { DisciplineCases } from './discipline-case.resource.js';
import type { AppealCommand } from './domain/appeal.commands.js';
import type { DisciplineCaseCommand } from './domain/discipline-case.commands.js';
import { appealOutcomeFollowUps, effectFollowUps, type FollowUp } from './domain/follow-ups.js';

type TakingEffect = 'announceDecision' | 'minuteRefusalToReceive';
type AppealDecision = 'upholdSanction' | 'changeSanction' | 'annulSanction';

/**
 * The process step of discipline in the request: an act on one stream (a decision taking effect, an appeal
 * decided) whose follow-ups on other streams (domain/follow-ups.ts) the process manager records once the act
 * has committed (discipline-follow-ups.ts). The request still checks every follow-up against its stream
 * before it writes the act, so that a follow-up the domain would refuse refuses the act (as it did when
 * the follow-ups were written here); it writes the act alone.
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
    if (checked.state.status === 'decided') await this.checkAll(effectFollowUps(checked.state.file, checked.state.decision, checked.events));
    return this.commands.run(this.cases, caseId, version, type, data);
  }

  /** An appeal decided: the case records the outcome; an annulled expulsion gives membership back (QĐ 117). */
  async decideAppeal<T extends AppealDecision>(appealId: string, version: number | undefined, type: T, data: CommandData<AppealCommand, T>) {
    const checked = await this.commands.check(this.appeals, appealId, type, data, version);
    if (checked.state.status === 'under-review') await this.checkAll(appealOutcomeFollowUps(checked.state.appeal, checked.events));
    return this.commands.run(this.appeals, appealId, version, type, data);
  }

  /** Case first, then the appeal: a case that names an appeal whose stream was never written ignores it. */
  async fileAppeal(caseId: string, caseVersion: number, data: CommandData<AppealCommand, 'fileAppeal'>) {
    const filed = { appealId: data.appealId, filedOn: data.filedOn };
    await this.commands.check(this.appeals, null, 'fileAppeal', data);
    await this.commands.check(this.cases, caseId, 'recordAppealFiled', filed, caseVersion);
    await this.commands.run(this.cases, caseId, caseVersion, 'recordAppealFiled', filed);
    return this.commands.create(this.appeals, data.appealId, 'fileAppeal', data);
  }

  private async checkAll(followUps: readonly FollowUp[]): Promise<void> {
    for (const followUp of followUps) {
      if (followUp.type === 'recordAppealOutcome') await this.commands.check(this.cases, followUp.caseId, followUp.type, followUp.data);
      else await this.commands.check(members, followUp.memberId, followUp.type, followUp.data);
    }
  }
}
