import type { DisciplineStatistics } from './discipline-statistics.query.js';
import { RESTORATION_ITEMS } from '../../rulebook/index.js';
import { vietnameseLabel } from './statistics-csv.js';
import { APPEAL_OUTCOMES, type AppealOutcomeCounts, type FormCounts, type StatisticsFigures } from './statistics-report.js';

/** One line of a section: its number on the form (1, 1.1, ...), its Vietnamese label, one value per column. */
export interface StatutoryRow {
  readonly number: string;
  readonly label: string;
  readonly values: readonly number[];
}

export interface StatutorySection {
  readonly number: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly StatutoryRow[];
}

export interface StatutoryReport {
  readonly title: string;
  readonly period: DisciplineStatistics['period'];
  readonly organization: DisciplineStatistics['organization'];
  readonly sections: readonly StatutorySection[];
}

function capitalized(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const SANCTION_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
const SUBJECT_COLUMNS = ['Tổ chức đảng', 'Đảng viên'];

function inspectionsAndSupervisions({ inspections: i, supervisions: s }: StatisticsFigures): StatutorySection {
  const pair = (organizations: number, members: number) => [organizations, members];
  const c = i.byCommittees;
  const k = i.byInspectionCommissions;
  return {
    number: 'I',
    title: 'Kiểm tra, giám sát',
    columns: SUBJECT_COLUMNS,
    rows: [
      { number: '1', label: 'Cấp ủy, tổ chức đảng kiểm tra', values: pair(c.organizations.total, c.members.total) },
      { number: '1.1', label: 'trong đó: khi có dấu hiệu vi phạm', values: pair(c.organizations.onSignsOfViolation, c.members.onSignsOfViolation) },
      { number: '2', label: 'Cấp ủy, tổ chức đảng giám sát', values: pair(s.byCommittees.organizations.total, s.byCommittees.members.total) },
      { number: '2.1', label: 'trong đó: giám sát chuyên đề', values: pair(s.byCommittees.organizations.thematic, s.byCommittees.members.thematic) },
      { number: '3', label: 'Ủy ban kiểm tra kiểm tra', values: pair(k.organizations.total, k.members.total) },
      { number: '3.1', label: 'trong đó: khi có dấu hiệu vi phạm', values: pair(k.organizations.onSignsOfViolation, k.members.onSignsOfViolation) },
      {
        number: '4',
        label: 'Ủy ban kiểm tra giám sát',
        values: pair(s.byInspectionCommissions.organizations.total, s.byInspectionCommissions.members.total),
      },
      {
        number: '4.1',
        label: 'trong đó: giám sát chuyên đề',
        values: pair(s.byInspectionCommissions.organizations.thematic, s.byInspectionCommissions.members.thematic),
      },
    ],
  };
}

function formValues(counts: FormCounts): number[] {
  return [counts.total ?? 0, ...SANCTION_FORMS.map((form) => counts[form] ?? 0)];
}

function sanctions({ sanctions: { organizations, members } }: StatisticsFigures): StatutorySection {
  const bodies = (counts: typeof members, prefix: string): StatutoryRow[] =>
    Object.entries(counts.byDecidingBody).map(([key, byBody], index) => ({
      number: `${prefix}.${index + 1}`,
      label: capitalized(vietnameseLabel(key)),
      values: formValues(byBody),
    }));
  return {
    number: 'II',
    title: 'Thi hành kỷ luật',
    columns: ['Tổng số', 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Giải tán'],
    rows: [
      { number: '1', label: 'Tổ chức đảng bị thi hành kỷ luật', values: formValues({ ...organizations.byForm, total: organizations.total }) },
      ...bodies(organizations, '1'),
      { number: '2', label: 'Đảng viên bị thi hành kỷ luật', values: formValues({ ...members.byForm, total: members.total }) },
      ...bodies(members, '2'),
    ],
  };
}

function appeals({ appeals: { organizations, members } }: StatisticsFigures): StatutorySection {
  const values = (counts: AppealOutcomeCounts) => [counts.total, ...APPEAL_OUTCOMES.map((outcome) => counts[outcome])];
  return {
    number: 'III',
    title: 'Giải quyết khiếu nại kỷ luật',
    columns: ['Tổng số đã giải quyết', 'Chuẩn y', 'Thay đổi hình thức kỷ luật', 'Xóa bỏ hình thức kỷ luật'],
    rows: [
      { number: '1', label: 'Tổ chức đảng', values: values(organizations) },
      { number: '2', label: 'Đảng viên', values: values(members) },
    ],
  };
}

function restorations({ restorations: { members } }: StatisticsFigures): StatutorySection {
  return {
    number: 'IV',
    title: 'Khôi phục quyền lợi khi xóa bỏ hình thức kỷ luật',
    columns: ['Số lượt'],
    rows: [
      { number: '1', label: 'Tổng số lượt khôi phục', values: [members.total] },
      ...RESTORATION_ITEMS.map((item, index) => ({ number: `1.${index + 1}`, label: capitalized(vietnameseLabel(item)), values: [members.byItem[item] ?? 0] })),
    ],
  };
}

function removals({ removals: r }: StatisticsFigures): StatutorySection {
  return {
    number: 'V',
    title: 'Đảng viên ra khỏi Đảng',
    columns: ['Khai trừ', 'Xóa tên', 'Cho ra khỏi Đảng'],
    rows: [{ number: '1', label: 'Đảng viên', values: [r.expelled, r.removedFromRoll, r.released] }],
  };
}

/**
 * The figures laid out as the commissions' report form has them: sections of numbered rows and fixed
 * columns. The form itself (its number and exact rows) is not among the domain documents: these sections
 * follow what the seed article reports and the acts this service records, to be aligned with the form.
 */
export function statutoryReport(report: DisciplineStatistics): StatutoryReport {
  return {
    title: 'Báo cáo thống kê công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
    period: report.period,
    organization: report.organization,
    sections: [inspectionsAndSupervisions(report), sanctions(report), appeals(report), restorations(report), removals(report)],
  };
}
