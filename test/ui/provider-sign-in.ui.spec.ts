import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, foundTree } from '../support/api-client.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { startIdentityProvider, type IdentityProvider } from '../support/identity-provider.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp } from '../support/test-app.js';
import { buildAdminUi, chromiumAvailable, checkScreen, labelled, launchChromium, screenshot, walkPage } from './browser.js';

const target = testDatabases().at(-1)!;
const SETUP_TIMEOUT = 240_000;
const CASE_TIMEOUT = 120_000;
const OFFICER = 'can-bo-dinh-danh';
const SUBJECT = 'nguyen-van-an@ubkt';

(chromiumAvailable() ? describe : describe.skip)(`sign-in through the identity provider in Chromium on ${target.name}`, () => {
  let database: IsolatedDatabase;
  let provider: IdentityProvider;
  let app: NestExpressApplication;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildAdminUi();
    database = await isolatedDatabase(target);
    provider = await startIdentityProvider();
    app = await createTestApp(database.url, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_PROVIDER_NAME: 'Cổng định danh' });
    await app.listen(0, '127.0.0.1');
    origin = (await app.getUrl()).replace('[::1]', 'localhost');
    await provider.register(`${origin}/login/callback`);
    const api = new ApiClient(await authorizedAgent(app));
    const tree = await foundTree(api);
    await api.create('accounts', {
      username: OFFICER,
      password: 'tam-thoi-cap-xa-2026',
      grants: [{ role: 'discipline-officer', organizationId: tree.commune.id }],
    });
    browser = await launchChromium();
    page = await walkPage(browser, pageErrors);
  }, SETUP_TIMEOUT);

  afterEach(async () => {
    if (page) await screenshot(page, 'provider-last-case-end');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.stop();
    await database?.drop();
  });

  it(
    'lets the administrator link the officer’s identity at the provider to the account, in Vietnamese',
    async () => {
      await page.goto(origin);
      await page.getByLabel(labelled('Tên đăng nhập')).fill('admin');
      await page.getByLabel(labelled('Mật khẩu')).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Tài khoản' }).click();
      const row = page.getByRole('table', { name: 'Tài khoản' }).getByRole('row', { name: new RegExp(OFFICER) });
      await row.getByRole('button', { name: 'Quyền và mật khẩu' }).click();
      const panel = page.getByLabel(`Quyền và mật khẩu của ${OFFICER}`);
      // The issuer is the configured provider's unless the administrator types another.
      expect(await panel.getByLabel('Địa chỉ nhà cung cấp định danh').inputValue()).toBe(provider.issuer);
      await panel.getByLabel('Mã định danh của cán bộ tại nhà cung cấp').fill(SUBJECT);
      await panel.getByRole('button', { name: 'Liên kết định danh' }).click();
      await panel.getByText(`${SUBJECT} — ${provider.issuer}`).waitFor();
      await screenshot(page, 'provider-01-identity-linked');
      await checkScreen(page, 'accounts, an identity linked', [OFFICER]);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
    },
    CASE_TIMEOUT,
  );

  it(
    'signs the officer in at the provider and back as the linked account, with no password to change',
    async () => {
      await page.getByRole('button', { name: 'Đăng nhập qua Cổng định danh' }).click();
      // The provider's own login page.
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.locator('input[name="login"]').fill(SUBJECT);
      await page.locator('input[name="password"]').fill('mat-khau-tai-nha-cung-cap');
      await page.getByRole('button', { name: 'Sign-in' }).click();

      const menu = page.getByRole('navigation', { name: 'Danh mục chức năng' });
      await menu.getByRole('link', { name: 'Tổ chức đảng' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByText(OFFICER, { exact: true }).waitFor();
      expect(await menu.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Đổi mật khẩu' }).count()).toBe(0);
      await screenshot(page, 'provider-02-signed-in');
      await checkScreen(page, 'signed in through the provider', [OFFICER]);
      expect(pageErrors).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});
