import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';

import type { AdminServer } from './admin-server.ts';

/** Returns the password the demo start-up printed for an account, or throws naming it. */
export function demoPassword(server: AdminServer, email: string): string {
  const password = server.passwords.get(email);
  if (!password) {
    throw new Error(`no demo password was printed for ${email}`);
  }
  return password;
}

/**
 * Signs a demo account in to the admin through its sign-in form. An account whose role needs a
 * second factor and has none yet sets one up first, with a code computed from the secret the
 * enrolment page shows, and confirms its recovery codes. Returns once the dashboard greets it.
 */
export async function signInToAdmin(page: Page, server: AdminServer, email: string) {
  await page.goto(`${server.origin}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword(server, email));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  const qrCode = page.getByRole('img', { name: /Mã QR/ });
  const greeting = page.getByText('Xin chào', { exact: false }).first();
  await qrCode.or(greeting).waitFor();
  if (await qrCode.isVisible()) {
    const secret = await page.locator('[data-secret]').getAttribute('data-secret');
    await page
      .getByLabel('Mã xác thực')
      .fill(generateTOTP(decodeBase32IgnorePadding(secret ?? ''), 30, 6));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByLabel('Tôi đã lưu mười mã này ở nơi an toàn.').check();
    await page.getByRole('button', { name: 'Tiếp tục vào trang quản trị' }).click();
  }
  await greeting.waitFor();
}
