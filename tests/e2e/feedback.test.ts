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

if (!hasChromium) {
  console.warn(`feedback e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('feedback form in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  let unitOrigin: string;
  const contexts: BrowserContext[] = [];
  const policyViolations: string[] = [];

  async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) {
        policyViolations.push(message.text());
      }
    });
    return page;
  }

  async function fillForm(page: Page, subject: string) {
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Thư điện tử').fill('nguyen.thi.lan@example.vn');
    await page.getByLabel('Tiêu đề').fill(subject);
    await page
      .getByLabel('Nội dung')
      .fill('Đề nghị hướng dẫn rõ thành phần hồ sơ đề nghị cấp giấy phép trên cổng.');
    await page.getByLabel('Tôi đã đọc thông báo trên').check();
  }

  beforeAll(async () => {
    server = await startAdminServer();
    unitOrigin = server.origin.replace('//mic.localhost', '//ais.mic.localhost');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('solves the proof of work and shows a tracking code', async () => {
    const page = await openPage();
    await page.goto(`${unitOrigin}/gop-y`);

    const isQuestionHidden = await page.locator('#fb-arithmetic').isHidden();
    const problems = await findAccessibilityProblems(page);
    await fillForm(page, 'Phản ánh gửi bằng trình duyệt có JavaScript');
    await page.getByRole('button', { name: 'Gửi' }).click();
    const code = await page.locator('#fb-tracking-code').textContent({ timeout: 60_000 });
    await saveScreenshot(page, 'feedback-submitted');

    await page.goto(`${unitOrigin}/tra-cuu-gop-y`);
    await page.getByLabel('Mã tra cứu').fill(code ?? '');
    await page.getByRole('button', { name: 'Tra cứu' }).click();

    expect(isQuestionHidden).toBe(true);
    expect(problems).toEqual([]);
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
    expect(await page.getByText('Đã tiếp nhận').count()).toBeGreaterThan(0);
    expect(policyViolations).toEqual([]);
  });

  it('takes the arithmetic answer without JavaScript', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`${unitOrigin}/gop-y`);
    const label = await page.locator('label[for="fb-arithmeticAnswer"]').textContent();
    const [, first, second] = /(\d+) \+ (\d+)/.exec(label ?? '') ?? [];

    await fillForm(page, 'Phản ánh gửi khi trình duyệt tắt JavaScript');
    await page.locator('#fb-arithmeticAnswer').fill(String(Number(first) + Number(second)));
    await page.getByRole('button', { name: 'Gửi' }).click();

    expect(await page.locator('#fb-tracking-code').textContent()).toMatch(/^[A-Z2-7-]{29}$/);
  });

  it('brings the form back filled in after an error', async () => {
    const page = await openPage();
    await page.goto(`${unitOrigin}/gop-y`);
    await page.getByLabel('Họ và tên').fill('Hoàng Văn Nam');
    await page.getByLabel('Tiêu đề').fill('Phản ánh thiếu cách liên hệ');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.locator('.error-summary').waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'feedback-errors');

    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Hoàng Văn Nam');
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Phản ánh thiếu cách liên hệ');
    expect(await page.locator('#fb-senderEmail').getAttribute('aria-invalid')).toBe('true');
    expect(await findAccessibilityProblems(page)).toEqual([]);
  });
});
