import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { Database } from '../../src/database/database.js';
import { seedDemo, type DemoSummary } from '../../src/demo/seed-demo.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { waitUntilCaughtUp } from '../support/projections.js';
import { ADMIN_PASSWORD, createTestApp } from '../support/test-app.js';
import { buildAdminUi, chromiumAvailable, checkScreen, labelled, launchChromium, screenshot, walkPage } from './browser.js';

// Loading the demo district (1,455 events through the commands) takes minutes on the embedded database of a
// busy machine: the walk runs on PostgreSQL, as CI provides it.
const target = testDatabases().find((database) => database.concurrentSessions);
if (!target) console.warn('statutory report walk: not run without TEST_DATABASE_URL (the demo district loads too slowly into the embedded database)');
const SETUP_TIMEOUT = 300_000;
const CASE_TIMEOUT = 120_000;
// An A4 page less the print stylesheet's 12 mm side margins, in CSS pixels (96 per inch).
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

(chromiumAvailable() && target ? describe : describe.skip)('the statutory report printed from Chromium on PostgreSQL', () => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let demo: DemoSummary;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildAdminUi();
    database = await isolatedDatabase(target!);
    app = await createTestApp(database.url);
    await app.listen(0, '127.0.0.1');
    origin = (await app.getUrl()).replace('[::1]', 'localhost');
    demo = await seedDemo(app);
    await waitUntilCaughtUp(app.get(Database).pool);
    browser = await launchChromium();
    page = await walkPage(browser, pageErrors);
  }, SETUP_TIMEOUT);

  afterEach(async () => {
    if (page) await screenshot(page, 'statutory-report-last-case-end');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  it(
    "prints the seed district's 2019 report to an A4 PDF whose text holds the seed article's figures, without the navigation",
    async () => {
      await page.goto(`${origin}/statistics/statutory?organizationId=${demo.districtId}&from=2019-01-01&to=2019-12-03`);
      await page.getByLabel(labelled('Tên đăng nhập')).fill('admin');
      await page.getByLabel(labelled('Mật khẩu')).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const report = page.getByTestId('statutory-report');
      await report.getByRole('table', { name: 'II. Thi hành kỷ luật' }).waitFor();
      await screenshot(page, 'statutory-report-screen');
      await checkScreen(page, 'statutory report');

      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1000 });
      const widest = await page.locator('.statutory-section').evaluateAll((tables) => Math.max(...tables.map((table) => table.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      const document = await getDocumentProxy(new Uint8Array(pdf));
      const size = (await document.getPage(1)).view;
      expect([Math.round(size[2]!), Math.round(size[3]!)]).toEqual([595, 842]);
      const text = (await extractText(document, { mergePages: true })).text.replace(/\s+/g, ' ');

      expect(text).toContain('Báo cáo thống kê công tác kiểm tra, giám sát và thi hành kỷ luật đảng');
      expect(text).toContain('Đảng bộ huyện Bình Xuyên');
      expect(text).toContain('Từ ngày 01/01/2019 đến ngày 03/12/2019');
      // Committees inspected 34 organizations and supervised 19; commissions inspected 12 members on signs of violation and 4 organizations.
      expect(text).toMatch(/1 Cấp ủy, tổ chức đảng kiểm tra 34 0 /);
      expect(text).toMatch(/2 Cấp ủy, tổ chức đảng giám sát 19 0 /);
      expect(text).toMatch(/3 Ủy ban kiểm tra kiểm tra 4 12 /);
      expect(text).toMatch(/4\.1 trong đó: giám sát chuyên đề 14 48 /);
      // 37 members disciplined: the district commission reprimanded 2, warned 4, expelled 3; grassroots committees reprimanded 28.
      expect(text).toMatch(/2 Đảng viên bị thi hành kỷ luật 37 30 4 0 3 0 /);
      expect(text).toMatch(/2\.\d Ủy ban kiểm tra huyện ủy 9 2 4 0 3 0 /);
      expect(text).toMatch(/2\.\d Cấp ủy cơ sở 28 28 0 0 0 0 /);
      expect(text).toContain('Giải quyết khiếu nại kỷ luật');
      expect(text).not.toContain('Lập báo cáo');
      expect(text).not.toContain('Kiểm toán');
      expect(pageErrors).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});
