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

const focalPointEmail = 'dau.moi.ais@demo.mic.gov.vn';
const unitEditorEmail = 'bien.tap.ais@demo.mic.gov.vn';
const standingStaffEmail = 'thuong.truc@demo.mic.gov.vn';

const title = 'Cục An toàn thông tin tổ chức diễn tập ứng cứu sự cố 2026';
const revisedTitle = `${title} tại Hà Nội`;
const lead = 'Hơn 40 đơn vị tham gia diễn tập bảo vệ hệ thống thông tin quan trọng.';
const bodyText = 'Sáng nay, Cục An toàn thông tin chủ trì buổi diễn tập thực chiến.';
const returnNote = 'Đề nghị bổ sung địa điểm tổ chức vào tiêu đề.';
const mainPortalName = 'Bộ Thông tin và Truyền thông';

if (!hasChromium) {
  console.warn(`editorial e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('editorial round trip in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let focalPoint: Page;
  let staff: Page;
  /** The unit's own draft, which the focal point wrote in the editor. */
  let unitDraftPath: string;
  /** The submission on the main portal. */
  let submissionId: string;

  async function expectAccessible(screen: string, on: Page) {
    const problems = await findAccessibilityProblems(on);
    expect(problems, `axe on ${screen}`).toEqual([]);
  }

  async function expectNoHorizontalOverflow(on: Page) {
    const overflow = await on.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }

  async function newPage(width = 1280) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    return context.newPage();
  }

  async function openFromNavigation(on: Page, label: string) {
    await on
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: label, exact: true })
      .click();
  }

  async function heading(on: Page) {
    return on.getByRole('heading', { level: 1 }).textContent();
  }

  /** Chooses the main portal in the board's portal picker, unless it is already chosen. */
  async function chooseMainPortal(on: Page) {
    const switcher = on.getByRole('button', { name: /Cổng đang làm việc/ });
    if ((await switcher.textContent())?.includes(mainPortalName)) {
      return;
    }
    await switcher.click();
    const picker = on.getByRole('dialog', { name: 'Chọn cổng để làm việc' });
    await picker.getByLabel('Tìm cổng').fill('mic');
    await picker.getByRole('button', { name: new RegExp(`^${mainPortalName}`) }).click();
    await expect.poll(() => switcher.textContent()).toContain(mainPortalName);
  }

  /** Takes a workflow step from the editor and waits for the state it leads to. */
  async function takeStep(on: Page, action: string, state: string) {
    const workflow = on.getByRole('region', { name: 'Quy trình xử lý' });
    await workflow.getByRole('button', { name: action, exact: true }).click();
    await expect
      .poll(() => workflow.locator('.badge').first().textContent(), { timeout: 15_000 })
      .toBe(state);
  }

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchChromium();
    focalPoint = await newPage();
    staff = await newPage();
    await signInToAdmin(focalPoint, server, focalPointEmail);
    await signInToAdmin(staff, server, standingStaffEmail);
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('drafts an article in the editor', async () => {
    await openFromNavigation(focalPoint, 'Nội dung');
    await focalPoint.getByRole('button', { name: 'Tạo mục mới' }).click();
    await focalPoint
      .getByRole('dialog', { name: 'Tạo mục mới' })
      .getByRole('link', { name: /^Tin bài/ })
      .click();
    await expect.poll(() => heading(focalPoint)).toBe('Tạo mới: Tin bài');

    await focalPoint.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await focalPoint.getByLabel(/^Tóm tắt \(sapo\)/).fill(lead);
    const body = focalPoint.getByRole('textbox', { name: 'Nội dung', exact: true });
    await body.click();
    await focalPoint.keyboard.type(bodyText);
    // By keyboard: select the sentence, go back to the toolbar, move to Bold and press it.
    await focalPoint.keyboard.press('Shift+Home');
    await focalPoint.keyboard.press('Shift+Tab');
    await focalPoint.keyboard.press('ArrowRight');
    await focalPoint.keyboard.press('ArrowRight');
    const bold = focalPoint
      .getByRole('toolbar', { name: 'Định dạng Nội dung' })
      .getByRole('button', { name: 'Chữ đậm' });
    await expect
      .poll(() => bold.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await focalPoint.keyboard.press('Enter');
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('true');
    await focalPoint.getByText('Chưa lưu lần nào').waitFor();

    await focalPoint.getByRole('button', { name: 'Lưu', exact: true }).click();

    await expect
      .poll(() => new URL(focalPoint.url()).pathname)
      .toMatch(/^\/admin\/noi-dung\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(focalPoint)).toBe(title);
    unitDraftPath = new URL(focalPoint.url()).pathname;
    expect(await body.innerHTML()).toContain(`<strong>${bodyText}</strong>`);
    await focalPoint
      .getByRole('region', { name: 'Quy trình xử lý' })
      .getByText('Bản nháp')
      .waitFor();
    await expectAccessible('content editor', focalPoint);
    await saveScreenshot(focalPoint, 'content-editor');
  });

  it('fits the editor on a 360 px screen', async () => {
    await focalPoint.setViewportSize({ width: 360, height: 740 });
    try {
      await focalPoint.reload();
      await focalPoint.getByLabel('Tiêu đề', { exact: true }).waitFor();

      await expectNoHorizontalOverflow(focalPoint);
      await expectAccessible('content editor at 360 px', focalPoint);
      await saveScreenshot(focalPoint, 'content-editor-narrow');
    } finally {
      // At 360 px the navigation folds behind the menu button, which the later steps use.
      await focalPoint.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('sends the draft to the main portal with provenance', async () => {
    await focalPoint.getByRole('button', { name: 'Gửi lên Cổng Bộ' }).click();
    const dialog = focalPoint.getByRole('dialog', {
      name: 'Gửi lên Cổng Thông tin điện tử của Bộ',
    });
    expect(await dialog.getByLabel('Họ và tên người gửi').inputValue()).toBe(
      'Cán bộ đầu mối Cục ATTT',
    );
    await dialog.getByLabel('Chức vụ').fill('Chuyên viên phụ trách thông tin');
    await dialog.getByLabel(/^Số điện thoại/).fill('024 3943 7018');
    await dialog
      .getByLabel('Mục đích gửi')
      .fill('Đề nghị đăng tại chuyên mục Tin hoạt động của Bộ');
    await expectAccessible('submission dialog', focalPoint);

    await dialog.getByRole('button', { name: 'Gửi lên Cổng Bộ' }).click();

    await dialog.getByText('Đã gửi lên Cổng Bộ.', { exact: false }).waitFor();
    await dialog.getByRole('link', { name: 'Theo dõi bài đã gửi' }).click();
    await expect.poll(() => new URL(focalPoint.url()).pathname).toMatch(/^\/admin\/gui-cong-bo\//);
    submissionId = new URL(focalPoint.url()).pathname.split('/').at(-1)!;
  });

  it('lets the standing section return it with a note', async () => {
    await chooseMainPortal(staff);
    await openFromNavigation(staff, 'Hàng chờ duyệt');
    const queued = staff.getByRole('row', { name: new RegExp(title) });
    await queued.getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => heading(staff)).toBe(title);
    const source = staff.getByRole('region', { name: 'Nguồn gửi' });
    expect(await source.textContent()).toContain('Cục An toàn thông tin');
    expect(await source.textContent()).toContain('Chuyên viên phụ trách thông tin');

    await staff.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = staff.getByRole('dialog', { name: 'Trả lại' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi lý do trước khi thực hiện bước này.').waitFor();
    await dialog.getByLabel('Lý do').fill(returnNote);
    await expectAccessible('note dialog', staff);
    // By keyboard: from the note, Tab reaches the dialog's own button.
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');

    const workflow = staff.getByRole('region', { name: 'Quy trình xử lý' });
    await expect
      .poll(() => workflow.locator('.badge').first().textContent())
      .toBe('Trả lại để sửa');
    await expect
      .poll(() => staff.evaluate(() => document.activeElement?.textContent))
      .toBe('Quy trình xử lý');
    const history = staff.getByRole('region', { name: 'Lịch sử xử lý' });
    expect(await history.textContent()).toContain(returnNote);
  });

  it('shows the note to the unit, which revises and resubmits', async () => {
    await openFromNavigation(focalPoint, 'Gửi Cổng Bộ');
    const row = focalPoint.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.textContent()).toContain(returnNote);
    expect(await row.textContent()).toContain('Trả lại để sửa');
    await expectAccessible('submissions list', focalPoint);
    await saveScreenshot(focalPoint, 'submissions');
    await focalPoint.setViewportSize({ width: 360, height: 740 });
    try {
      await expectNoHorizontalOverflow(focalPoint);
      await expectAccessible('submissions list at 360 px', focalPoint);
    } finally {
      await focalPoint.setViewportSize({ width: 1280, height: 900 });
    }

    await row.getByRole('link', { name: title }).click();
    await focalPoint.getByText(returnNote).first().waitFor();
    await focalPoint.getByLabel('Tiêu đề', { exact: true }).fill(revisedTitle);
    await focalPoint
      .getByLabel(/^Ghi chú cho Bộ phận Thường trực/)
      .fill('Đã bổ sung địa điểm vào tiêu đề.');
    await expectAccessible('returned submission', focalPoint);
    await saveScreenshot(focalPoint, 'submission-returned');
    await focalPoint.getByRole('button', { name: 'Gửi lại Cổng Bộ' }).click();

    const state = focalPoint.getByRole('region', { name: 'Tình trạng tại Cổng Bộ' });
    await expect
      .poll(() => state.locator('.badge').textContent(), { timeout: 15_000 })
      .toBe('Đã gửi');
  });

  it('takes the submission through to published', async () => {
    await staff.goto(`${server.origin}/admin/noi-dung/${submissionId}`);
    await expect.poll(() => heading(staff)).toBe(revisedTitle);

    await takeStep(staff, 'Tiếp nhận', 'Đã tiếp nhận');
    await staff.getByRole('button', { name: 'Phân loại', exact: true }).click();
    const classify = staff.getByRole('dialog', { name: 'Phân loại' });
    await classify.getByLabel('Chuyên mục').selectOption({ index: 1 });
    await classify.getByRole('button', { name: 'Phân loại' }).click();
    const workflow = staff.getByRole('region', { name: 'Quy trình xử lý' });
    await expect.poll(() => workflow.locator('.badge').first().textContent()).toBe('Đã phân loại');
    await takeStep(staff, 'Chuyển duyệt', 'Đang duyệt');
    await takeStep(staff, 'Duyệt', 'Đã duyệt');
    await takeStep(staff, 'Đăng ngay', 'Đã đăng');
  });

  it('compares the sent and the resubmitted revision', async () => {
    const revisions = staff.getByRole('region', { name: 'Các phiên bản' });
    await revisions.getByRole('button', { name: 'So sánh' }).click();

    const table = revisions.getByRole('table', { name: /^Bản số 1 bên trái/ });
    await table.waitFor();
    const titleRow = table.getByRole('row', { name: /^Tiêu đề/ });
    expect(await titleRow.locator('ins').allTextContents()).toContain('[thêm: tại Hà Nội]');
    await expectAccessible('revision diff', staff);
    await revisions.scrollIntoViewIfNeeded();
    await saveScreenshot(staff, 'revision-diff');
    await staff.setViewportSize({ width: 360, height: 740 });
    try {
      await expectNoHorizontalOverflow(staff);
      await expectAccessible('revision diff at 360 px', staff);
      await saveScreenshot(staff, 'revision-diff-narrow');
    } finally {
      await staff.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the article on the main portal', async () => {
    const publicPath = await staff.locator('.editor-address__path code').textContent();
    expect(publicPath).toMatch(/^\/tin-tuc\/[a-z0-9-]+$/);

    const visitor = await newPage();
    const response = await visitor.goto(`${server.origin}${publicPath}`);

    expect(response?.status()).toBe(200);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(revisedTitle);
    expect(await visitor.locator('main').textContent()).toContain(bodyText);
  });

  it('refuses to overwrite a revision another editor saved', async () => {
    const editor = await newPage();
    await signInToAdmin(editor, server, unitEditorEmail);
    await editor.goto(`${server.origin}${unitDraftPath}`);
    await focalPoint.goto(`${server.origin}${unitDraftPath}`);
    await editor.getByLabel('Tiêu đề', { exact: true }).waitFor();
    await focalPoint.getByLabel('Tiêu đề', { exact: true }).waitFor();

    await editor.getByLabel(/^Tóm tắt \(sapo\)/).fill(`${lead} Biên tập viên đã sửa.`);
    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.getByText(/^Đã lưu lúc/).waitFor();
    const mine = `${lead} Đầu mối sửa cùng lúc.`;
    await focalPoint.getByLabel(/^Tóm tắt \(sapo\)/).fill(mine);
    await focalPoint.getByRole('button', { name: 'Lưu', exact: true }).click();

    const alert = focalPoint.getByRole('alert').filter({ hasText: 'đã có bản mới hơn' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Biên tập viên Cục ATTT đã lưu bản số 2');
    expect(await focalPoint.getByLabel(/^Tóm tắt \(sapo\)/).inputValue()).toBe(mine);
    await focalPoint.getByRole('button', { name: 'So sánh với bản mới hơn' }).click();
    const comparison = focalPoint.getByRole('table', {
      name: 'So sánh bản mới hơn trên máy chủ với nội dung bạn đang soạn',
    });
    await comparison.waitFor();
    expect(await comparison.locator('del').allTextContents()).toContain('[bỏ: Biên tập viên đã]');
    await expectAccessible('save conflict', focalPoint);
    await saveScreenshot(focalPoint, 'save-conflict');

    // The editor's revision is still the newest: nothing was overwritten.
    await editor.reload();
    expect(await editor.getByLabel(/^Tóm tắt \(sapo\)/).inputValue()).toBe(
      `${lead} Biên tập viên đã sửa.`,
    );
  });
});
