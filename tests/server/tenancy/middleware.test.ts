import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createItem, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('host resolution', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const main = await createTenant(database.db, {
      slug: 'mic',
      kind: 'main',
      nameVi: 'Bộ Thử nghiệm',
      aliases: [`www.${testRootDomain}`],
    });
    const unit = await createTenant(database.db, {
      slug: 'ais',
      nameVi: 'Cục An toàn thử nghiệm',
      aliases: ['ais.gov.vn', 'xn--cng-qmz.vn'],
    });
    await createTenant(database.db, {
      slug: 'rfd',
      kind: 'independent',
      externalUrl: 'https://www.rfd.gov.vn/',
      aliases: ['rfd.gov.vn'],
    });
    await createTenant(database.db, { slug: 'tamdung', status: 'suspended' });
    await createItem(database.db, main.id, {
      slug: 'tin-bo',
      titleVi: 'Tin của Bộ',
    });
    await createItem(database.db, unit.id, {
      slug: 'tin-cuc',
      titleVi: 'Tin của Cục',
    });
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('serves the main portal on the root domain', async () => {
    const response = await testApp.request(testRootDomain, '/');

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Tin của Bộ');
  });

  it('serves a unit on its fourth-level domain', async () => {
    const response = await testApp.request(`ais.${testRootDomain}`, '/');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Tin của Cục');
    expect(html).not.toContain('Tin của Bộ');
  });

  it('matches hosts regardless of case, port and trailing dot', async () => {
    const response = await testApp.request(`AIS.${testRootDomain.toUpperCase()}.:3000`, '/');

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Tin của Cục');
  });

  it('redirects an alias to the canonical host keeping path and query', async () => {
    const response = await testApp.request('ais.gov.vn', '/tin-tuc?trang=2&q=a%20b');

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(
      `http://ais.${testRootDomain}/tin-tuc?trang=2&q=a%20b`,
    );
  });

  it('keeps the port of the request in the redirect', async () => {
    const response = await testApp.request('ais.gov.vn:3000', '/');

    expect(response.headers.get('location')).toBe(`http://ais.${testRootDomain}:3000/`);
  });

  it('resolves an IDN alias sent in punycode', async () => {
    // Browsers send an IDN host in punycode; HTTP headers cannot carry other characters.
    const response = await testApp.request('XN--CNG-QMZ.VN', '/');

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`http://ais.${testRootDomain}/`);
  });

  it('redirects an independent portal to its own site', async () => {
    const canonical = await testApp.request(`rfd.${testRootDomain}`, '/gioi-thieu');
    const alias = await testApp.request('rfd.gov.vn', '/');

    expect(canonical.status).toBe(302);
    expect(canonical.headers.get('location')).toBe('https://www.rfd.gov.vn/');
    expect(alias.status).toBe(302);
    expect(alias.headers.get('location')).toBe('https://www.rfd.gov.vn/');
  });

  it('answers an unknown host with a 404 that names no portal', async () => {
    const response = await testApp.request(`khong-co.${testRootDomain}`, '/');
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(html).toContain('Không tìm thấy trang');
    expect(html).not.toContain('Bộ Thử nghiệm');
    expect(html).not.toContain('Cục An toàn thử nghiệm');
  });

  it.each([['evil.test/../x'], ['a..b'], ['[::1]'], ['']])(
    'rejects the malformed host %j',
    async (host) => {
      const response = await testApp.request(host, '/');

      expect(response.status).toBe(400);
    },
  );

  it('answers a suspended portal with 503', async () => {
    const response = await testApp.request(`tamdung.${testRootDomain}`, '/');

    expect(response.status).toBe(503);
  });

  it('ignores X-Forwarded-Host unless a proxy is trusted', async () => {
    const headers = {
      'x-forwarded-host': `ais.${testRootDomain}`,
      'x-forwarded-proto': 'https',
    };
    const response = await testApp.request(testRootDomain, '/', { headers });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Tin của Bộ');
  });

  it('uses X-Forwarded-Host and -Proto behind a trusted proxy', async () => {
    const trusted = buildTestApp(database.db, { trustProxy: true });
    const headers = {
      'x-forwarded-host': 'ais.gov.vn',
      'x-forwarded-proto': 'https',
    };
    const response = await trusted.request('10.0.0.5:8080', '/tin-tuc', {
      headers,
    });

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`https://ais.${testRootDomain}/tin-tuc`);
  });

  it('answers health checks on any host', async () => {
    const response = await testApp.request('10.1.2.3', '/healthz');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
