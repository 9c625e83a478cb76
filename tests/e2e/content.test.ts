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

const editorEmail = 'bien.tap.ais@demo.mic.gov.vn';
const standingStaffEmail = 'thuong.truc@demo.mic.gov.vn';
const focalPointEmail = 'dau.moi.ais@demo.mic.gov.vn';
const submittedTitle = 'Cảnh báo lỗ hổng trên thiết bị định tuyến';

if (!hasChromium) {
  console.warn(`content e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('content screens in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function expectAccessible(screen: string, on = page) {
    const problems = await findAccessibilityProblems(on);
    expect(problems, `axe on ${screen}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    page = await context.newPage();
    await signInToAdmin(page, server, editorEmail);
    await page.getByText('Xin chào', { exact: false }).first().waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('opens the list from the navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Nội dung' })
      .click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Nội dung');
    await page.getByText(/^Tìm thấy \d+ mục$/).waitFor();
    await expectAccessible('content list');
    await saveScreenshot(page, 'content-list');
  });

  it('keeps a chosen filter in the address', async () => {
    await page.getByLabel('Loại').selectOption('announcement');

    await expect.poll(() => new URL(page.url()).searchParams.get('loai')).toBe('announcement');
    await page.reload();
    await page.getByText(/^Tìm thấy \d+ mục$/).waitFor();
    expect(await page.getByLabel('Loại').inputValue()).toBe('announcement');
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.origin}/admin/noi-dung`);
    await page.getByText(/^Tìm thấy \d+ mục$/).waitFor();

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible('content list at 360 px');
    await saveScreenshot(page, 'content-list-narrow');
  });

  it('hides the review queue from a unit editor', async () => {
    // At 360 px the navigation folds behind the menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link')
      .first()
      .waitFor();
    const links = await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link')
      .allTextContents();

    expect(links).toContain('Nội dung');
    expect(links).not.toContain('Hàng chờ duyệt');
  });

  it('shows the standing section its queue', async () => {
    // The unit's focal point sends an item up, so the queue has a row to show.
    const unitContext = await browser.newContext({ locale: 'vi-VN' });
    const unitPage = await unitContext.newPage();
    await signInToAdmin(unitPage, server, focalPointEmail);
    const status = await unitPage.evaluate(async (titleVi) => {
      const tenants = (await (await fetch('/api/admin/tenants')).json()) as {
        tenants: { id: string; slug: string }[];
      };
      const ais = tenants.tenants.find((tenant) => tenant.slug === 'ais');
      const response = await fetch('/api/admin/content/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenantId: ais?.id,
          type: 'article',
          titleVi,
          provenance: {
            senderName: 'Cán bộ đầu mối Cục ATTT',
            senderTitle: 'Chuyên viên',
            purpose: 'Đề nghị đăng trên Cổng của Bộ',
          },
        }),
      });
      return response.status;
    }, submittedTitle);
    await unitContext.close();
    expect(status).toBe(201);

    const staffContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    const staffPage = await staffContext.newPage();
    try {
      await signInToAdmin(staffPage, server, standingStaffEmail);

      await staffPage
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Hàng chờ duyệt' })
        .click();

      await expect
        .poll(() => staffPage.getByRole('heading', { level: 1 }).textContent())
        .toBe('Hàng chờ duyệt');
      const row = staffPage.getByRole('row', { name: new RegExp(submittedTitle) });
      await row.waitFor();

      expect(await row.textContent()).toContain('Cục An toàn thông tin');
      expect(await row.textContent()).toContain('Đề nghị đăng trên Cổng của Bộ');
      await expectAccessible('review queue', staffPage);
      await saveScreenshot(staffPage, 'review-queue');
    } finally {
      await staffContext.close();
    }
  });
});
