import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { build } from 'vite';
import solid from 'vite-plugin-solid';
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
const harnessFolder = path.join(import.meta.dirname, '../web/media/picker-harness');
const harnessBase = '/picker-harness/';

if (!hasChromium) {
  console.warn(`media e2e tests skipped: ${chromiumPath} not found (apt-get install chromium)`);
}

/** Encodes a noisy PNG, so each seed gives different bytes and the server stores each once. */
async function makePng(width: number, height: number, seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let index = 0; index < pixels.length; index++) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    pixels[index] = state >>> 16;
  }

  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Returns a Windows program's first bytes: the `MZ` stub pointing at a `PE\0\0` header. */
function programBytes(): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);

  return bytes;
}

/** Builds the picker's test page with Vite into a temporary folder. */
async function buildPickerHarness(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-picker-harness-'));
  await build({
    root: harnessFolder,
    base: harnessBase,
    configFile: false,
    logLevel: 'warn',
    plugins: [solid()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });

  return outDir;
}

describe.skipIf(!hasChromium)('media library in Chromium', () => {
  let server: AdminServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let harnessDir: string;
  let publicUrl = '';

  async function expectAccessible(screen: string, on = page) {
    const problems = await findAccessibilityProblems(on);
    expect(problems, `axe on ${screen}`).toEqual([]);
  }

  const uploadList = () => page.getByRole('list', { name: 'Tệp đang tải lên' });
  const uploadLine = (name: string) => uploadList().getByRole('listitem').filter({ hasText: name });
  const card = (name: string): Locator =>
    page
      .getByRole('list', { name: 'Tệp của cổng' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('button', { name, exact: true }),
      });

  async function expectThumbnailLoaded(name: string) {
    const image = card(name).locator('img');
    await image.waitFor();
    await expect
      .poll(() =>
        image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
      )
      .toBeGreaterThan(0);
  }

  beforeAll(async () => {
    [server, harnessDir] = await Promise.all([startAdminServer(), buildPickerHarness()]);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    // The picker's test page is served from its build on the admin's origin, so it shares the
    // session cookie and calls the real API.
    await context.route(`${server.origin}${harnessBase}**`, async (route) => {
      const requested = new URL(route.request().url()).pathname.slice(harnessBase.length);
      const file = path.join(harnessDir, requested || 'index.html');
      await route.fulfill({
        path: fs.existsSync(file) ? file : path.join(harnessDir, 'index.html'),
      });
    });
    page = await context.newPage();
    await signInToAdmin(page, server, editorEmail);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (harnessDir) {
      fs.rmSync(harnessDir, { recursive: true, force: true });
    }
  });

  it('opens the library from the navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thư viện tệp' })
      .click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Thư viện tệp');
    await page.getByText(/^Tìm thấy \d+ tệp$/).waitFor();
    await page.getByText(/ trên 2 GB \(\d+%\)$/).waitFor();
    await expectAccessible('media library');
  });

  it('uploads a PNG chosen with the file button', async () => {
    const png = await makePng(1200, 800, 1);

    await page
      .locator('.upload-zone input[type="file"]')
      .setInputFiles({ name: 'hop-bao.png', mimeType: 'image/png', buffer: png });

    await uploadLine('hop-bao.png').getByText('Đã tải lên.').waitFor();
    expect(await uploadLine('hop-bao.png').locator('progress').getAttribute('value')).toBe('100');
    await expectThumbnailLoaded('hop-bao.png');
  });

  it('uploads a PNG dropped on the drop zone', async () => {
    const png = await makePng(640, 480, 2);

    await page.evaluate(
      ({ base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'image/png' }));
        const zone = document.querySelector('.upload-zone')!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          zone.dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }
      },
      { base64: png.toString('base64'), name: 'tha-vao.png' },
    );

    await uploadLine('tha-vao.png').getByText('Đã tải lên.').waitFor();
    await expectThumbnailLoaded('tha-vao.png');
  });

  it('shows a refused file its own error and keeps the other upload', async () => {
    const png = await makePng(300, 200, 3);

    await page.locator('.upload-zone input[type="file"]').setInputFiles([
      { name: 'cai-dat.pdf', mimeType: 'application/pdf', buffer: programBytes() },
      { name: 'hop-le.png', mimeType: 'image/png', buffer: png },
    ]);

    const refused = uploadLine('cai-dat.pdf').getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Tệp không được nhận');
    expect(await refused.textContent()).toContain('Programs and installers are not accepted.');
    await uploadLine('hop-le.png').getByText('Đã tải lên.').waitFor();
    expect(await uploadLine('hop-le.png').getByRole('alert').count()).toBe(0);
    await expectThumbnailLoaded('hop-le.png');
    await expectAccessible('media library with uploads');
    await saveScreenshot(page, 'media-library');
  });

  it('edits the alternative text in the details', async () => {
    await page.getByRole('button', { name: 'hop-bao.png', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'hop-bao.png' });
    await dialog.waitFor();

    await dialog.getByLabel('Văn bản thay thế tiếng Việt').fill('Họp báo công bố kết quả');
    await dialog.getByLabel('Văn bản thay thế tiếng Anh').fill('Press conference');
    await dialog.getByRole('button', { name: 'Lưu văn bản thay thế' }).click();

    await dialog.getByText('Đã lưu.').waitFor();
    await dialog.getByText('Chưa có nội dung nào dùng tệp này.').waitFor();
    publicUrl = await dialog.getByRole('textbox', { name: 'Địa chỉ công khai' }).inputValue();
    expect(publicUrl).toMatch(
      /^http:\/\/ais\.mic\.localhost:\d+\/media\/[0-9a-f-]{36}\/hop-bao\.png$/,
    );
    await expectAccessible('media details');
    await saveScreenshot(page, 'media-details');
  });

  it('serves the file at its public address on the AIS host', async () => {
    const publicPage = await context.newPage();
    try {
      const response = await publicPage.goto(publicUrl);

      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('image/png');
      const image = await sharp(await response!.body()).metadata();
      expect(image.width).toBe(1200);
    } finally {
      await publicPage.close();
    }
  });

  it('deletes the file after a confirmation', async () => {
    const dialog = page.getByRole('dialog', { name: 'hop-bao.png' });

    await dialog.getByRole('button', { name: 'Xoá tệp…' }).click();
    await dialog.getByRole('button', { name: 'Xoá hẳn' }).click();

    await dialog.waitFor({ state: 'detached' });
    await card('hop-bao.png').waitFor({ state: 'detached' });
    const publicPage = await context.newPage();
    try {
      expect((await publicPage.goto(publicUrl))?.status()).toBe(404);
    } finally {
      await publicPage.close();
    }
  });

  it('keeps a chosen kind in the address', async () => {
    await page.getByLabel('Loại tệp').selectOption('pdf');

    await expect.poll(() => new URL(page.url()).searchParams.get('loai')).toBe('pdf');
    await page.getByText('Không có tệp nào khớp với bộ lọc.').waitFor();
    await page.reload();
    await page.getByText('Không có tệp nào khớp với bộ lọc.').waitFor();
    expect(await page.getByLabel('Loại tệp').inputValue()).toBe('pdf');
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.origin}/admin/thu-vien`);
    await page.getByText(/^Tìm thấy \d+ tệp$/).waitFor();
    await expectThumbnailLoaded('hop-le.png');

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible('media library at 360 px');
    await saveScreenshot(page, 'media-library-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('picks images in the picker', async () => {
    await page.goto(`${server.origin}${harnessBase}`);
    await page.getByRole('button', { name: 'Mở bộ chọn ảnh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chọn ảnh' });
    await dialog.getByRole('checkbox', { name: 'hop-le.png' }).waitFor();
    await expect
      .poll(() =>
        dialog
          .locator('img')
          .first()
          .evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
      )
      .toBeGreaterThan(0);
    await expectAccessible('media picker');
    await saveScreenshot(page, 'media-picker');

    await dialog.getByRole('checkbox', { name: 'hop-le.png' }).check();
    await dialog.getByRole('checkbox', { name: 'tha-vao.png' }).check();
    await dialog.getByRole('button', { name: 'Chọn', exact: true }).click();

    const picked = JSON.parse((await page.locator('[data-picked]').textContent()) ?? '[]') as {
      fileName: string;
      url: string;
    }[];
    expect(picked.map((media) => media.fileName)).toEqual(['hop-le.png', 'tha-vao.png']);
    expect(picked[0]!.url).toMatch(/^\/media\/[0-9a-f-]{36}\/hop-le\.png$/);
  });
});
