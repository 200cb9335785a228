import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Locator, Page } from 'playwright-core';
import { Accounts } from '../../src/accounts/accounts.js';
import { Database } from '../../src/database/database.js';
import { ApiClient, type View } from '../support/api-client.js';
import { foundDisciplineTree } from '../support/discipline-tree.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { waitUntilCaughtUp } from '../support/projections.js';
import { ADMIN_PASSWORD, authorizedAgent, createTestApp } from '../support/test-app.js';
import { buildAdminUi, choose, chromiumAvailable, checkScreen, labelled, launchChromium, screenshot, walkPage } from './browser.js';

// The browser walk runs once, on PostgreSQL when CI provides it, in a database of its own: it verifies the
// whole store, which other suites tamper with on purpose.
const target = testDatabases().at(-1)!;
const SETUP_TIMEOUT = 240_000;
// A browser step waits for the service and its projections; under a loaded CI machine that takes a while.
const CASE_TIMEOUT = 120_000;

(chromiumAvailable() ? describe : describe.skip)(`the officers' walk in Chromium on ${target.name}`, () => {
  let database: IsolatedDatabase;
  let app: NestExpressApplication;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let tree: Awaited<ReturnType<typeof foundDisciplineTree>>;
  let member: View;
  let colleague: View;
  const provinceName = 'Đảng bộ tỉnh Vĩnh Phúc';
  const communeName = 'Đảng bộ xã Bình Xuyên';
  const pageErrors: string[] = [];
  let caseUrl: string;

  /** The pages of read models (tree, members, history, statistics) show what was recorded before them. */
  const projected = () => waitUntilCaughtUp(app.get(Database).pool);

  beforeAll(async () => {
    buildAdminUi();
    database = await isolatedDatabase(target);
    app = await createTestApp(database.url);
    await app.listen(0, '127.0.0.1');
    origin = (await app.getUrl()).replace('[::1]', 'localhost');
    const api = new ApiClient(await authorizedAgent(app));
    tree = await foundDisciplineTree(api);
    member = await tree.admitFull('Nguyễn Văn Hùng', 'Phó Chủ tịch Ủy ban nhân dân xã');
    colleague = await tree.admitFull('Lê Thị Hoa');
    await projected();
    browser = await launchChromium();
    page = await walkPage(browser, pageErrors, { acceptDownloads: true });
  }, SETUP_TIMEOUT);

  // What the browser showed when each case ended: the first thing to look at when one fails.
  afterEach(async () => {
    if (page) await screenshot(page, 'last-case-end');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  /** Opens the next step's form (an accordion item named after the command), fills it with `fill`, and records it. */
  async function step(summary: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void>) {
    await page.getByRole('button', { name: summary }).click();
    const form = page.getByRole('form', { name: summary });
    await fill(form);
    const version = page.getByTestId('stream-version');
    const before = (await version.textContent())!;
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await version.filter({ hasNotText: before }).waitFor();
  }

  /** Presses Tab until `target` has the focus, as an officer without a mouse reaches it. */
  async function tabTo(target: Locator) {
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    }
    throw new Error(`Tab never reaches ${target.toString()}`);
  }

  it(
    'logs in with the admin password (Enter submits), in Vietnamese, and refuses a wrong one',
    async () => {
      await page.goto(origin);
      await page.getByLabel('Mật khẩu').fill('wrong password');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
      await screenshot(page, '01-login');
      await checkScreen(page, 'login');
      await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
      await page.getByLabel('Mật khẩu').press('Enter');
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await checkScreen(page, 'work');
    },
    CASE_TIMEOUT,
  );

  it(
    'shows the organization tree with bodies and members, reached by keyboard',
    async () => {
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Việc cần làm' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Cây tổ chức' }).waitFor();
      await page.getByRole('link', { name: new RegExp(communeName) }).click();
      await page.getByRole('heading', { name: communeName }).waitFor();
      await page.getByRole('link', { name: /Nguyễn Văn Hùng/ }).waitFor();
      const bodies = page.getByRole('table', { name: 'Các cơ quan' });
      expect(await bodies.getByRole('row', { name: /Ủy ban kiểm tra/ }).count()).toBe(1);
      await screenshot(page, '02-organizations');
      await checkScreen(page, 'organization');
    },
    CASE_TIMEOUT,
  );

  it(
    'walks an inspection to its conclusion, showing the allowed next steps and the API’s errors beside their field',
    async () => {
      await page.goto(`${origin}/inspections/new?subject.kind=member&subject.memberId=${member.id}`);
      const proposal = page.getByRole('form', { name: 'Đề xuất kiểm tra' });
      await proposal.waitFor();
      await checkScreen(page, 'inspection proposal');
      const body = proposal.getByRole('group', { name: 'Cơ quan' });
      await choose(body, 'Tổ chức đảng', communeName);
      await choose(body, 'Loại cơ quan', 'Ủy ban kiểm tra');
      await choose(proposal, 'Loại', 'Khi có dấu hiệu vi phạm');
      await proposal.getByLabel('Căn cứ, lý do').fill('Đơn tố cáo về việc giao khoán đất công ích');
      await proposal.getByLabel('Ngày đề xuất').fill('02/03/2026');
      await proposal.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByTestId('stream-status').getByText('Đã đề xuất').waitFor();

      await page.getByRole('button', { name: 'Quyết định kiểm tra, lập đoàn kiểm tra' }).click();
      const decision = page.getByRole('form', { name: 'Quyết định kiểm tra, lập đoàn kiểm tra' });
      await decision.getByLabel('Số quyết định').fill('03-QĐ/UBKT');
      await decision.getByLabel('Ngày quyết định').fill('05/03/2026');
      await decision.getByLabel('Phạm vi').fill('Quản lý đất công ích');
      await choose(decision, 'Thành viên đoàn kiểm tra: tổ chức đảng', communeName);
      await choose(decision, 'Thành viên đoàn kiểm tra', 'Lê Thị Hoa');
      const period = decision.getByRole('group', { name: 'Kỳ' });
      await period.getByLabel('Từ ngày').fill('01/01/2024');
      await period.getByLabel('Đến ngày').fill('31/12/2023');
      await decision.getByRole('button', { name: 'Ghi nhận' }).click();
      // The API refuses a period that ends before it starts, naming `period.to`: its message, in the officer's language, shows under that input.
      const periodEnd = period.locator('.mantine-InputWrapper-root', { has: page.getByLabel('Đến ngày') });
      await periodEnd
        .locator('.mantine-InputWrapper-error')
        .getByText(/trước ngày bắt đầu/)
        .waitFor();
      await screenshot(page, '03-inspection-field-error');
      await checkScreen(page, 'inspection with a field error');
      await period.getByLabel('Đến ngày').fill('31/12/2025');
      await decision.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByTestId('stream-status').getByText('Đã quyết định').waitFor();

      await step('Gửi đề cương', async (form) => form.getByLabel('Ngày gửi').fill('09/03/2026'));
      await step('Nhận báo cáo giải trình', async (form) => {
        await form.getByLabel('Ngày nhận').fill('20/03/2026');
        await form.getByLabel('Tóm tắt').fill('Giải trình việc ký hợp đồng giao khoán');
      });
      await step('Báo cáo thẩm tra, xác minh', async (form) => {
        await form.getByLabel('Ngày báo cáo').fill('01/04/2026');
        await form.getByLabel('Tóm tắt dự thảo báo cáo').fill('Có vi phạm');
      });
      await step('Kết luận kiểm tra', async (form) => {
        await form.getByLabel('Ngày kết luận').fill('10/04/2026');
        await form.getByLabel('Có vi phạm').check();
        await choose(form, 'Mức độ', 'Nghiêm trọng');
        await form.getByLabel('Kết quả kiểm tra, giám sát').fill('Giao khoán đất trái quy định');
        await form.getByLabel('Kiến nghị').fill('Xem xét kỷ luật');
        await form.getByLabel('Đề nghị kỷ luật').check();
      });
      await page.getByTestId('stream-status').getByText('Đã kết luận').waitFor();
      // The team and the subject by name, not by id.
      await page.getByRole('link', { name: 'Lê Thị Hoa' }).waitFor();
      await page.getByRole('link', { name: 'Nguyễn Văn Hùng' }).first().waitFor();
      await screenshot(page, '04-inspection-concluded');
      await checkScreen(page, 'inspection concluded');
    },
    CASE_TIMEOUT,
  );

  it(
    'opens a case from the conclusion, enters a ballot and shows the rulebook’s outcome with the cumulative count',
    async () => {
      await page.getByRole('link', { name: 'Mở hồ sơ kỷ luật' }).click();
      const opening = page.getByRole('form', { name: 'Mở hồ sơ kỷ luật' });
      await opening.getByLabel('Ngày mở hồ sơ').fill('15/04/2026');
      await opening.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByTestId('stream-status').getByText('Đang xử lý').waitFor();

      await step('Ghi nhận vi phạm', async (form) => {
        await form.getByLabel('Mô tả').fill('Ký hợp đồng giao khoán đất công ích trái quy định');
        await form.getByLabel('Ngày vi phạm').fill('20/11/2025');
        await choose(form, 'Cấp, mức', 'Cảnh cáo');
      });
      await page.getByRole('button', { name: 'Bỏ phiếu kín' }).click();
      const ballot = page.getByRole('form', { name: 'Bỏ phiếu kín' });
      await choose(ballot, 'Bước', 'Quyết định');
      const body = ballot.getByRole('group', { name: 'Cơ quan' });
      await choose(body, 'Tổ chức đảng', communeName);
      await choose(body, 'Loại cơ quan', 'Cấp ủy');
      await ballot.getByLabel('Ngày họp').fill('06/05/2026');
      await ballot.getByLabel('Tổng số đảng viên (thành viên)').fill('12');
      await ballot.getByRole('button', { name: /Thêm: Không tính vào tổng số/ }).click();
      const excluded = ballot.getByRole('group', { name: 'Không tính vào tổng số' }).last();
      await choose(excluded, 'Lý do', 'Chuyển sinh hoạt tạm thời');
      await excluded.getByLabel('Số người').fill('1');
      await ballot.getByLabel('Số có mặt').fill('11');
      const votes = ballot.getByRole('group', { name: 'Số phiếu theo hình thức' });
      await votes.getByLabel('Khai trừ').fill('3');
      await votes.getByLabel('Cách chức').fill('2');
      await votes.getByLabel('Cảnh cáo').fill('2');
      await votes.getByLabel('Khiển trách').fill('2');
      await ballot.getByLabel('Phiếu không kỷ luật').fill('1');
      await ballot.getByLabel('Phiếu trắng').fill('1');
      await ballot.getByRole('button', { name: 'Ghi nhận' }).click();
      const outcome = page.getByTestId('ballot-outcome');
      await outcome.waitFor();
      expect(await outcome.textContent()).toBe('Kết quả: Cảnh cáo');
      await page.getByText('Đạt được nhờ cộng dồn phiếu của các hình thức nặng hơn').waitFor();
      await page.getByText('Cảnh cáo: 2 phiếu, cộng dồn 7; cần 6 (quá nửa của 11)').waitFor();
      // The rule is cited as officers cite it, with no English shorthand beside it.
      const rule = (await page
        .getByText(/^Căn cứ: /)
        .first()
        .textContent())!;
      expect(rule).toMatch(/chưa xác định điều, khoản|Điều \d+/);
      expect(rule).not.toMatch(/art\.|cl\.|not identified/);
      await outcome.scrollIntoViewIfNeeded();
      await screenshot(page, '05-ballot-outcome');
      await checkScreen(page, 'case with a ballot');
      caseUrl = page.url();
    },
    CASE_TIMEOUT,
  );

  it(
    'issues and announces the decision, then files an appeal, which is annulled',
    async () => {
      await step('Quyết định thi hành kỷ luật', async (form) => {
        await choose(form, 'Hình thức kỷ luật', 'Cảnh cáo');
        const body = form.getByRole('group', { name: 'Cơ quan quyết định' });
        await choose(body, 'Tổ chức đảng', communeName);
        await choose(body, 'Loại cơ quan', 'Cấp ủy');
        await form.getByLabel('Số quyết định').fill('05-QĐ/ĐU');
        await form.getByLabel('Ngày ký').fill('08/05/2026');
      });
      await page.getByTestId('stream-status').getByText('Đã quyết định').waitFor();
      // By keyboard alone: Tab to the step, Enter opens it, the date typed, Enter records it.
      const announcement = 'Công bố quyết định kỷ luật';
      await tabTo(page.getByRole('button', { name: announcement }));
      await page.keyboard.press('Enter');
      await tabTo(page.getByRole('form', { name: announcement }).getByLabel(labelled('Ngày công bố')));
      await page.keyboard.type('12/05/2026');
      await page.keyboard.press('Enter');
      await page.getByTestId('stream-status').getByText('Đang có hiệu lực').waitFor();
      await page.getByText('Hạn khiếu nại').waitFor();

      await page.getByRole('link', { name: 'Nhận đơn khiếu nại' }).click();
      const filing = page.getByRole('form', { name: 'Nhận đơn khiếu nại' });
      await filing.getByLabel('Ngày nhận đơn').fill('01/06/2026');
      const reviewing = filing.getByRole('group', { name: 'Cơ quan giải quyết khiếu nại' });
      await choose(reviewing, 'Tổ chức đảng', provinceName);
      await choose(reviewing, 'Loại cơ quan', 'Ủy ban kiểm tra');
      await filing.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByTestId('stream-status').getByText('Đang giải quyết').waitFor();
      await step('Xóa bỏ quyết định kỷ luật', async (form) => {
        await form.getByLabel('Ngày quyết định').fill('10/07/2026');
        await form.getByLabel('Số quyết định').fill('12-QĐ/UBKT');
        await form.getByLabel('Lý do').fill('Không đủ căn cứ kết luận vi phạm');
      });
      await page.getByTestId('stream-status').getByText('Đã xóa bỏ').waitFor();
      await screenshot(page, '06-appeal-annulled');
      await checkScreen(page, 'appeal');
    },
    CASE_TIMEOUT,
  );

  it(
    'shows the organization’s history as a timeline, by kind, and as it stood on a past day',
    async () => {
      const count = page.getByTestId('history-count');
      /** Applies the filter and waits for the timeline it asked for (its count differs from the unfiltered one). */
      async function show(): Promise<void> {
        const unfiltered = (await count.textContent())!;
        await page.getByRole('button', { name: 'Xem' }).click();
        await count.filter({ hasNotText: unfiltered }).waitFor();
      }
      const history = `${origin}/organizations/${tree.commune.id}/history`;
      await projected();
      await page.goto(history);
      await page.getByText('Quyết định thi hành kỷ luật', { exact: true }).first().waitFor();
      await page.getByText('Kết luận kiểm tra', { exact: true }).first().waitFor();
      await screenshot(page, '07-history');
      // What each event records reads in Vietnamese: yes and no as marks, not the API's true and false.
      expect(await page.getByText(/\b(true|false)\b/).count()).toBe(0);
      expect(await page.getByText('✓').count()).toBeGreaterThan(0);
      await checkScreen(page, 'history');
      await choose(page, 'Loại việc', 'Kiểm tra');
      await show();
      expect(await page.getByText('Kết luận kiểm tra', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Quyết định thi hành kỷ luật', { exact: true }).count()).toBe(0);

      // Concluded on 10 April, decided on 8 May: on 1 May the history held the conclusion and no decision yet.
      await page.goto(history);
      await page.getByText('Quyết định thi hành kỷ luật', { exact: true }).first().waitFor();
      await page.getByLabel('Tính đến ngày').fill('01/05/2026');
      await show();
      expect(await page.getByText('Kết luận kiểm tra', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Quyết định thi hành kỷ luật', { exact: true }).count()).toBe(0);
    },
    CASE_TIMEOUT,
  );

  it(
    'builds the statistics report with its chart and CSV',
    async () => {
      await projected();
      await page.goto(`${origin}/statistics?organizationId=${tree.commune.id}`);
      await page.getByLabel('Từ ngày').fill('01/01/2026');
      await page.getByRole('button', { name: 'Lập báo cáo' }).click();
      await page.locator('.recharts-surface').first().waitFor();
      await page.locator('[data-figure="inspections.byInspectionCommissions.members.total"]').getByText('1').waitFor();
      await screenshot(page, '08-statistics');
      await checkScreen(page, 'statistics');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^thong-ke-ky-luat-2026-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
    },
    CASE_TIMEOUT,
  );

  it(
    'verifies the audit trail and exports it',
    async () => {
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Kiểm toán' }).click();
      await page.getByRole('table', { name: 'Nhật ký sự kiện' }).waitFor();
      await page.getByRole('button', { name: 'Ký điểm kiểm tra' }).click();
      await page.getByText('Đã ký điểm kiểm tra').waitFor();
      await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
      const verification = page.getByTestId('audit-verification');
      await verification.getByText('Toàn vẹn: mọi chuỗi băm đều khớp').waitFor();
      await screenshot(page, '09-audit');
      await checkScreen(page, 'audit');
      await choose(page, 'Tổ chức', communeName);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất dữ liệu kiểm toán' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-.*\.jsonl$/);
    },
    CASE_TIMEOUT,
  );

  it(
    'plans a member as a cadre: approves a list for a term, adds the member, and shows the list on the member record',
    async () => {
      await page.getByRole('navigation', { name: 'Danh mục chức năng' }).getByRole('link', { name: 'Quy hoạch cán bộ' }).click();
      const approval = page.getByRole('form', { name: 'Phê duyệt danh sách quy hoạch' });
      await approval.waitFor();
      await checkScreen(page, 'planning list approval');
      await choose(approval, 'Tổ chức đảng', communeName);
      await choose(approval, 'Quy hoạch cho', 'Lãnh đạo cấp phòng, ban');
      const term = approval.getByRole('group', { name: 'Nhiệm kỳ' });
      await term.getByLabel('Từ năm').fill('2025');
      await term.getByLabel('Đến năm').fill('2030');
      await approval.getByLabel('Ngày phê duyệt').fill('01/03/2025');
      await approval.getByLabel('Quyết định').fill('15-QĐ/ĐU');
      await approval.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByTestId('stream-status').getByText('Đã phê duyệt').waitFor();

      await step('Đưa vào, bổ sung quy hoạch', async (form) => {
        await choose(form, 'Mã đảng viên: tổ chức đảng', communeName);
        await choose(form, 'Mã đảng viên', 'Lê Thị Hoa');
        await form.getByLabel('Ngày đưa vào quy hoạch').fill('01/04/2025');
        await form.getByLabel('Quyết định').fill('20-QĐ/ĐU');
      });
      await page.getByText('Trong quy hoạch').first().waitFor();
      await screenshot(page, '11-planning-list');
      await checkScreen(page, 'planning list');
      await projected();
      await page.goto(`${origin}/organizations/${tree.commune.id}`);
      await page.getByRole('link', { name: 'Lãnh đạo cấp phòng, ban 2025–2030' }).waitFor();
      await checkScreen(page, 'organization with its planning lists');
      await page.goto(`${origin}/members/${colleague.id}`);
      await page.getByText('Lãnh đạo cấp phòng, ban').first().waitFor();
      await page.getByText('Trong quy hoạch').first().waitFor();
      await screenshot(page, '12-member-planning');
      await checkScreen(page, 'member record with planning');
    },
    CASE_TIMEOUT,
  );

  it(
    'switches to English, with dates still dd/MM/yyyy',
    async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Organizations' }).waitFor();
      await page.goto(`${origin}/members/${member.id}`);
      await page.getByText('01/03/2010').waitFor();
      await checkScreen(page, 'member, in English');
      expect(pageErrors).toEqual([]);
    },
    CASE_TIMEOUT,
  );

  it(
    'offers an auditor the case to read, and no forms',
    async () => {
      await app.get(Accounts).setUp('kiem-toan-vien', 'auditor-password-1', [{ role: 'auditor', organizationId: null }]);
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      const reader = await context.newPage();
      await reader.goto(origin);
      await reader.getByLabel('Tên đăng nhập').fill('kiem-toan-vien');
      await reader.getByLabel('Mật khẩu').fill('auditor-password-1');
      await reader.getByLabel('Mật khẩu').press('Enter');
      await reader.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await reader.goto(caseUrl);
      await reader.getByTestId('ballot-outcome').waitFor();
      // The file reads as officers write it: the deciding body by name, violations and appeals as tables.
      await reader.getByRole('heading', { name: 'Quyết định', exact: true }).waitFor();
      await reader.getByText('Ngày xóa bỏ').waitFor();
      await reader.getByText(`Cấp ủy, ${communeName}`).first().waitFor();
      await reader
        .getByRole('table', { name: 'Vi phạm' })
        .getByRole('row', { name: /Ký hợp đồng giao khoán/ })
        .waitFor();
      await reader
        .getByRole('table', { name: 'Đơn khiếu nại' })
        .getByRole('row', { name: /Đã xóa bỏ/ })
        .waitFor();
      await screenshot(reader, '10-case-read');
      await checkScreen(reader, 'case read by an auditor');
      expect(await reader.getByRole('heading', { name: 'Bước tiếp theo' }).count()).toBe(0);
      expect(await reader.getByRole('button', { name: 'Ghi nhận' }).count()).toBe(0);
      await context.close();
    },
    CASE_TIMEOUT,
  );
});
