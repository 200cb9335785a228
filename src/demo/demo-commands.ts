import type { INestApplicationContext } from '@nestjs/common';
import { StreamCommands, type CommandData, type StreamResource } from '../commands/stream-commands.js';
import { DisciplineCases } from '../discipline/discipline-case.resource.js';
import { DisciplineDirectory } from '../discipline/discipline-directory.js';
import { DisciplineProcess } from '../discipline/discipline-process.js';
import { inspections } from '../inspections/inspection.resource.js';
import type { InspectionKind, ViolationSeverity } from '../inspections/domain/inspection.events.js';
import { subjectRef } from '../rulebook/index.js';
import { addDays } from '../rulebook/dates.js';
import type { Command, Event } from '../shared/domain/decider.js';
import type { BodyKind, SanctionForm } from '../shared/domain/vocabulary.js';
import type { SupervisionKind } from '../supervisions/domain/supervision.events.js';
import { supervisions } from '../supervisions/supervision.resource.js';

export type Body = Readonly<{ organizationId: string; bodyKind: BodyKind }>;
export type Subject = Readonly<{ kind: 'organization'; organizationId: string } | { kind: 'member'; memberId: string }>;
/** A deciding body with the number of its members who vote. */
export type Voters = Body & Readonly<{ members: number }>;

export interface InspectionPlan {
  readonly body: Body;
  readonly subject: Subject;
  readonly kind: InspectionKind;
  readonly proposedOn: string;
  readonly decisionNumber: string;
  readonly teamMemberIds: readonly string[];
  readonly grounds: string;
  /** The violation found, if any, and whether discipline is proposed (then the file stays open for the case). */
  readonly finding?: Readonly<{ severity: ViolationSeverity; findings: string }>;
}

export interface SanctionPlan {
  readonly memberId: string;
  readonly inspectionId: string | null;
  readonly openedOn: string;
  readonly form: SanctionForm;
  readonly violation: string;
  readonly committedOn: string;
  readonly decidingBody: Voters;
  /** Expulsion is first proposed by at least two thirds of the member's cell. */
  readonly cellId: string;
  readonly decisionNumber: string;
}

/** The votes of a secret ballot in which `form` passes with a bare majority of `members`, counted from the harshest form. */
function ballot<B extends Body>(stage: 'proposal' | 'decision', body: B, heldOn: string, form: SanctionForm, members: number) {
  const forForm = stage === 'proposal' ? Math.ceil((members * 2) / 3) : Math.floor(members / 2) + 1;
  const against = Math.max(0, members - forForm - 1);
  return {
    stage,
    body,
    heldOn,
    fullMembers: members,
    excluded: [],
    present: forForm + against,
    votes: { [form]: forForm },
    againstDiscipline: against,
    abstentions: 0,
  };
}

/**
 * The demo's acts, each sent on the CommandBus as the API sends it (the commands' data built from records
 * the demo created, the derived facts read by the same directories): inspections, supervisions and
 * discipline cases walked from start to end.
 */
export class DemoCommands {
  readonly commands: StreamCommands;
  private readonly cases: DisciplineCases;
  private readonly directory: DisciplineDirectory;
  private readonly process: DisciplineProcess;

  constructor(app: INestApplicationContext) {
    this.commands = app.get(StreamCommands, { strict: false });
    this.cases = app.get(DisciplineCases, { strict: false });
    this.directory = app.get(DisciplineDirectory, { strict: false });
    this.process = app.get(DisciplineProcess, { strict: false });
  }

