import { Injectable } from '@nestjs/common';
import { addDays } from '../../rulebook/index.js';
import { ServiceCalendar } from '../../shared/calendar.js';
import { OrganizationNotInHistoryError } from '../organization-history/organization-history.query.js';
import { ReadModels } from '../read-models.js';
import type {
  AlertDto,
  AlertsDto,
  AlertsQueryDto,
  CaseWorkListQueryDto,
  InspectionWorkListQueryDto,
  PendingWorkDto,
  WorkItemDto,
  WorkListPageDto,
} from './work-lists.dto.js';

/** The largest page a list answers. */
const LARGEST_PAGE = 200;
/** Far enough ahead for every deadline the rules set (limitation runs up to ten years). */
const EVERY_DEADLINE_DAYS = 366 * 100;

interface WorkItemRow {
  id: string;
  stream_id: string;
  state: string;
  organization_id: string;
  body_kind: string | null;
  subject: Record<string, unknown>;
  due_on: string | null;
  due_kind: string | null;
  total: string;
}

interface AlertRow {
  kind: string;
  due_on: string;
  stream_id: string;
  stream_type: string;
  organization_id: string;
  subject: Record<string, unknown>;
  rule_version: string | null;
  citation: Record<string, string> | null;
  confirmed: boolean;
  total: string;
}

/** WHERE clauses with numbered parameters, added as the filters present. */
class Conditions {
  readonly clauses: string[] = [];
  readonly values: unknown[] = [];

  add(clause: (placeholder: string) => string, value: unknown): void {
    this.values.push(value);
    this.clauses.push(clause(`$${this.values.length}`));
  }

  where(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  page(page: number, pageSize: number): string {
    this.values.push(pageSize, (page - 1) * pageSize);
    return `LIMIT $${this.values.length - 1} OFFSET $${this.values.length}`;
  }
}

@Injectable()
export class WorkListsQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly calendar: ServiceCalendar,
  ) {}

  inspections(query: InspectionWorkListQueryDto): Promise<WorkListPageDto> {
    return this.list('work_list_inspections', 'inspection_id', query);
  }

  /** Open cases; one whose sanction has lapsed by its date is closed by time alone (QĐ 69 art. 2 cl. 5), with no act awaited. */
  disciplineCases(query: CaseWorkListQueryDto): Promise<WorkListPageDto> {
    const conditions = new Conditions();
    conditions.add(
      (p) =>
        `NOT EXISTS (SELECT 1 FROM deadline_alerts lapse WHERE lapse.stream_id = work_list_discipline_cases.stream_id AND lapse.kind = 'lapse' AND lapse.due_on <= ${p}::date)`,
      this.calendar.today(),
    );
    return this.list('work_list_discipline_cases', 'case_id', query, conditions);
  }

  private async list(
    table: string,
    idColumn: string,
    query: InspectionWorkListQueryDto | CaseWorkListQueryDto,
    conditions = new Conditions(),
  ): Promise<WorkListPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    if (query.state) conditions.add((p) => `state = ${p}`, query.state);
    if (query.organizationId) conditions.add((p) => `organization_id = ${p}`, query.organizationId);
    if (query.bodyKind) conditions.add((p) => `body_kind = ${p}`, query.bodyKind);
    if (query.dueBefore) conditions.add((p) => `due_on < ${p}::date`, query.dueBefore);
    const where = conditions.where();
    const rows = (await this.readModels.query(
      `SELECT ${idColumn} AS id, stream_id, state, organization_id, body_kind, subject, due_on::text AS due_on, due_kind, count(*) OVER () AS total
       FROM ${table} ${where} ORDER BY due_on ASC NULLS LAST, ${idColumn} ${conditions.page(page, pageSize)}`,
      conditions.values,
    )) as WorkItemRow[];
    return { items: rows.map(toWorkItem), page, pageSize, total: await this.total(table, where, conditions.values.slice(0, -2), rows) };
  }

  /**
   * Deadlines due from today up to `within` days ahead, and those already passed (overdue). What time alone
   * ends drops out after its day instead of turning overdue: a closed appeal window, a lapse (QĐ 69 art. 2 cl. 5).
   */
  alerts(query: AlertsQueryDto): Promise<AlertsDto> {
    return this.alertsWithin(query, query.within ?? 30);
  }

  /**
   * What an organization's bodies still have to do, for handing it over when its level is abolished: open
   * inspections and cases they act on, and every deadline still running there, appeals under review included.
   */
  async pendingWork(organizationId: string): Promise<PendingWorkDto> {
    const known = (await this.readModels.query('SELECT 1 FROM organization_tree WHERE organization_id = $1', [organizationId])) as unknown[];
    if (known.length === 0) throw new OrganizationNotInHistoryError(organizationId);
    const all = { organizationId, page: 1, pageSize: LARGEST_PAGE };
    return {
      organizationId,
      inspections: await this.inspections(all),
      disciplineCases: await this.disciplineCases(all),
      deadlines: await this.alertsWithin(all, EVERY_DEADLINE_DAYS),
    };
  }

  private async alertsWithin(query: AlertsQueryDto, within: number): Promise<AlertsDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const today = this.calendar.today();
    const until = addDays(today, within);
    const conditions = new Conditions();
    conditions.add((p) => `due_on <= ${p}::date`, until);
    conditions.add((p) => `(kind NOT IN ('appeal-window', 'lapse') OR due_on >= ${p}::date)`, today);
    if (query.organizationId) conditions.add((p) => `organization_id = ${p}`, query.organizationId);
    const where = conditions.where();
    const rows = (await this.readModels.query(
      `SELECT kind, due_on::text AS due_on, stream_id, stream_type, organization_id, subject, rule_version, citation, confirmed, count(*) OVER () AS total
       FROM deadline_alerts ${where} ORDER BY due_on, stream_id, kind ${conditions.page(page, pageSize)}`,
      conditions.values,
    )) as AlertRow[];
    const items = rows.map((row): AlertDto => ({
      kind: row.kind,
      dueOn: row.due_on,
      overdue: row.due_on < today,
      streamId: row.stream_id,
      streamType: row.stream_type,
      organizationId: row.organization_id,
      subject: row.subject,
      ruleVersion: row.rule_version,
      citation: row.citation,
      confirmed: row.confirmed,
    }));
    return { today, until, items, page, pageSize, total: await this.total('deadline_alerts', where, conditions.values.slice(0, -2), rows) };
  }

  /** The window count when the page has rows; a page past the end has none, so count again. */
  private async total(table: string, where: string, values: unknown[], rows: readonly { total: string }[]): Promise<number> {
    if (rows[0]) return Number(rows[0].total);
    const [row] = (await this.readModels.query(`SELECT count(*) AS total FROM ${table} ${where}`, values)) as { total: string }[];
    return Number(row?.total ?? 0);
  }
}

function toWorkItem(row: WorkItemRow): WorkItemDto {
  return {
    id: row.id,
    streamId: row.stream_id,
    state: row.state,
    organizationId: row.organization_id,
    bodyKind: row.body_kind,
    subject: row.subject,
    dueOn: row.due_on,
    dueKind: row.due_kind,
  };
}
