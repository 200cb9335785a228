import { Get, Query } from '@nestjs/common';
import { ProblemError } from '../../platform/http/problem.js';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { AsOfField, KnownAtField, timeAxesOf } from '../../audit/time-axes.js';
import { Allow, ANY_ROLE } from '../../shared/access/policy.js';
import { ApiProblemResponses, ResourceController, UuidParam } from '../../platform/http/api-routes.js';
import { MemberNotFoundError, MemberRecordQuery } from './member-record.query.js';
import type { MemberRecordView } from './member-record.js';

export class MemberRecordQueryDto {
  @AsOfField() asOf?: string;
  @KnownAtField() knownAt?: string;
}

const SANCTION_EXAMPLE = {
  caseId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  status: 'in-effect',
  form: 'warning',
  decisionNumber: '06-QĐ/ĐU',
  signedOn: '2026-05-08',
  ruleVersion: 'qd69-264-2025+qd296-2025',
  announcedOn: '2026-05-12',
  effectiveOn: '2026-05-12',
  lapsesOn: '2027-05-12',
  planningBar: { barredUntil: '2027-05-12', period: { amount: 12, unit: 'months' }, ruleVersion: 'qd69-264-2025+qd296-2025' },
};

export class MemberRecordResponse {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ example: 'full', description: 'not-admitted, probationary, full or left' }) membership!: string;
  @ApiProperty({ format: 'date', description: 'The day bars and eligibility are evaluated on: asOf, else the day of knownAt, else today' }) on!: string;
  @ApiProperty({
    description:
      'Sanctions by status on `on`: in effect, signed but awaiting announcement, lapsed (hết hiệu lực: derived from the dates, QĐ 69 art. 2 cl. 5, whether or not a lapse was recorded), annulled; each with its dates, pinned rule version and bars',
    example: { inEffect: [SANCTION_EXAMPLE], awaitingAnnouncement: [], lapsed: [], annulled: [] },
  })
  sanctions!: MemberRecordView['sanctions'];
  @ApiProperty({ description: 'Cases not yet decided, with the last day of their limitation period (thời hiệu)', example: [] })
  openCases!: MemberRecordView['openCases'];
  @ApiProperty({ type: [String] }) notDisciplinedCaseIds!: string[];
  @ApiProperty({
    description:
      'Cadre-planning eligibility (quy hoạch) on `on`, and the planning lists the member was added to: on the list or removed on `on`, with every act (added, removed, restored) and its decision',
    example: {
      eligible: false,
      barredUntil: '2027-05-12',
      reason: 'planning-bar',
      lists: [
        {
          planningListId: '6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c',
          organizationId: '5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f',
          target: 'executive-committee',
          term: { fromYear: 2025, toYear: 2030 },
          status: 'removed',
          acts: [
            { act: 'added', on: '2024-03-01', decision: '215-QĐ/HU', reason: null, disciplineDecisionId: null, appealId: null },
            {
              act: 'removed',
              on: '2026-05-12',
              decision: '12-QĐ/UBKT',
              reason: 'discipline',
              disciplineDecisionId: '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b',
              appealId: null,
            },
          ],
        },
      ],
    },
  })
  cadrePlanning!: MemberRecordView['cadrePlanning'];
}

export const MemberRecordController = () => ResourceController('members', 'Members — đảng viên');

@MemberRecordController()
export class MemberRecordHttp {
  constructor(private readonly query: MemberRecordQuery) {}

  @Get(':id/record')
  @ApiOperation({
    operationId: 'getMemberRecord',
    summary: 'A member’s discipline record: sanctions in effect, lapsed and annulled, limitation and lapse dates, cadre-planning eligibility',
    description:
      'Served from the member-record projection, evaluated today. With `asOf` (valid time) and/or `knownAt` (record time) it is ' +
      'recomputed from the events within those axes, through the same fold, and evaluated on that day.',
  })
  @ApiOkResponse({ type: MemberRecordResponse })
  @ApiProblemResponses(400, 401, 404)
  @Allow(...ANY_ROLE)
  async record(@UuidParam('id') id: string, @Query() query: MemberRecordQueryDto): Promise<MemberRecordView> {
    try {
      return await this.query.record(id, timeAxesOf(query));
    } catch (error) {
      if (error instanceof MemberNotFoundError) throw new ProblemError(404, 'not-found', { reason: 'member', memberId: error.memberId });
      throw error;
    }
  }
}
