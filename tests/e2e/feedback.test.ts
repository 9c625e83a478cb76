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

  it('follows a submission to its published answer', async () => {
    const subject = 'Đề nghị công khai thời hạn giải quyết hồ sơ';
    const answer =
      'Cục đã đăng thời hạn giải quyết của từng thủ tục tại mục Dịch vụ công; hồ sơ được giải quyết trong 10 ngày làm việc.';
    const page = await openPage();
    await page.goto(`${unitOrigin}/gop-y`);
    await fillForm(page, subject);
    await page.getByRole('button', { name: 'Gửi' }).click();
    const code = (await page.locator('#fb-tracking-code').textContent({ timeout: 60_000 })) ?? '';

    // The unit admin handles the case through the admin API, from the admin's own origin.
    const admin = await openPage();
    await admin.goto(`${server.origin}/admin/`);
    const email = 'quan.tri.ais@demo.mic.gov.vn';
    const status = await admin.evaluate(
      async ({ email, password, subject, answer }) => {
        const call = async (method: string, path: string, body?: unknown) => {
          const response = await fetch(`/api/admin${path}`, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: response.status, body: await response.json() };
        };
        await call('POST', '/auth/login', { email, password });
        const tenants = await call('GET', '/tenants');
        const ais = tenants.body.tenants.find((tenant: { slug: string }) => tenant.slug === 'ais');
        const cases = await call('GET', `/feedback/cases?tenantId=${ais.id}`);
        const found = cases.body.cases.find(
          (entry: { subject: string }) => entry.subject === subject,
        );
        const steps = [
          ['classify', { tenantId: ais.id, topic: 'proposal' }],
          ['answer', { tenantId: ais.id, answer }],
          ['approve', { tenantId: ais.id }],
          ['publish', { tenantId: ais.id }],
        ] as const;
        const results: number[] = [];
        for (const [name, body] of steps) {
          results.push((await call('POST', `/feedback/cases/${found.id}/${name}`, body)).status);
        }
        return results;
      },
      { email, password: server.passwords.get(email) ?? '', subject, answer },
    );

    await page.goto(`${unitOrigin}/tra-cuu-gop-y`);
    await page.getByLabel('Mã tra cứu').fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const lookup = await page.locator('main').textContent();
    await page.goto(`${unitOrigin}/tra-loi-phan-anh`);
    const answers = await page.locator('main').textContent();

    expect(status).toEqual([200, 200, 200, 200]);
    expect(lookup).toContain(answer);
    expect(answers).toContain(subject);
    expect(answers).not.toContain('Nguyễn Thị Lan');
  });
});
