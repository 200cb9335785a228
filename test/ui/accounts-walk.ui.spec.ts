import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { Database } from '../../src/database/database.js';
import { ApiClient, foundTree, type Tree } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { committedHead, waitUntilProjected } from '../support/projections.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp } from '../support/test-app.js';
import { buildAdminUi, choose, chromiumAvailable, checkScreen, labelled, launchChromium, screenshot, walkPage } from './browser.js';

const target = testDatabases().at(-1)!;
const SETUP_TIMEOUT = 240_000;
const CASE_TIMEOUT = 120_000;
/** The commune officer's username: a proper name the Vietnamese screens show as it is. */
const OFFICER = 'can-bo-xa';
const FIRST_PASSWORD = 'tam-thoi-cap-xa-2026';
const OWN_PASSWORD = 'mua thu ha noi vang';

(chromiumAvailable() ? describe : describe.skip)(`accounts in Chromium on ${target.name}`, () => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let tree: Tree;
  const siblingName = 'Đảng bộ xã Bá Hiến';
  const communeName = 'Đảng bộ xã Bình Xuyên';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildAdminUi();
    database = await isolatedDatabase(target);
    app = await createTestApp(database.url);
    await app.listen(0, '127.0.0.1');
    origin = (await app.getUrl()).replace('[::1]', 'localhost');
    const api = new ApiClient(await authorizedAgent(app));
    tree = await foundTree(api);
    await api.create('organizations', { level: 'grassroots', parentId: tree.province.id, name: siblingName, code: 'BH', foundedOn: '2025-07-01' });
    const { pool } = app.get(Database);
    await waitUntilProjected(pool, await committedHead(pool));
    browser = await launchChromium();
    page = await walkPage(browser, pageErrors);
  }, SETUP_TIMEOUT);

  afterEach(async () => {
    if (page) await screenshot(page, 'accounts-last-case-end');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function logIn(username: string, password: string): Promise<void> {
    await page.getByLabel(labelled('Tên đăng nhập')).fill(username);
    await page.getByLabel(labelled('Mật khẩu')).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it(
    'lets the administrator create a commune officer in the accounts screen, in Vietnamese',
    async () => {
      await page.goto(origin);
      await logIn('admin', ADMIN_PASSWORD);
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Tài khoản' }).click();
      await page.getByRole('heading', { name: 'Tài khoản', exact: true }).waitFor();
      const form = page.getByRole('form', { name: 'Tạo tài khoản' });
      await form.getByLabel(labelled('Tên đăng nhập')).fill(OFFICER);
      await form.getByLabel(labelled('Mật khẩu ban đầu (phải đổi khi đăng nhập lần đầu)')).fill(FIRST_PASSWORD);
      await choose(form, 'Vai trò', 'Cán bộ kiểm tra, kỷ luật');
      await choose(form, 'Tổ chức đảng (và các tổ chức trực thuộc)', communeName);
      await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const row = page.getByRole('table', { name: 'Tài khoản' }).getByRole('row', { name: new RegExp(OFFICER) });
      await row.getByText('Phải đổi mật khẩu').waitFor();
      expect(await row.getByText(`Cán bộ kiểm tra, kỷ luật — ${communeName}`).count()).toBe(1);
      await screenshot(page, 'accounts-01-created');
      await checkScreen(page, 'accounts', [OFFICER]);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    },
    CASE_TIMEOUT,
  );

  it(
    'makes the officer change the password at the first login, then shows only the granted subtree',
    async () => {
      await logIn(OFFICER, FIRST_PASSWORD);
      const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
      await form.getByText('Mật khẩu này do quản trị viên đặt').waitFor();
      // Nothing else is offered until the password is changed.
      expect(await page.getByRole('navigation', { name: 'Danh mục chức năng' }).count()).toBe(0);
      await form.getByLabel(labelled('Mật khẩu hiện tại')).fill(FIRST_PASSWORD);
      await form.getByLabel(labelled('Mật khẩu mới')).fill('ngan');
      await form.getByLabel(labelled('Nhập lại mật khẩu mới')).fill('ngan');
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      // The API words its refusal in the officer's language.
      await form
        .getByRole('alert')
        .getByText(/ít nhất 12 ký tự/)
        .waitFor();
      await form.getByLabel(labelled('Mật khẩu mới')).fill(OWN_PASSWORD);
      await form.getByLabel(labelled('Nhập lại mật khẩu mới')).fill(OWN_PASSWORD);
      await screenshot(page, 'accounts-02-forced-change');
      await checkScreen(page, 'forced password change', [OFFICER]);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();

      const menu = page.getByRole('navigation', { name: 'Danh mục chức năng' });
      await menu.getByRole('link', { name: 'Tổ chức đảng' }).click();
      await page.getByRole('heading', { name: 'Cây tổ chức' }).waitFor();
      await page.getByRole('link', { name: new RegExp(communeName) }).waitFor();
      expect(await page.getByRole('link', { name: new RegExp(siblingName) }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: 'Trạng thái hệ thống' }).count()).toBe(0);
      await screenshot(page, 'accounts-03-officer-subtree');
      await checkScreen(page, 'organizations of an officer', [OFFICER]);
      expect(pageErrors).toEqual([]);
    },
    CASE_TIMEOUT,
  );

  it(
    'shows the administrator the system status: each projection’s state in Vietnamese, and that nothing is published',
    async () => {
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await logIn('admin', ADMIN_PASSWORD);
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Trạng thái hệ thống' }).click();
      await page.getByRole('heading', { name: 'Trạng thái hệ thống', exact: true }).waitFor();
      const projections = page.getByRole('table', { name: 'Dữ liệu tổng hợp và xử lý tự động' });
      // The screen asks again every few seconds: the runner shows live once it has applied the accounts' events.
      await projections
        .getByRole('row', { name: /organization-history/ })
        .getByText(/^Đã theo kịp$/i)
        .waitFor();
      expect(
        await projections
          .getByRole('row', { name: /discipline-follow-ups/ })
          .getByText(/^Xử lý tự động$/)
          .count(),
      ).toBe(1);
      await page.getByText('Không có sự kiện công khai nào được gửi đi').waitFor();
      const feed = page.getByRole('table', { name: 'Luồng sự kiện công khai' });
      await feed.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
      await screenshot(page, 'accounts-04-system-status');
      await checkScreen(page, 'system status', [OFFICER]);
      expect(pageErrors).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});
