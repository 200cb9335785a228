import type { INestApplicationContext, Type } from '@nestjs/common';
import { AnnounceDecisionHttp } from '../discipline/commands/announce-decision/announce-decision.http.js';
import { ImposeSanctionHttp } from '../discipline/commands/impose-sanction/impose-sanction.http.js';
import { OpenDisciplineCaseHttp } from '../discipline/commands/open-discipline-case/open-discipline-case.http.js';
import { RecordBallotHttp } from '../discipline/commands/record-ballot/record-ballot.http.js';
import { RecordViolationHttp } from '../discipline/commands/record-violation/record-violation.http.js';
import { CloseInspectionHttp } from '../inspections/commands/close-inspection/close-inspection.http.js';
import { ConcludeInspectionHttp } from '../inspections/commands/conclude-inspection/conclude-inspection.http.js';
import { DecideInspectionHttp } from '../inspections/commands/decide-inspection/decide-inspection.http.js';
import { NotifyConclusionHttp } from '../inspections/commands/notify-conclusion/notify-conclusion.http.js';
import { ProposeInspectionHttp } from '../inspections/commands/propose-inspection/propose-inspection.http.js';
import { ReceiveExplanationHttp } from '../inspections/commands/receive-explanation/receive-explanation.http.js';
import { ReportVerificationHttp } from '../inspections/commands/report-verification/report-verification.http.js';
import { SendOutlineHttp } from '../inspections/commands/send-outline/send-outline.http.js';
import type { InspectionKind, ViolationSeverity } from '../inspections/domain/inspection.events.js';
import { addDays } from '../rulebook/dates.js';
import type { BodyKind, SanctionForm } from '../shared/domain/vocabulary.js';
import { CloseSupervisionHttp } from '../supervisions/commands/close-supervision/close-supervision.http.js';
import { ConcludeSupervisionHttp } from '../supervisions/commands/conclude-supervision/conclude-supervision.http.js';
import { RecordFindingsHttp } from '../supervisions/commands/record-findings/record-findings.http.js';
import { StartSupervisionHttp } from '../supervisions/commands/start-supervision/start-supervision.http.js';
import type { SupervisionKind } from '../supervisions/domain/supervision.events.js';

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
function ballot(stage: 'proposal' | 'decision', body: Body, heldOn: string, form: SanctionForm, members: number) {
  const forForm = stage === 'proposal' ? Math.ceil((members * 2) / 3) : Math.floor(members / 2) + 1;
  const against = Math.max(0, members - forForm - 1);
  return { stage, body, heldOn, fullMembers: members, excluded: [], present: forForm + against, votes: { [form]: forForm }, againstDiscipline: against, abstentions: 0 };
}

/**
 * The demo's acts, each run by the route handler the API runs for it (the same checks and the same
 * commands, without HTTP): inspections, supervisions and discipline cases walked from start to end.
 */
export class DemoRoutes {
  constructor(private readonly app: INestApplicationContext) {}

  route<T>(type: Type<T>): T {
    return this.app.get(type, { strict: false });
  }

  /** Propose, decide and carry out an inspection to its notified conclusion; closed unless discipline follows. */
  async inspect(plan: InspectionPlan): Promise<{ id: string; concludedOn: string }> {
    const d = (days: number) => addDays(plan.proposedOn, days);
    const { id } = await this.route(ProposeInspectionHttp).propose({ body: plan.body, subject: plan.subject, kind: plan.kind, grounds: plan.grounds, proposedOn: plan.proposedOn });
    await this.route(DecideInspectionHttp).decide(id, undefined, {
      decisionNumber: plan.decisionNumber,
      decidedOn: d(4),
      scope: plan.grounds,
      period: { from: `${Number(plan.proposedOn.slice(0, 4)) - 2}-01-01`, to: d(-1) },
      teamMemberIds: [...plan.teamMemberIds],
    });
    await this.route(SendOutlineHttp).sendOutline(id, undefined, { sentOn: d(6) });
    await this.route(ReceiveExplanationHttp).receiveExplanation(id, undefined, { receivedOn: d(16), summary: 'Báo cáo giải trình của đối tượng kiểm tra' });
    await this.route(ReportVerificationHttp).reportVerification(id, undefined, { reportedOn: d(26), draftReportSummary: 'Dự thảo báo cáo kết quả kiểm tra' });
    const finding = plan.finding;
    await this.route(ConcludeInspectionHttp).conclude(id, undefined, {
      concludedOn: d(33),
      violationFound: finding !== undefined,
      severity: finding?.severity ?? 'none',
      findings: finding?.findings ?? 'Thực hiện đúng quy định, không có vi phạm',
      recommendations: ['Tiếp tục phát huy ưu điểm, khắc phục hạn chế'],
      proposeDiscipline: finding !== undefined,
    });
    await this.route(NotifyConclusionHttp).notify(id, undefined, { notifiedOn: d(35) });
    await this.route(CloseInspectionHttp).close(id, undefined, { closedOn: d(finding ? 60 : 40) });
    return { id, concludedOn: d(33) };
  }

  async supervise(body: Body, subject: Subject, kind: SupervisionKind, startedOn: string, plan: string, topic: string | null): Promise<void> {
    const d = (days: number) => addDays(startedOn, days);
    const { id } = await this.route(StartSupervisionHttp).start({ body, subject, kind, plan, topic, startedOn });
    await this.route(RecordFindingsHttp).recordFindings(id, undefined, { recordedOn: d(20), findings: 'Cơ bản thực hiện tốt; còn một số hạn chế nhỏ' });
    await this.route(ConcludeSupervisionHttp).conclude(id, undefined, { concludedOn: d(30), signsOfViolation: false, summary: 'Không có dấu hiệu vi phạm' });
    await this.route(CloseSupervisionHttp).close(id, undefined, { closedOn: d(35) });
  }

  /** Open the case, record the violation, vote (the cell first for an expulsion), decide and announce; answers the effective date. */
  async discipline(plan: SanctionPlan): Promise<string> {
    const d = (days: number) => addDays(plan.openedOn, days);
    const { id } = await this.route(OpenDisciplineCaseHttp).open({
      ...(plan.inspectionId ? { inspectionId: plan.inspectionId } : {}),
      openedOn: plan.openedOn,
      subject: { kind: 'member', memberId: plan.memberId },
    });
    await this.route(RecordViolationHttp).record(id, undefined, { description: plan.violation, committedOn: plan.committedOn, level: plan.form, graveOffences: [], concernsTaskAssignedByHigherLevel: false });
    if (plan.form === 'expulsion') {
      await this.route(RecordBallotHttp).record(id, undefined, ballot('proposal', { organizationId: plan.cellId, bodyKind: 'cell' }, d(3), 'expulsion', 24));
    }
    const { members, ...decidingBody } = plan.decidingBody;
    await this.route(RecordBallotHttp).record(id, undefined, ballot('decision', decidingBody, d(7), plan.form, members));
    await this.route(ImposeSanctionHttp).impose(id, undefined, { form: plan.form, decidingBody, decisionNumber: plan.decisionNumber, signedOn: d(7) });
    await this.route(AnnounceDecisionHttp).announce(id, undefined, { announcedOn: d(12) });
    return d(12);
  }
}