  /** Propose, decide and carry out an inspection to its notified conclusion; closed unless discipline follows. */
  async inspect(plan: InspectionPlan): Promise<{ id: string; concludedOn: string }> {
    const d = (days: number) => addDays(plan.proposedOn, days);
    const run = this.runner(inspections);
    const { id } = await this.commands.createNew(inspections, 'proposeInspection', (inspectionId) => ({
      inspectionId,
      body: plan.body,
      subject: plan.subject,
      kind: plan.kind,
      grounds: plan.grounds,
      proposedOn: plan.proposedOn,
      escalatedFromSupervisionId: null,
    }));
    await run(id, 'decideInspection', {
      decisionNumber: plan.decisionNumber,
      decidedOn: d(4),
      scope: plan.grounds,
      period: { from: `${Number(plan.proposedOn.slice(0, 4)) - 2}-01-01`, to: d(-1) },
      teamMemberIds: [...plan.teamMemberIds],
    });
    await run(id, 'sendOutline', { sentOn: d(6) });
    await run(id, 'receiveExplanation', { receivedOn: d(16), summary: 'Báo cáo giải trình của đối tượng kiểm tra' });
    await run(id, 'reportVerification', { reportedOn: d(26), draftReportSummary: 'Dự thảo báo cáo kết quả kiểm tra' });
    const finding = plan.finding;
    await run(id, 'concludeInspection', {
      concludedOn: d(33),
      violationFound: finding !== undefined,
      severity: finding?.severity ?? 'none',
      findings: finding?.findings ?? 'Thực hiện đúng quy định, không có vi phạm',
      recommendations: ['Tiếp tục phát huy ưu điểm, khắc phục hạn chế'],
      proposeDiscipline: finding !== undefined,
    });
    await run(id, 'notifyConclusion', { notifiedOn: d(35) });
    await run(id, 'closeInspection', { closedOn: d(finding ? 60 : 40) });
    return { id, concludedOn: d(33) };
  }

  async supervise(body: Body, subject: Subject, kind: SupervisionKind, startedOn: string, plan: string, topic: string | null): Promise<void> {
    const d = (days: number) => addDays(startedOn, days);
    const run = this.runner(supervisions);
    const { id } = await this.commands.createNew(supervisions, 'startSupervision', (supervisionId) => ({
      supervisionId,
      body,
      subject,
      kind,
      plan,
      topic,
      startedOn,
    }));
    await run(id, 'recordFindings', { recordedOn: d(20), findings: 'Cơ bản thực hiện tốt; còn một số hạn chế nhỏ' });
    await run(id, 'concludeSupervision', { concludedOn: d(30), signsOfViolation: false, summary: 'Không có dấu hiệu vi phạm' });
    await run(id, 'closeSupervision', { closedOn: d(35) });
  }

  /** Open the case, record the violation, vote (the cell first for an expulsion), decide and announce; answers the effective date. */
  async discipline(plan: SanctionPlan): Promise<string> {
    const d = (days: number) => addDays(plan.openedOn, days);
    const run = this.runner(this.cases);
    const subject = await this.directory.subjectFacts('subject', { kind: 'member', memberId: plan.memberId }, plan.openedOn);
    if (plan.inspectionId !== null) await this.directory.requireDisciplineProposed(plan.inspectionId, subjectRef(subject), plan.openedOn);
    const { id } = await this.commands.createNew(this.cases, 'openDisciplineCase', (caseId) => ({
      caseId,
      openedOn: plan.openedOn,
      inspectionId: plan.inspectionId,
      subject,
      confidentialTo: null,
    }));
    await run(id, 'recordViolation', {
      violationId: this.commands.newId(),
      description: plan.violation,
      committedOn: plan.committedOn,
      level: plan.form,
      graveOffences: [],
      concernsTaskAssignedByHigherLevel: false,
    });
    if (plan.form === 'expulsion') {
      const cell = await this.directory.decidingBody('body', { organizationId: plan.cellId, bodyKind: 'cell' }, d(3));
      await run(id, 'recordBallot', { ballot: ballot('proposal', cell, d(3), 'expulsion', 24) });
    }
    const { members, ...voters } = plan.decidingBody;
    const decidingBody = await this.directory.decidingBody('decidingBody', voters, d(7));
    await run(id, 'recordBallot', { ballot: ballot('decision', decidingBody, d(7), plan.form, members) });
    await run(id, 'imposeSanction', { form: plan.form, decidingBody, decisionNumber: plan.decisionNumber, signedOn: d(7), especiallySerious: false });
    await this.process.takeEffect(id, undefined, 'announceDecision', { announcedOn: d(12), voteResultAnnouncedOn: null });
    return d(12);
  }

  /** Sends commands on existing streams of one resource, each at the version it reads. */
  runner<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>) {
    return <T extends C['type']>(id: string, type: T, data: CommandData<C, T>) => this.commands.run(resource, id, undefined, type, data);
  }
}
