import { ApiProperty, OmitType } from '@nestjs/swagger';
import { AsOfField, KnownAtField } from '../../audit/time-axes.js';
import { DateField, EnumField, UuidField } from '../../platform/http/request-fields.js';

export const STATISTICS_FORMATS = ['json', 'csv'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

export class StatisticsQueryDto {
  @DateField('2019-01-01', { description: 'First day counted (legal date of the act, inclusive)' })
  from!: string;

  @DateField('2019-12-03', { description: 'Last day counted (inclusive)' })
  to!: string;

  @UuidField('5b0e6f3c-1d2a-4c8b-9e7f-0a1b2c3d4e5f', {
    optional: true,
    description: 'Count this organization and its subtree only; without it, every organization the caller is granted',
  })
  organizationId?: string;

  @AsOfField()
  asOf?: string;

  @KnownAtField()
  knownAt?: string;

  @EnumField(STATISTICS_FORMATS, 'json', { optional: true, description: 'csv: text/csv with the columns figure, breakdown, value, label_vi' })
  format?: StatisticsFormat;
}

/** The statutory layout is JSON only: the same period, subtree and time axes, without `format`. */
export class StatutoryReportQueryDto extends OmitType(StatisticsQueryDto, ['format'] as const) {}

class PeriodDto {
  @ApiProperty({ example: '2019-01-01' }) from!: string;
  @ApiProperty({ example: '2019-12-03' }) to!: string;
}

class OrganizationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Đảng bộ huyện Bình Xuyên' }) name!: string;
  @ApiProperty({ example: 'district' }) level!: string;
}

class InspectionCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Kiểm tra thường xuyên (by plan)' }) regular!: number;
  @ApiProperty({ description: 'Kiểm tra khi có dấu hiệu vi phạm' }) onSignsOfViolation!: number;
}

class SupervisionCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Giám sát thường xuyên' }) regular!: number;
  @ApiProperty({ description: 'Giám sát chuyên đề' }) thematic!: number;
}

class InspectionSubjectsDto {
  @ApiProperty({ type: InspectionCountsDto }) organizations!: InspectionCountsDto;
  @ApiProperty({ type: InspectionCountsDto }) members!: InspectionCountsDto;
}

class SupervisionSubjectsDto {
  @ApiProperty({ type: SupervisionCountsDto }) organizations!: SupervisionCountsDto;
  @ApiProperty({ type: SupervisionCountsDto }) members!: SupervisionCountsDto;
}

class InspectionsDto {
  @ApiProperty({ type: InspectionSubjectsDto, description: 'By committees (cấp ủy, standing committees, cells)' }) byCommittees!: InspectionSubjectsDto;
  @ApiProperty({ type: InspectionSubjectsDto, description: 'By inspection commissions (ủy ban kiểm tra)' }) byInspectionCommissions!: InspectionSubjectsDto;
}

class SupervisionsDto {
  @ApiProperty({ type: SupervisionSubjectsDto }) byCommittees!: SupervisionSubjectsDto;
  @ApiProperty({ type: SupervisionSubjectsDto }) byInspectionCommissions!: SupervisionSubjectsDto;
}

class SanctionCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { reprimand: 30, warning: 4, dismissal: 0, expulsion: 3 } })
  byForm!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    description: 'Keyed `<level>-committee`, `<level>-inspection-commission` or `cell`: the total and each form',
    example: {
      'district-inspection-commission': { total: 9, reprimand: 2, warning: 4, dismissal: 0, expulsion: 3 },
      'grassroots-committee': { total: 28, reprimand: 28, warning: 0, dismissal: 0, expulsion: 0 },
    },
  })
  byDecidingBody!: Record<string, Record<string, number>>;
}

class SanctionsDto {
  @ApiProperty({ type: SanctionCountsDto }) organizations!: SanctionCountsDto;
  @ApiProperty({ type: SanctionCountsDto, description: 'Members disciplined (đảng viên bị thi hành kỷ luật)' }) members!: SanctionCountsDto;
}

class AppealOutcomeCountsDto {
  @ApiProperty({ description: 'Appeals decided in the period' }) total!: number;
  @ApiProperty({ description: 'Chuẩn y' }) upheld!: number;
  @ApiProperty({ description: 'Thay đổi hình thức kỷ luật' }) changed!: number;
  @ApiProperty({ description: 'Xóa bỏ hình thức kỷ luật' }) annulled!: number;
}

