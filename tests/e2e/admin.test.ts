import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
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

const editorEmail = 'bien.tap.ais@demo.mic.gov.vn';
const boardHeadEmail = 'truong.ban@demo.mic.gov.vn';
const unitAdminEmail = 'quan.tri.ais@demo.mic.gov.vn';

if (!hasChromium) {
  console.warn(`admin e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('admin SPA in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const policyViolations: string[] = [];

  /** Opens a page in a fresh context (own cookies and storage), watching for CSP reports. */
  async function openPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
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

  function passwordOf(email: string): string {
    const password = server.passwords.get(email);
    if (!password) {
      throw new Error(`no demo password was printed for ${email}`);
    }
    return password;
  }

  async function signIn(page: Page, email: string, password = passwordOf(email)) {
    await page.goto(`${server.origin}/admin/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

  async function expectAccessible(page: Page, screen: string) {
    const problems = await findAccessibilityProblems(page);
    expect(problems, `axe on ${screen}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  describe('an editor without a second factor', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openPage();
    });

    it('sends a visitor to the sign-in page', async () => {
      await page.goto(`${server.origin}/admin/nguoi-dung`);

      await expect.poll(() => page.url()).toContain('/admin/dang-nhap?tiep=%2Fnguoi-dung');
      await expectAccessible(page, 'sign-in');
      await saveScreenshot(page, 'sign-in');
    });

    it('signs in and opens the dashboard', async () => {
      await signIn(page, editorEmail);
      const heading = page.getByRole('heading', { level: 1 });

      await expect.poll(() => heading.textContent()).toContain('Xin chào');
      await page.locator('.badge', { hasText: 'Biên tập viên' }).waitFor();

      expect(await page.locator('.badge', { hasText: 'Biên tập viên' }).count()).toBe(1);
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await page
        .getByText(/việc đang chờ|Không có việc nào đang chờ bạn/)
        .first()
        .waitFor();
      expect(await page.getByRole('heading', { name: 'Hoạt động gần đây' }).count()).toBe(1);
      await expectAccessible(page, 'dashboard');
      await saveScreenshot(page, 'dashboard-editor');
    });

    it('hides the people screen from the navigation', async () => {
      const links = await navigation(page).getByRole('link').allTextContents();

      expect(links).toContain('Nội dung');
      expect(links).not.toContain('Người dùng và vai trò');
    });

    it('shows the 403 page for a screen the role does not open', async () => {
      await page.goto(`${server.origin}/admin/nguoi-dung`);

      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Bạn chưa có quyền mở trang này');
      await expectAccessible(page, '403 page');
      await saveScreenshot(page, 'forbidden');
    });

    it('shows the 404 page for an unknown address', async () => {
      await page.goto(`${server.origin}/admin/khong-co-trang-nay`);

      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Không có trang này');
      await expectAccessible(page, '404 page');
    });

    it('lists the sessions and the password form', async () => {
      await navigation(page).getByRole('link', { name: 'Phiên đăng nhập' }).click();
      await page.getByText('Phiên này').waitFor();
      await expectAccessible(page, 'my sessions');
      await saveScreenshot(page, 'my-sessions');

      await navigation(page).getByRole('link', { name: 'Đổi mật khẩu' }).click();
      await page.getByLabel('Mật khẩu hiện tại').waitFor();
      await expectAccessible(page, 'change password');
    });

    it('switches to English and remembers it', async () => {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.reload();

      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Change password');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await saveScreenshot(page, 'change-password-english');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    });

    it('shows the lost-connection banner while offline', async () => {
      await page.context().setOffline(true);
      await navigation(page).getByRole('link', { name: 'Phiên đăng nhập' }).click();
      const banner = page.getByText('Mất kết nối tới máy chủ.');

      await banner.waitFor();
      await saveScreenshot(page, 'connection-lost');
      await page.getByRole('button', { name: 'Kết nối lại ngay' }).click();
      await page.getByRole('button', { name: 'Kết nối lại ngay' }).waitFor();
      await page.context().setOffline(false);

      // Going online makes the admin probe the server at once, and the banner goes away.
      await banner.waitFor({ state: 'detached' });
    });
  });

  describe('keyboard and small screens', () => {
    it('signs in with the keyboard only', async () => {
      const page = await openPage();
      await page.goto(`${server.origin}/admin/dang-nhap`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      for (let presses = 0; presses < 6; presses += 1) {
        const isEmail = await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.type === 'email',
        );
        if (isEmail) {
          break;
        }
        await page.keyboard.press('Tab');
      }
      const isFocusVisible = await page.evaluate(() =>
        document.activeElement?.matches(':focus-visible'),
      );
      await page.keyboard.type(editorEmail);
      await page.keyboard.press('Tab');
      await page.keyboard.type(passwordOf(editorEmail));
      await page.keyboard.press('Enter');
      await page.getByText('Xin chào', { exact: false }).first().waitFor();
      const focused = await page.evaluate(() => document.activeElement?.tagName);

      expect(isFocusVisible).toBe(true);
      expect(focused).toBe('H1');
    });

    it('fits a 360 px wide phone', async () => {
      const page = await openPage({ width: 360, height: 740 });
      await signIn(page, editorEmail);
      await page.getByText('Xin chào', { exact: false }).first().waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await saveScreenshot(page, 'dashboard-360px');
      await page.getByRole('button', { name: 'Danh mục' }).click();
      await navigation(page).getByRole('link', { name: 'Đổi mật khẩu' }).click();
      await page.getByLabel('Mật khẩu hiện tại').waitFor();

      expect(scrollWidth).toBeLessThanOrEqual(360);
      await expectAccessible(page, 'phone dashboard');
    });
  });

  describe('a board head who must set up a second factor', () => {
    let page: Page;
    let recoveryCodes: string[] = [];

    beforeAll(async () => {
      page = await openPage();
    });

    it('is sent to the set-up page after signing in', async () => {
      await signIn(page, boardHeadEmail);

      await expect.poll(() => page.url()).toContain('/admin/thiet-lap-xac-thuc');
      await page.getByRole('img', { name: /Mã QR/ }).waitFor();
      await expectAccessible(page, 'enrolment');
      await saveScreenshot(page, 'enrolment');
    });

    it('confirms the app with a code and shows ten recovery codes', async () => {
      const secret = await page.locator('[data-secret]').getAttribute('data-secret');
      const code = generateTOTP(decodeBase32IgnorePadding(secret ?? ''), 30, 6);
      await page.getByLabel('Mã xác thực').fill(code);
      await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
      await page.getByRole('heading', { name: 'Lưu mã khôi phục' }).waitFor();
      recoveryCodes = await page.locator('[data-recovery-code]').allTextContents();

      expect(recoveryCodes).toHaveLength(10);
      await expectAccessible(page, 'recovery codes');
      await saveScreenshot(page, 'recovery-codes');
    });

    it('opens the dashboard only after the codes are confirmed saved', async () => {
      const proceed = page.getByRole('button', { name: 'Tiếp tục vào trang quản trị' });
      // A forced click skips Playwright's own wait for an enabled button.
      await proceed.click({ force: true });
      const isStillThere = await page.getByRole('heading', { name: 'Lưu mã khôi phục' }).count();
      await page.getByLabel('Tôi đã lưu mười mã này ở nơi an toàn.').check();
      await proceed.click();
      await page.getByText('Xin chào', { exact: false }).first().waitFor();

      await page.locator('.badge', { hasText: 'Trưởng Ban Biên tập' }).waitFor();

      expect(isStillThere).toBe(1);
      expect(await page.locator('.badge', { hasText: 'Trưởng Ban Biên tập' }).count()).toBe(1);
    });

    it('switches the portal from the searchable picker', async () => {
      const switcher = page.getByRole('button', { name: /Cổng đang làm việc/ });
      await switcher.click();
      const dialog = page.getByRole('dialog', { name: 'Chọn cổng để làm việc' });
      await dialog.getByLabel('Tìm cổng').fill('an toan');
      await expectAccessible(page, 'portal picker');
      await saveScreenshot(page, 'portal-picker');
      await dialog.getByRole('button', { name: /Cục An toàn thông tin/ }).click();

      await expect.poll(() => switcher.textContent()).toContain('Cục An toàn thông tin');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toContain('Xin chào');
      expect(await page.getByText('Bạn đang làm việc trên Cục An toàn thông tin.').count()).toBe(1);
      await saveScreenshot(page, 'dashboard-board');
    });

    it('closes the picker on Escape and returns focus to its button', async () => {
      const switcher = page.getByRole('button', { name: /Cổng đang làm việc/ });
      await switcher.click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const focusedText = await page.evaluate(() => document.activeElement?.textContent ?? '');

      expect(focusedText).toContain('Cổng đang làm việc');
    });

    it('lists every account on the board screen', async () => {
      await navigation(page).getByRole('link', { name: 'Tài khoản Ban Biên tập' }).click();
      await page.getByRole('button', { name: 'Trưởng Ban Biên tập' }).first().waitFor();
      await expectAccessible(page, 'board accounts');
      await saveScreenshot(page, 'board-accounts');
      await page.getByRole('button', { name: 'Biên tập viên Cục ATTT' }).click();
      const dialog = page.getByRole('dialog', { name: 'Biên tập viên Cục ATTT' });
      await dialog.getByText('Vai trò Ban Biên tập', { exact: true }).waitFor();

      await expectAccessible(page, 'board account dialog');
      await page.keyboard.press('Escape');
    });

    it('signs in again with a recovery code', async () => {
      const second = await openPage();
      await signIn(second, boardHeadEmail);
      await expect.poll(() => second.url()).toContain('/admin/dang-nhap/ma-xac-thuc');
      await expectAccessible(second, 'second factor');
      await saveScreenshot(second, 'second-factor');
      await second.getByRole('button', { name: /Dùng mã khôi phục/ }).click();
      await second.getByLabel('Mã khôi phục').fill(recoveryCodes[0] ?? '');
      await second.getByRole('button', { name: 'Xác nhận' }).click();

      await second.getByText('Xin chào', { exact: false }).first().waitFor();
    });
  });

  describe('a unit admin managing people', () => {
    let page: Page;
    let setupUrl = '';
    const newEmail = `can.bo.moi.${Date.now()}@demo.mic.gov.vn`;

    beforeAll(async () => {
      page = await openPage();
      await signIn(page, unitAdminEmail);
      await page.getByText('Xin chào', { exact: false }).first().waitFor();
    });

    it('lists the people of the portal', async () => {
      await navigation(page).getByRole('link', { name: 'Người dùng và vai trò' }).click();
      await page.getByRole('button', { name: 'Biên tập viên Cục ATTT' }).waitFor();

      await expectAccessible(page, 'people');
      await saveScreenshot(page, 'people');
    });

    it('keeps what was typed when the save fails, and saves on retry', async () => {
      await page.route('**/api/admin/users', (route) =>
        route.request().method() === 'POST'
          ? route.abort('internetdisconnected')
          : route.continue(),
      );
      await page.getByRole('button', { name: 'Thêm người' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Email').fill(newEmail);
      await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Mới');
      await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
      await dialog.getByRole('checkbox', { name: /Biên tập viên/ }).check();
      await expectAccessible(page, 'add person dialog');
      await dialog.getByRole('button', { name: 'Thêm người' }).click();
      await dialog.getByText('Không kết nối được tới máy chủ.').waitFor();
      await saveScreenshot(page, 'add-person-failed');
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await page.getByRole('button', { name: 'Thêm người' }).click();
      const reopened = page.getByRole('dialog');
      await reopened.getByText('Đã điền lại những gì bạn nhập').waitFor();

      expect(await reopened.getByLabel('Email').inputValue()).toBe(newEmail);
      expect(await reopened.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Mới');
      expect(await reopened.getByRole('checkbox', { name: /Biên tập viên/ }).isChecked()).toBe(
        true,
      );

      await page.unroute('**/api/admin/users');
      await reopened.getByRole('button', { name: 'Thêm người' }).click();
      const link = reopened.locator('[data-one-time-link]');
      await link.waitFor();
      setupUrl = await link.inputValue();

      expect(setupUrl).toMatch(
        new RegExp(`^${server.origin}/admin/dat-lai-mat-khau\\?token=[a-z2-7]{32}$`),
      );
      await expectAccessible(page, 'set-up link');
      await saveScreenshot(page, 'set-up-link');
    });

    it('shows the new person in the list', async () => {
      await page.getByRole('dialog').getByRole('button', { name: 'Xong' }).click();

      await page.getByRole('button', { name: 'Nguyễn Thị Mới' }).waitFor();
    });

    it('opens a member with their roles and account actions', async () => {
      await page.getByRole('button', { name: 'Nguyễn Thị Mới' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nguyễn Thị Mới' });
      await dialog.getByRole('checkbox', { name: /Tác giả/ }).check();
      await dialog.getByRole('button', { name: 'Lưu vai trò' }).click();
      await dialog.getByText('Đã lưu vai trò.').waitFor();

      expect(
        await dialog.getByRole('button', { name: 'Cấp liên kết đặt lại mật khẩu' }).count(),
      ).toBe(1);
      await expectAccessible(page, 'member dialog');
      await saveScreenshot(page, 'member-dialog');
      await page.keyboard.press('Escape');
    });

    it('lets the new person choose a password and sign in', async () => {
      const newcomer = await openPage();
      await newcomer.goto(setupUrl);
      await newcomer.getByLabel('Mật khẩu mới', { exact: true }).fill('mua-thu-ha-noi-2026');
      await newcomer.getByLabel('Nhập lại mật khẩu mới').fill('mua-thu-ha-noi-2026');
      await expectAccessible(newcomer, 'password set-up');
      await newcomer.getByRole('button', { name: 'Lưu mật khẩu' }).click();
      await newcomer.getByRole('heading', { name: 'Đã lưu mật khẩu' }).waitFor();
      await signIn(newcomer, newEmail, 'mua-thu-ha-noi-2026');
      await newcomer.getByText('Xin chào, Nguyễn Thị Mới').waitFor();

      await newcomer.locator('.badge', { hasText: 'Tác giả, cộng tác viên' }).waitFor();

      expect(await newcomer.locator('.badge').allTextContents()).toEqual([
        'Biên tập viên',
        'Tác giả, cộng tác viên',
      ]);
    });
  });

  it('runs under the admin CSP without a violation', () => {
    expect(policyViolations).toEqual([]);
  });
});
