/** The languages a refusal is worded in: English, and Vietnamese for the officers. */
export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Details = Readonly<Record<string, unknown>>;

/** The values a refusal's details name, read by its wording. */
export interface Particulars {
  /** The value at a dotted path (`decidingBody.bodyKind`) as text: '' when absent, a list joined by ", ". */
  text(path: string): string;
  has(path: string): boolean;
  /** The officers' term for an API value at that path (a sanction form, a body kind, a level), else the value. */
  term(path: string): string;
  /** The entries of a list at that path, each read the same way. */
  items(path: string): readonly Particulars[];
}

export type Template = (p: Particulars) => string;

/** One refusal in every language. */
export type Wording = Readonly<Record<Language, Template>>;

/** Vietnamese terms of the API's values that refusals name (DOMAIN.md's glossary, as the admin UI shows them). */
const VI_TERMS: Readonly<Record<string, string>> = {
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  dismissal: 'cách chức',
  expulsion: 'khai trừ',
  dissolution: 'giải tán',
  central: 'Trung ương',
  province: 'tỉnh',
  district: 'huyện',
  grassroots: 'cơ sở',
  'sub-grassroots': 'bộ phận',
  cell: 'chi bộ',
  'executive-committee': 'cấp ủy',
  'standing-committee': 'ban thường vụ',
  'inspection-commission': 'ủy ban kiểm tra',
  'central-committee': 'Ban Chấp hành Trung ương',
  politburo: 'Bộ Chính trị',
  secretariat: 'Ban Bí thư',
  'central-inspection-commission': 'Ủy ban Kiểm tra Trung ương',
  full: 'chính thức',
  probationary: 'dự bị',
  organization: 'tổ chức đảng',
  member: 'đảng viên',
  inspection: 'cuộc kiểm tra',
  supervision: 'cuộc giám sát',
  'discipline-case': 'hồ sơ kỷ luật',
  appeal: 'đơn khiếu nại',
  account: 'tài khoản',
  'self-criticism-review': 'cuộc kiểm điểm',
  'quality-classification': 'kết quả phân loại chất lượng',
  administrator: 'quản trị viên',
  'discipline-officer': 'cán bộ kiểm tra, kỷ luật',
  inspector: 'thành viên đoàn kiểm tra',
  auditor: 'kiểm toán viên',
  viewer: 'người xem',
  integration: 'hệ thống tích hợp',
};

function at(details: Details, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Details)[key] : undefined), details);
}

function asText(value: unknown, term: (value: string) => string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => asText(item, term)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : term(String(value));
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as each language writes it: `2026-04-01` in English (as the API takes it), `01/04/2026` in Vietnamese. */
function dayAsWritten(value: string, language: Language): string {
  return language === 'vi' ? value.replace(CALENDAR_DAY, '$3/$2/$1') : value;
}

export function particulars(details: Details, language: Language): Particulars {
  const term = (value: string) => (language === 'vi' ? (VI_TERMS[value] ?? value) : value);
  return {
    text: (path) => asText(at(details, path), (value) => dayAsWritten(value, language)),
    has: (path) => at(details, path) !== undefined && at(details, path) !== null,
    term: (path) => asText(at(details, path), term),
    items: (path) => {
      const list = at(details, path);
      return Array.isArray(list)
        ? list.map((item: unknown) => particulars(typeof item === 'object' && item !== null ? (item as Details) : { value: item }, language))
        : [];
    },
  };
}

/** A wording chosen by one of the details (a rule, a reason): each value has its own. */
export function byDetail<K extends string>(key: string, wordings: Readonly<Record<K, Wording>>, fallback: Wording): Wording {
  const pick = (p: Particulars): Wording => (wordings as Readonly<Record<string, Wording>>)[p.text(key)] ?? fallback;
  return { en: (p) => pick(p).en(p), vi: (p) => pick(p).vi(p) };
}
