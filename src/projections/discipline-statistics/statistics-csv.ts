import type { PlanningTarget } from '../../cadre-planning/domain/planning-list.events.js';
import type { StatisticsFigures } from './statistics-report.js';

/** Vietnamese terms of the report's keys, for the `label_vi` column. */
const VIETNAMESE: Readonly<Record<string, string>> = {
  inspections: 'Kiểm tra',
  supervisions: 'Giám sát',
  sanctions: 'Thi hành kỷ luật',
  appeals: 'Giải quyết khiếu nại kỷ luật',
  restorations: 'Khôi phục quyền lợi',
  removals: 'Đưa ra khỏi Đảng',
  cadrePlanning: 'Quy hoạch cán bộ',
  added: 'đưa vào, bổ sung quy hoạch',
  removed: 'đưa ra khỏi quy hoạch',
  restored: 'khôi phục quy hoạch',
  byList: 'theo danh sách',
  byCommittees: 'cấp ủy',
  byInspectionCommissions: 'ủy ban kiểm tra',
  organizations: 'tổ chức đảng',
  members: 'đảng viên',
  total: 'tổng số',
  regular: 'thường xuyên',
  onSignsOfViolation: 'khi có dấu hiệu vi phạm',
  thematic: 'chuyên đề',
  byForm: 'theo hình thức',
  byDecidingBody: 'theo cơ quan quyết định',
  byItem: 'theo nội dung',
  upheld: 'chuẩn y',
  changed: 'thay đổi hình thức kỷ luật',
  annulled: 'xóa bỏ hình thức kỷ luật',
  'evaluation-and-classification': 'đánh giá, xếp loại',
  'cadre-planning-eligibility': 'quy hoạch cán bộ',
  'appointment-and-nomination': 'bổ nhiệm, giới thiệu ứng cử',
  'salary-increase': 'nâng lương',
  'commendations-and-awards': 'khen thưởng',
  'post-or-equivalent': 'chức vụ hoặc chức vụ tương đương',
  'party-membership': 'đảng tịch',
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  dismissal: 'cách chức',
  expulsion: 'khai trừ',
  dissolution: 'giải tán',
  expelled: 'khai trừ',
  removedFromRoll: 'xóa tên',
  released: 'cho ra khỏi Đảng',
  cell: 'chi bộ',
  'central-committee': 'Trung ương',
  'central-inspection-commission': 'Ủy ban Kiểm tra Trung ương',
  'province-committee': 'tỉnh ủy',
  'province-inspection-commission': 'ủy ban kiểm tra tỉnh ủy',
  'district-committee': 'huyện ủy',
  'district-inspection-commission': 'ủy ban kiểm tra huyện ủy',
  'grassroots-committee': 'cấp ủy cơ sở',
  'grassroots-inspection-commission': 'ủy ban kiểm tra đảng ủy cơ sở',
  'sub-grassroots-committee': 'đảng ủy bộ phận',
};

/** What a planning list plans for, as the commissions' reports name it. */
const PLANNING_TARGETS_VI: Readonly<Record<PlanningTarget, string>> = {
  'executive-committee': 'Ban Chấp hành',
  'standing-committee': 'Ban Thường vụ',
  'key-posts': 'chức danh chủ chốt',
  'department-heads': 'lãnh đạo cấp phòng, ban',
};

export function vietnameseLabel(key: string): string {
  const list = /^([a-z-]+):(\d{4}-\d{4})$/.exec(key);
  const target = list && PLANNING_TARGETS_VI[list[1] as PlanningTarget];
  if (target) return `${target} nhiệm kỳ ${list[2]}`;
  return VIETNAMESE[key] ?? key;
}

export interface CsvRow {
  readonly figure: string;
  readonly breakdown: string;
  readonly value: number;
  readonly labelVi: string;
}

function leaves(value: unknown, path: readonly string[]): { path: readonly string[]; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/** One row per figure and breakdown, in the order of the JSON report. */
export function csvRows(figures: StatisticsFigures): CsvRow[] {
  return leaves(figures, []).map(({ path, value }) => {
    const [figure = '', ...breakdown] = path;
    return { figure, breakdown: breakdown.join('.'), value, labelVi: path.map(vietnameseLabel).join(' — ') };
  });
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(figures: StatisticsFigures): string {
  const lines = [['figure', 'breakdown', 'value', 'label_vi'], ...csvRows(figures).map((row) => [row.figure, row.breakdown, row.value, row.labelVi])];
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
