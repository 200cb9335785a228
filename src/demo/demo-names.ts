/** A small seeded generator (mulberry32): the demo is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lưu', 'Kiều', 'Đinh', 'Tạ'];
const MALE = {
  middle: ['Văn', 'Đức', 'Quang', 'Minh', 'Hữu', 'Xuân', 'Công', 'Đình'],
  given: ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Vinh'],
};
const FEMALE = {
  middle: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'],
  given: ['Anh', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Yến'],
};

export interface DemoPerson {
  readonly fullName: string;
  readonly birthDate: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Vietnamese names and birth dates (1955-1994; members are admitted at 20 or later) drawn from the seeded generator. */
export function person(random: () => number): DemoPerson {
  const names = random() < 0.6 ? MALE : FEMALE;
  const year = 1955 + Math.floor(random() * 40);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const two = (n: number) => String(n).padStart(2, '0');
  return { fullName: `${pick(random, SURNAMES)} ${pick(random, names.middle)} ${pick(random, names.given)}`, birthDate: `${year}-${two(month)}-${two(day)}` };
}
