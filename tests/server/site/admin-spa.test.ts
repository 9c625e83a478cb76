import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppEnv } from '../../../server/app-env.ts';
import { createAdminSpa } from '../../../server/site/admin-spa.ts';
import type { ResolvedTenant } from '../../../server/tenancy/tenant-directory.ts';

const indexHtml =
  '<!doctype html><html lang="vi"><head><script type="module" src="/admin/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';

/** Builds a host app that resolves every request to a portal of one kind, as the tenancy does. */
function hostApp(folder: string, kind: ResolvedTenant['kind'] = 'main') {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('tenant', { kind, slug: kind === 'main' ? 'mic' : 'ais' } as ResolvedTenant);
    await next();
  });
  app.route('/admin', createAdminSpa({ folder }));
  app.notFound((c) => c.text('site 404', 404));
  return app;
}

describe('admin SPA serving', () => {
  let folder: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-dist-'));
    fs.mkdirSync(path.join(folder, 'assets'));
    fs.writeFileSync(path.join(folder, 'index.html'), indexHtml);
    fs.writeFileSync(path.join(folder, 'assets/index-abc123.js'), 'console.log(1);');
    fs.writeFileSync(path.join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('serves hashed assets for a year', async () => {
    const response = await hostApp(folder).request('/admin/assets/index-abc123.js');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing asset with 404, not the page', async () => {
    const response = await hostApp(folder).request('/admin/assets/index-gone00.js');

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="app">');
  });

  it('answers every other path with index.html, revalidated', async () => {
    for (const urlPath of ['/admin/', '/admin/nguoi-dung', '/admin/dat-lai-mat-khau?token=x']) {
      const response = await hostApp(folder).request(urlPath);

      expect(response.status, urlPath).toBe(200);
      expect(response.headers.get('cache-control'), urlPath).toBe('no-cache');
      expect(await response.text(), urlPath).toBe(indexHtml);
    }
  });

  it('sends a policy that allows scripts from its own origin only', async () => {
    const response = await hostApp(folder).request('/admin/');
    const policy = response.headers.get('content-security-policy') ?? '';

    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('serves other built files, such as the icon', async () => {
    const response = await hostApp(folder).request('/admin/favicon.svg');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/svg/);
  });

  it('adds the slash to /admin and keeps the query', async () => {
    const response = await hostApp(folder).request('/admin?tenant=ais');

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/admin/?tenant=ais');
  });

  it('does not leave the build folder', async () => {
    fs.writeFileSync(path.join(path.dirname(folder), 'admin-secret.txt'), 'secret');
    try {
      for (const urlPath of [
        '/admin/../admin-secret.txt',
        '/admin/assets/%2e%2e/%2e%2e/admin-secret.txt',
      ]) {
        const response = await hostApp(folder).request(urlPath);

        expect(await response.text(), urlPath).not.toBe('secret');
      }
    } finally {
      fs.rmSync(path.join(path.dirname(folder), 'admin-secret.txt'), { force: true });
    }
  });

  it('leaves a unit host to the other routes', async () => {
    const response = await hostApp(folder, 'hosted').request('/admin/');

    expect(response.status).toBe(404);
    expect(await response.text()).toBe('site 404');
  });

  it('answers 503 with the build command when the build is missing', async () => {
    const response = await hostApp(path.join(folder, 'missing')).request('/admin/nguoi-dung');

    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
