import type { INestApplicationContext } from '@nestjs/common';
import { EventStore } from '../event-store/event-store.js';
import type { Place } from './binh-xuyen.js';
import { foundProvince, type DistrictPlan } from './demo-district.js';
import { DemoCommands } from './demo-commands.js';
import { seededRandom } from './demo-names.js';
import { asAdministrator, loadDistrict } from './seed-demo.js';

export const GENERATOR_ACTOR = 'generator';
const SEED = 20260101;
export const DISTRICTS_PER_PROVINCE = 12;
const GRASSROOTS_PER_DISTRICT = 13;

const PLACE_WORDS = [
  'An',
  'Bình',
  'Đông',
  'Hòa',
  'Hưng',
  'Lạc',
  'Long',
  'Minh',
  'Nam',
  'Phú',
  'Phúc',
  'Sơn',
  'Tân',
  'Thanh',
  'Thịnh',
  'Trung',
  'Vĩnh',
  'Xuân',
  'Yên',
];

function placeName(random: () => number): string {
  const word = () => PLACE_WORDS[Math.floor(random() * PLACE_WORDS.length)]!;
  return `${word()} ${word()}`;
}

/** The n-th province of the generated tree (0-based). */
export function provinceOf(n: number): Place {
  return { name: `Đảng bộ tỉnh ${placeName(seededRandom(SEED + n))}`, code: `T${n + 1}` };
}

/** The n-th district of the generated tree (0-based): numbered codes, names drawn from the seeded generator. */
export function districtOf(n: number): DistrictPlan {
  const random = seededRandom(SEED + 1000 + n);
  const code = `T${Math.floor(n / DISTRICTS_PER_PROVINCE) + 1}-H${(n % DISTRICTS_PER_PROVINCE) + 1}`;
  return {
    name: `Đảng bộ huyện ${placeName(random)}`,
    code,
    grassroots: Array.from({ length: GRASSROOTS_PER_DISTRICT }, (_, i) => ({
      name: `Đảng bộ ${i < 3 ? 'thị trấn' : 'xã'} ${placeName(random)}`,
      code: `${code}-X${i + 1}`,
    })),
  };
}

/** Where a run starts: after the provinces that earlier runs generated in this store. */
async function firstUnfoundedProvince(store: EventStore): Promise<number> {
  let n = 0;
  while ((await store.streamsWith('OrganizationFounded', { level: 'province', code: provinceOf(n).code })).length > 0) n++;
  return n;
}

export interface GenerateOptions {
  /** Stops founding districts once the store has grown by this many events. */
  readonly events: number;
  /** Districts loaded at once. */
  readonly concurrency: number;
  readonly onProgress?: (appended: number) => void;
}

export interface GenerateSummary {
  readonly provinces: number;
  readonly districts: number;
  readonly events: number;
}

/**
 * Grows the store by at least `events` events through the service's CommandBus, as the generator actor:
 * provinces of 12 districts after those earlier runs generated, each district founded with 13 grassroots
 * organizations, their cells and 130 members, then worked as the seed article's district was (2016 to 2019,
 * cadre planning included). Districts in flight when the target is reached are finished, so a run overshoots
 * by less than one district (about 1,600 events) per worker.
 */
export async function generate(app: INestApplicationContext, options: GenerateOptions): Promise<GenerateSummary> {
  const store = app.get(EventStore, { strict: false });
  const position = async () => (await store.head())?.globalPosition ?? 0;
  const start = await position();
  const demo = new DemoCommands(app);
  const provinces = new Map<number, Promise<string>>();
  const firstProvince = await firstUnfoundedProvince(store);
  let next = firstProvince * DISTRICTS_PER_PROVINCE;
  let appended = 0;
  const worker = async () => {
    while (appended < options.events) {
      const n = next++;
      const province = Math.floor(n / DISTRICTS_PER_PROVINCE);
      if (!provinces.has(province)) provinces.set(province, foundProvince(demo, provinceOf(province)));
      await loadDistrict(app, demo, seededRandom(SEED + n), await provinces.get(province)!, districtOf(n));
      appended = Math.max(appended, (await position()) - start);
      options.onProgress?.(appended);
    }
  };
  await asAdministrator(GENERATOR_ACTOR, () => Promise.all(Array.from({ length: options.concurrency }, worker)));
  return { provinces: provinces.size, districts: next - firstProvince * DISTRICTS_PER_PROVINCE, events: appended };
}
