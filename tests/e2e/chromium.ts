import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

/**
 * Where the suites write their screenshots, ignored by git. Each run overwrites the files of the
 * last, so the folder shows the screens as they are now.
 */
export const screenshotFolder = fileURLToPath(new URL('./screenshots', import.meta.url));

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Launches headless Chromium. Playwright gives every launch a new, empty `--user-data-dir`.
 * The background-networking flags keep Chromium from calling out; the resolver rule sends
 * every `*.localhost` name to the server, which listens on 127.0.0.1 only.
 */
export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(screenshotFolder, { recursive: true });

  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP *.localhost 127.0.0.1',
    ],
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotFolder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

/**
 * Runs axe-core on the page and returns its serious and critical violations, one line each.
 * A page that shows problems is checked once more half a second later, and only that second
 * result counts: on a loaded machine axe has caught a screen mid-render, with text blended
 * into its background, while the settled screen passes.
 */
export async function findAccessibilityProblems(page: Page): Promise<string[]> {
  const first = await runAxe(page);
  if (first.length === 0) {
    return first;
  }
  await page.waitForTimeout(500);

  return runAxe(page);
}

/**
 * Runs axe-core once. The script goes in through DevTools (`page.evaluate`), because the
 * admin's CSP rightly refuses the inline `<script>` that `page.addScriptTag({ content })`
 * would insert.
 */
async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations;
  });

  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${violation.help}` +
        ` at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}
