export interface Place {
  readonly name: string;
  readonly code: string;
}

/** The district of the seed article (Vĩnh Phúc province, 2019): its 3 towns and 10 communes. */
export const PROVINCE: Place = { name: 'Đảng bộ tỉnh Vĩnh Phúc', code: 'VP' };
/** The district's code marks the demo: a database that has it has the demo. */
export const DISTRICT: Place = { name: 'Đảng bộ huyện Bình Xuyên', code: 'VP-BX' };

export const GRASSROOTS: readonly Place[] = [
  { name: 'Đảng bộ thị trấn Hương Canh', code: 'BX-HC' },
  { name: 'Đảng bộ thị trấn Gia Khánh', code: 'BX-GK' },
  { name: 'Đảng bộ thị trấn Thanh Lãng', code: 'BX-TL' },
  { name: 'Đảng bộ xã Bá Hiến', code: 'BX-BH' },
  { name: 'Đảng bộ xã Đạo Đức', code: 'BX-DD' },
  { name: 'Đảng bộ xã Hương Sơn', code: 'BX-HS' },
  { name: 'Đảng bộ xã Phú Xuân', code: 'BX-PX' },
  { name: 'Đảng bộ xã Quất Lưu', code: 'BX-QL' },
  { name: 'Đảng bộ xã Sơn Lôi', code: 'BX-SL' },
  { name: 'Đảng bộ xã Tam Hợp', code: 'BX-TH' },
  { name: 'Đảng bộ xã Tân Phong', code: 'BX-TP' },
  { name: 'Đảng bộ xã Thiện Kế', code: 'BX-TK' },
  { name: 'Đảng bộ xã Trung Mỹ', code: 'BX-TM' },
];

/** Cells of every grassroots organization (chi bộ thôn, tổ dân phố, cơ quan). */
export const CELLS = ['Chi bộ thôn Đông', 'Chi bộ thôn Đoài', 'Chi bộ cơ quan'];

/** Members elected to each body at the 2015-2020 congresses. */
export const BODY_SIZES = {
  province: { 'executive-committee': 53, 'standing-committee': 15, 'inspection-commission': 11 },
  district: { 'executive-committee': 39, 'standing-committee': 13, 'inspection-commission': 9 },
  grassroots: { 'executive-committee': 15, 'standing-committee': 5, 'inspection-commission': 5 },
} as const;

export const TOPICS = [
  'Việc thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Công tác quản lý đất đai và trật tự xây dựng',
  'Việc kê khai tài sản, thu nhập',
  'Việc thực hiện Nghị quyết Trung ương 4 khóa XII',
  'Công tác thu, nộp đảng phí',
];
