import { timeAxesOf } from '../../audit/time-axes.js';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ProblemError } from '../../platform/http/problem.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ANY_ROLE } from '../../shared/access/policy.js';
import { ApiProblemResponses } from '../../platform/http/api-routes.js';
import { QueryBus } from '@nestjs/cqrs';
import { OrganizationNotInStatisticsError, type DisciplineStatistics } from './discipline-statistics.query.js';
import { GetStatisticsReport } from './get-statistics-report.query.js';
import { toCsv } from './statistics-csv.js';
import { DisciplineStatisticsDto, StatisticsQueryDto, StatutoryReportDto, StatutoryReportQueryDto } from './statistics-query.dto.js';
import { statutoryReport, type StatutoryReport } from './statutory-report.js';

const WHAT_IS_COUNTED = [
  'Statutory statistics of inspection, supervision and discipline work (báo cáo thống kê công tác kiểm tra, giám sát, kỷ luật), ',
  "counted by the legal date of each act within [from, to], for the acts whose subject (the organization, or the member's ",
  "organization at the time) lay in the subtree of `organizationId` on the act's date: a later move or merger does not change a past ",
  'period (without `organizationId`, of every organization the caller is granted or was on that date: the whole tree for a grant over it). ',
  'Each act counts once ',
  '(lượt): an organization inspected twice counts twice.\n\n',
  '- **inspections**: when decided (quyết định kiểm tra, `decidedOn`), by the kind of the inspecting body: committees ',
  '(executive and standing committees, cells) or inspection commissions; on organizations or members; regular or on signs of violation.\n',
  '- **supervisions**: when started (`startedOn`), by the same bodies and subjects; regular or thematic.\n',
  "- **sanctions**: when the decision takes effect (announcement; a cell's on the vote result announcement), with the form ",
  'and the deciding body of the decision as issued; `members.total` is the members disciplined. Later appeal outcomes do not move it: ',
  'a sanction later annulled still counts in the period it took effect.\n',
  '- **appeals**: the outcomes of appeals (upheld, changed, annulled) when the reviewing body decides them.\n',
  '- **restorations**: what an annulment gives back (QĐ 117-QĐ/TW), each item when ordered.\n',
  '- **removals**: expulsions on the day they took effect, removals from the roll (xóa tên) and releases (cho ra khỏi Đảng) on their own dates.\n\n',
  'JSON by default; `format=csv` answers text/csv with the columns figure, breakdown, value, label_vi. Served from the ',
  '`discipline-statistics` projection: it may trail the latest commands by its lag (see /projections).',
].join('');

const STATUTORY_LAYOUT = [
  'The figures of `/reports/discipline-statistics`, counted the same way, laid out as sections of numbered rows with fixed columns ',
  '(Vietnamese labels): I inspection and supervision, II sanctions by form and deciding body, III appeal outcomes, IV restorations, ',
  'V members leaving the party. The official form is not among the domain documents: the rows follow the figures the commissions report ',
  'and are to be aligned with it.',
].join('');

@ApiTags('reports')
@ApiBearerAuth()
@Allow(...ANY_ROLE)
@Controller('reports')
export class DisciplineStatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('discipline-statistics')
  @ApiOperation({ operationId: 'disciplineStatistics', summary: 'Statutory statistics per organization subtree and period', description: WHAT_IS_COUNTED })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DisciplineStatisticsDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async statistics(@Query() query: StatisticsQueryDto, @Res({ passthrough: true }) response: Response): Promise<DisciplineStatisticsDto | string> {
    const report = await this.report(query);
    if (query.format !== 'csv') return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="discipline-statistics-${report.period.from}-${report.period.to}.csv"`);
    return toCsv(report);
  }

  @Get('discipline-statistics/statutory')
  @ApiOperation({ operationId: 'statutoryStatistics', summary: 'The same statistics in the layout of the report form', description: STATUTORY_LAYOUT })
  @ApiOkResponse({ type: StatutoryReportDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async statutory(@Query() query: StatutoryReportQueryDto): Promise<StatutoryReport> {
    return statutoryReport(await this.report(query));
  }

  private async report(query: StatutoryReportQueryDto): Promise<DisciplineStatistics> {
    try {
      return await this.queries.execute(new GetStatisticsReport({ from: query.from, to: query.to }, query.organizationId, timeAxesOf(query)));
    } catch (error) {
      if (error instanceof OrganizationNotInStatisticsError)
        throw new ProblemError(404, 'not-found', { reason: 'organization-statistics', organizationId: error.organizationId });
      throw error;
    }
  }
}
