import fs from 'node:fs';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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

// The board head has `policy.manage_default`, and the unit admin of the ais portal sets overrides.
const boardHeadEmail = 'truong.ban@demo.mic.gov.vn';
const unitAdminEmail = 'quan.tri.ais@demo.mic.gov.vn';
const answerDays = 'Thời hạn trả lời phản ánh, kiến nghị';
const boardReason = 'Rút ngắn thời hạn trả lời theo chỉ đạo của Ban Biên tập';

if (!hasChromium) {
  console.warn(`policies e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('policy and compliance screens in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  let boardContext: BrowserContext;
  let boardPage: Page;
  let unitContext: BrowserContext;
  let unitPage: Page;

  async function expectAccessible(screen: string, on: Page) {
    const problems = await findAccessibilityProblems(on);
    expect(problems, `axe on ${screen}`).toEqual([]);
  }

  async function openFromNavigation(on: Page, label: string, heading: string) {
    await on
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: label })
      .click();
    await expect.poll(() => on.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
  }

  function policyCard(on: Page, name: string): Locator {
    return on.getByRole('article', { name });
  }

  async function horizontalOverflow(on: Page) {
    return on.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchChromium();
    boardContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    boardPage = await boardContext.newPage();
    await signInToAdmin(boardPage, server, boardHeadEmail);
    unitContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
    });
    unitPage = await unitContext.newPage();
    await signInToAdmin(unitPage, server, unitAdminEmail);
  });

  afterAll(async () => {
    await boardContext?.close();
    await unitContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the board change a default with a reason', async () => {
    await openFromNavigation(boardPage, 'Chính sách', 'Chính sách');
    const card = policyCard(boardPage, answerDays);
    await card.getByText('20 ngày').first().waitFor();
    await expectAccessible('policies (board)', boardPage);
    await saveScreenshot(boardPage, 'policies');

    await card.getByRole('button', { name: /Đổi mức chung/ }).click();
    const dialog = boardPage.getByRole('dialog');
    await dialog.getByLabel('Mức chung mới').fill('15');
    await dialog.getByLabel('Lý do thay đổi').fill(boardReason);
    await expectAccessible('board default dialog', boardPage);
    await dialog.getByRole('button', { name: 'Lưu mức chung' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByText('Mức chung do Ban Biên tập đặt').waitFor();
    expect(await card.getByText('15 ngày').count()).toBeGreaterThan(0);
  });

  it('shows the change in the history with the portals affected', async () => {
    const card = policyCard(boardPage, answerDays);
    await card.getByRole('button', { name: /Lịch sử thay đổi/ }).click();
    const dialog = boardPage.getByRole('dialog');
    const row = dialog.getByRole('row', { name: new RegExp(boardReason) });
    await row.waitFor();

    expect(await row.textContent()).toContain('Trưởng Ban Biên tập');
    expect(await row.textContent()).toContain('Đổi mức chung');
    expect(await row.textContent()).toContain('20 ngày');
    expect(await row.textContent()).toContain('15 ngày');
    await dialog.getByText(/trong \d+ cổng đang theo mức chung/).waitFor();
    expect(await dialog.getByRole('row', { name: /Cục An toàn thông tin/ }).count()).toBe(1);
    await expectAccessible('policy history', boardPage);
    await saveScreenshot(boardPage, 'policy-history');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });

  it("shows a unit admin the board's value in force", async () => {
    await openFromNavigation(unitPage, 'Chính sách', 'Chính sách');
    const card = policyCard(unitPage, answerDays);
    await card.getByText('15 ngày').waitFor();

    expect(await card.getByText('Mức chung do Ban Biên tập đặt').count()).toBe(1);
    expect(await card.getByRole('button', { name: /Đổi mức chung/ }).count()).toBe(0);
    await expectAccessible('policies (unit admin)', unitPage);
  });

  it('rejects a looser override at the field and keeps the value', async () => {
    const card = policyCard(unitPage, answerDays);
    await card.getByRole('button', { name: /Đặt mức riêng/ }).click();
    const dialog = unitPage.getByRole('dialog');
    const field = dialog.getByLabel('Mức riêng của Cục An toàn thông tin');
    await field.fill('30');
    await dialog.getByLabel('Lý do thay đổi').fill('Cần thêm thời gian xác minh');
    await dialog.getByRole('button', { name: 'Lưu mức riêng' }).click();

    const message = dialog.getByText(/Allowed: a whole number from 1 to 15/);
    await message.waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(
      await message.locator('xpath=ancestor::p[1]').getAttribute('id'),
    );
    expect(await field.inputValue()).toBe('30');
    expect(await dialog.getByLabel('Lý do thay đổi').inputValue()).toBe(
      'Cần thêm thời gian xác minh',
    );
    await expectAccessible('override rejected', unitPage);
  });

  it('accepts a stricter override', async () => {
    const dialog = unitPage.getByRole('dialog');
    await dialog.getByLabel('Mức riêng của Cục An toàn thông tin').fill('10');
    await dialog.getByLabel('Lý do thay đổi').fill('Cục trả lời trong 10 ngày');
    await dialog.getByRole('button', { name: 'Lưu mức riêng' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = policyCard(unitPage, answerDays);
    await card.getByText('Mức riêng của cổng này').waitFor();
    expect(await card.getByText('10 ngày').count()).toBe(1);
  });

  it('fits the policies screen on a 360 px screen', async () => {
    await unitPage.setViewportSize({ width: 360, height: 740 });
    await unitPage.reload();
    await policyCard(unitPage, answerDays).getByText('10 ngày').waitFor();

    expect(await horizontalOverflow(unitPage)).toBeLessThanOrEqual(0);
    await expectAccessible('policies at 360 px', unitPage);
  });

  it("shows the board every seeded portal's figures", async () => {
    await openFromNavigation(boardPage, 'Tuân thủ', 'Tuân thủ');
    const table = boardPage.getByRole('table', { name: /Số liệu tuân thủ/ });
    const ais = table.getByRole('row', { name: /Cục An toàn thông tin/ });
    await ais.waitFor();

    expect(await table.getByRole('row', { name: /Cục Viễn thông/ }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('row').count()).toBeGreaterThan(10);
    const overrides = ais.locator('td[data-label="Mức riêng đang áp dụng"]');
    expect((await overrides.textContent())?.trim()).toBe('1');
    await boardPage
      .getByRole('figure', { name: 'Tin bài chờ duyệt theo thời gian chờ' })
      .or(boardPage.getByText('Không có tin bài nào đang chờ duyệt.'))
      .waitFor();
    await expectAccessible('compliance', boardPage);
    await saveScreenshot(boardPage, 'compliance');
  });

  it('sorts the table from a column header', async () => {
    const table = boardPage.getByRole('table', { name: /Số liệu tuân thủ/ });
    const header = table.getByRole('columnheader', { name: /Mức riêng đang áp dụng/ });
    await header.getByRole('button').click();

    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.textContent()).toContain('Cục An toàn thông tin');
  });

  it('opens the details of a portal', async () => {
    const table = boardPage.getByRole('table', { name: /Số liệu tuân thủ/ });
    await table.getByRole('button', { name: 'Cục An toàn thông tin', exact: true }).click();
    const dialog = boardPage.getByRole('dialog', { name: 'Cục An toàn thông tin' });
    await dialog.getByText(answerDays).waitFor();

    await expectAccessible('compliance details', boardPage);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });

  it('downloads the CSV', async () => {
    const [download] = await Promise.all([
      boardPage.waitForEvent('download'),
      boardPage.getByRole('link', { name: 'Tải về tệp CSV' }).click(),
    ]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');

    expect(download.suggestedFilename()).toMatch(/^tuan-thu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toContain('tenant_slug,tenant_name,check');
    expect(text).toContain('policy_override');
  });

  it('fits the compliance screen on a 360 px screen', async () => {
    await boardPage.setViewportSize({ width: 360, height: 740 });
    await boardPage.reload();
    await boardPage.getByRole('table', { name: /Số liệu tuân thủ/ }).waitFor();

    expect(await horizontalOverflow(boardPage)).toBeLessThanOrEqual(0);
    await expectAccessible('compliance at 360 px', boardPage);
  });
});
