import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAdminServer, type AdminServer } from './admin-server.ts';
import {
  chromiumPath,
  findAccessibilityProblems,
  hasChromium,
  launchChromium,
  saveScreenshot,
} from './chromium.ts';
import { signInToAdmin } from './sign-in.ts';

const standingStaffEmail = 'thuong.truc@demo.mic.gov.vn';
// An editor of the unit has `feedback.answer` there and signs in without a second factor.
const unitEditorEmail = 'bien.tap.ais@demo.mic.gov.vn';
const sender = { name: 'Phan Thị Thu Hà', email: 'phan.thi.thu.ha@example.vn' };
const subject = 'Đề nghị hướng dẫn gia hạn giấy phép an toàn thông tin';
const answer =
  'Cục An toàn thông tin đã đăng hướng dẫn gia hạn giấy phép tại mục Dịch vụ công; hồ sơ được giải quyết trong 15 ngày làm việc.';

if (!hasChromium) {
  console.warn(`feedback admin e2e tests skipped: ${chromiumPath} not found`);
}

describe.skipIf(!hasChromium)('feedback handling screens in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  let staffContext: BrowserContext;
  let staff: Page;
  let caseUrl = '';

  async function expectAccessible(screen: string, on: Page) {
    expect(await findAccessibilityProblems(on), `axe on ${screen}`).toEqual([]);
  }

  async function expectNoOverflow(screen: string, on: Page) {
    const overflow = await on.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on ${screen}`).toBeLessThanOrEqual(0);
  }

  async function waitForStep(on: Page, state: string) {
    await on.getByText(`Tình trạng hiện tại: ${state}.`, { exact: false }).waitFor();
  }

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchChromium();
    staffContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    staff = await staffContext.newPage();
  });

  afterAll(async () => {
    await staffContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('takes a citizen submission on the public form', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const citizen = await context.newPage();
    await citizen.goto(`${server.origin}/gop-y`);
    await citizen.getByLabel('Họ và tên').fill(sender.name);
    await citizen.getByLabel('Thư điện tử').fill(sender.email);
    await citizen.getByLabel('Tiêu đề').fill(subject);
    await citizen
      .getByLabel('Nội dung')
      .fill(
        'Đề nghị Bộ hướng dẫn thành phần hồ sơ gia hạn giấy phép kinh doanh sản phẩm an toàn thông tin.',
      );
    await citizen.getByLabel('Tôi đã đọc thông báo trên').check();
    await citizen.getByRole('button', { name: 'Gửi' }).click();
    const code = await citizen.locator('#fb-tracking-code').textContent({ timeout: 60_000 });
    await context.close();

    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
  });

  it('lists the case in the standing section inbox', async () => {
    await signInToAdmin(staff, server, standingStaffEmail);
    await staff.goto(`${server.origin}/admin/phan-anh?tenant=mic`);

    const row = staff.getByRole('row', { name: new RegExp(subject) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';

    expect(text).toContain('Mới tiếp nhận');
    expect(text).toContain('Cá nhân');
    expect(text).toMatch(/Còn \d+ ngày làm việc/);
    expect(text).not.toContain(sender.email);
    expect(text).not.toContain(sender.name);
    await expectAccessible('feedback inbox', staff);
    await saveScreenshot(staff, 'feedback-inbox');
  });

  it('keeps an inbox filter in the address', async () => {
    await staff.getByLabel('Tình trạng').selectOption('received');

    await expect.poll(() => new URL(staff.url()).searchParams.get('tinh-trang')).toBe('received');
    await staff.getByRole('row', { name: new RegExp(subject) }).waitFor();
  });

  it('classifies and forwards the case to AIS', async () => {
    await staff.getByRole('link', { name: subject }).click();
    await staff.getByRole('heading', { level: 1, name: subject }).waitFor();
    caseUrl = staff.url();

    expect(await staff.getByText(sender.email).count()).toBe(1);
    await expectAccessible('feedback case', staff);

    // By keyboard: the step button opens its dialog with Enter, Escape closes it again.
    const classify = staff.getByRole('button', { name: 'Phân loại', exact: true });
    await classify.focus();
    await staff.keyboard.press('Enter');
    const dialog = staff.getByRole('dialog', { name: 'Phân loại' });
    await dialog.waitFor();
    await staff.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await classify.evaluate((button) => button === document.activeElement)).toBe(true);

    await staff.keyboard.press('Enter');
    await dialog.getByLabel('Chủ đề').selectOption('regulation');
    await dialog.getByLabel('Đơn vị xử lý').selectOption({ label: 'Cục An toàn thông tin' });
    await expectAccessible('classify dialog', staff);
    await dialog.getByRole('button', { name: 'Lưu phân loại' }).click();
    await waitForStep(staff, 'Đã chuyển đơn vị');

    const history = (await staff.locator('.feedback-history').textContent()) ?? '';
    expect(history).toContain('Phân loại');
    expect(history).toContain('chuyển đến Cục An toàn thông tin');
    await saveScreenshot(staff, 'feedback-case');
  });

  it("writes the answer as AIS's editor", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    const editor = await context.newPage();
    try {
      await signInToAdmin(editor, server, unitEditorEmail);
      await editor.goto(`${server.origin}/admin/phan-anh?tenant=ais`);
      await editor.getByRole('link', { name: subject }).click();
      await editor.getByLabel('Nội dung trả lời').fill(answer);
      await editor.getByRole('button', { name: 'Lưu câu trả lời' }).click();
      await waitForStep(editor, 'Đã có dự thảo trả lời');

      expect(await editor.getByRole('button', { name: 'Duyệt câu trả lời' }).count()).toBe(0);
      await expectAccessible('feedback case for the unit', editor);
    } finally {
      await context.close();
    }
  });

  it('approves and publishes the answer', async () => {
    await staff.goto(caseUrl);
    await staff.getByRole('button', { name: 'Duyệt câu trả lời' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await waitForStep(staff, 'Đã có dự thảo trả lời');
    await staff.getByRole('button', { name: 'Công khai câu trả lời' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Công khai', exact: true }).click();
    await waitForStep(staff, 'Đã công khai trả lời');

    expect(await staff.locator('.feedback-history').textContent()).toContain(
      'Công khai câu trả lời',
    );
  });

  it('shows the answer on the public page without the sender', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const visitor = await context.newPage();
    await visitor.goto(`${server.origin}/tra-loi-phan-anh`);
    const main = (await visitor.locator('main').textContent()) ?? '';
    await context.close();

    expect(main).toContain(subject);
    expect(main).toContain(answer);
    expect(main).not.toContain(sender.name);
    expect(main).not.toContain(sender.email);
  });

  it('counts the case on the statistics page', async () => {
    await staff.goto(`${server.origin}/admin/phan-anh/thong-ke?tenant=mic`);
    const row = staff
      .getByRole('table', { name: 'Phản ánh, kiến nghị theo đơn vị xử lý' })
      .getByRole('row', { name: /Cục An toàn thông tin/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();

    expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    await expectAccessible('feedback statistics', staff);
    await saveScreenshot(staff, 'feedback-statistics');
  });

  it('fits the three screens on a 360 px screen', async () => {
    await staff.setViewportSize({ width: 360, height: 740 });
    const screens = [
      [
        'inbox',
        `${server.origin}/admin/phan-anh?tenant=mic`,
        staff.getByText(/^Tìm thấy \d+ phản ánh/),
      ],
      ['case', caseUrl, staff.getByRole('heading', { level: 1, name: subject })],
      [
        'statistics',
        `${server.origin}/admin/phan-anh/thong-ke?tenant=mic`,
        staff.getByRole('table', { name: 'Phản ánh, kiến nghị theo đơn vị xử lý' }),
      ],
    ] as const;

    for (const [name, url, ready] of screens) {
      await staff.goto(url);
      await ready.waitFor();
      await expectNoOverflow(`feedback ${name} at 360 px`, staff);
      await expectAccessible(`feedback ${name} at 360 px`, staff);
      await saveScreenshot(staff, `feedback-${name}-narrow`);
    }
  });
});