class AppealsDto {
  @ApiProperty({ type: AppealOutcomeCountsDto }) organizations!: AppealOutcomeCountsDto;
  @ApiProperty({ type: AppealOutcomeCountsDto }) members!: AppealOutcomeCountsDto;
}

class RestorationCountsDto {
  @ApiProperty({ description: 'Items ordered restored in the period' }) total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { 'party-membership': 1, 'cadre-planning-eligibility': 1 } })
  byItem!: Record<string, number>;
}

class RestorationsDto {
  @ApiProperty({ type: RestorationCountsDto }) organizations!: RestorationCountsDto;
  @ApiProperty({ type: RestorationCountsDto }) members!: RestorationCountsDto;
}

class RemovalsDto {
  @ApiProperty({ description: 'Khai trừ, when the expulsion took effect' }) expelled!: number;
  @ApiProperty({ description: 'Xóa tên' }) removedFromRoll!: number;
  @ApiProperty({ description: 'Cho ra khỏi Đảng' }) released!: number;
}

class PlanningCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'By planning list, keyed `<target>:<fromYear>-<toYear>`',
    example: { 'department-heads:2015-2020': 26, 'department-heads:2020-2025': 28 },
  })
  byList!: Record<string, number>;
}

class CadrePlanningDto {
  @ApiProperty({ type: PlanningCountsDto, description: 'Đưa vào, bổ sung quy hoạch' }) added!: PlanningCountsDto;
  @ApiProperty({ type: PlanningCountsDto, description: 'Đưa ra khỏi quy hoạch (by review or by a sanction taking effect)' }) removed!: PlanningCountsDto;
  @ApiProperty({ type: PlanningCountsDto, description: 'Restored to a list after the sanction that removed the member was annulled' })
  restored!: PlanningCountsDto;
}

export class DisciplineStatisticsDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: OrganizationDto, nullable: true, description: 'The subtree counted; null for the whole tree' }) organization!: OrganizationDto | null;
  @ApiProperty({ type: InspectionsDto }) inspections!: InspectionsDto;
  @ApiProperty({ type: SupervisionsDto }) supervisions!: SupervisionsDto;
  @ApiProperty({ type: SanctionsDto }) sanctions!: SanctionsDto;
  @ApiProperty({ type: AppealsDto, description: 'Appeal outcomes (chuẩn y, thay đổi, xóa bỏ), counted when decided' }) appeals!: AppealsDto;
  @ApiProperty({ type: RestorationsDto, description: 'Restorations after annulment (QĐ 117-QĐ/TW), counted when ordered' }) restorations!: RestorationsDto;
  @ApiProperty({ type: RemovalsDto }) removals!: RemovalsDto;
  @ApiProperty({ type: CadrePlanningDto, description: 'Cadre planning (quy hoạch cán bộ) acts in the period, counted on their own dates' })
  cadrePlanning!: CadrePlanningDto;
}

class StatutoryRowDto {
  @ApiProperty({ example: '2.1', description: 'The row number on the form' }) number!: string;
  @ApiProperty({ example: 'Ủy ban kiểm tra huyện ủy' }) label!: string;
  @ApiProperty({ type: [Number], example: [9, 2, 4, 0, 3, 0], description: 'One value per column of the section' }) values!: number[];
}

class StatutorySectionDto {
  @ApiProperty({ example: 'II' }) number!: string;
  @ApiProperty({ example: 'Thi hành kỷ luật' }) title!: string;
  @ApiProperty({ type: [String], example: ['Tổng số', 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Giải tán'] }) columns!: string[];
  @ApiProperty({ type: [StatutoryRowDto] }) rows!: StatutoryRowDto[];
}

export class StatutoryReportDto {
  @ApiProperty({ example: 'Báo cáo thống kê công tác kiểm tra, giám sát và thi hành kỷ luật đảng' }) title!: string;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: OrganizationDto, nullable: true }) organization!: OrganizationDto | null;
  @ApiProperty({ type: [StatutorySectionDto] }) sections!: StatutorySectionDto[];
}
