import type { FactCount } from './statistics-acts.js';
import { statisticsFigures } from './statistics-report.js';
import { statutoryReport, type StatutoryReport } from './statutory-report.js';

const period = { from: '2019-01-01', to: '2019-12-03' };
const organization = { id: 'district', name: 'Đảng bộ huyện Bình Xuyên', level: 'district' };

function sanction(form: string, count: number, bodyKind: string, bodyLevel: string): FactCount {
  return { act: 'sanction', subjectKind: 'member', actKind: form, bodyKind, bodyLevel, count };
}

function row(report: StatutoryReport, section: string, number: string) {
  const found = report.sections.find((s) => s.number === section)?.rows.find((r) => r.number === number);
  if (!found) throw new Error(`No row ${section}.${number}`);
  return found;
}

describe('the statutory layout of the report', () => {
  // The seed article's sanctions of 2019: the district commission reprimanded 2, warned 4, expelled 3; grassroots committees reprimanded 28.
  const report = statutoryReport({
    period,
    organization,
    ...statisticsFigures([
      sanction('reprimand', 2, 'inspection-commission', 'district'),
      sanction('warning', 4, 'inspection-commission', 'district'),
      sanction('expulsion', 3, 'inspection-commission', 'district'),
      sanction('reprimand', 28, 'executive-committee', 'grassroots'),
      { act: 'appeal-outcome', subjectKind: 'member', actKind: 'annulled', bodyKind: 'standing-committee', bodyLevel: 'district', count: 1 },
    ]),
  });

  it('has the sections in the order of the form, each row one value per column', () => {
    expect(report.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      'I Kiểm tra, giám sát',
      'II Thi hành kỷ luật',
      'III Giải quyết khiếu nại kỷ luật',
      'IV Khôi phục quyền lợi khi xóa bỏ hình thức kỷ luật',
      'V Đảng viên ra khỏi Đảng',
    ]);
    for (const section of report.sections) for (const r of section.rows) expect(r.values).toHaveLength(section.columns.length);
  });

  it('lays the members disciplined out by form, then by deciding body, as the seed article reports them', () => {
    expect(report.sections[1]?.columns).toEqual(['Tổng số', 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Giải tán']);
    expect(row(report, 'II', '2')).toEqual({ number: '2', label: 'Đảng viên bị thi hành kỷ luật', values: [37, 30, 4, 0, 3, 0] });
    expect(row(report, 'II', '2.1')).toEqual({ number: '2.1', label: 'Ủy ban kiểm tra huyện ủy', values: [9, 2, 4, 0, 3, 0] });
    expect(row(report, 'II', '2.2')).toEqual({ number: '2.2', label: 'Cấp ủy cơ sở', values: [28, 28, 0, 0, 0, 0] });
  });

  it('Charter art. 39: shows appeal outcomes in their own section, the sanctions unchanged', () => {
    expect(row(report, 'III', '2').values).toEqual([1, 0, 0, 1]);
    expect(row(report, 'II', '2').values[0]).toBe(37);
  });
});
