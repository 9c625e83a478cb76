import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createItem, createTenant, testRootDomain } from '../../helpers/factories.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // hono/jsx writes void elements as <meta ... />.
    'void-style': 'off',
  },
});

async function expectValidHtml(html: string) {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message}`),
  );

  expect(messages).toEqual([]);
}

describe('public pages', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const mainHost = testRootDomain;
  const unitHost = `vnta.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const main = await createTenant(database.db, {
      slug: 'mic',
      kind: 'main',
      nameVi: 'Bộ Thử nghiệm',
    });
    const unit = await createTenant(database.db, {
      slug: 'vnta',
      nameVi: 'Cục Viễn thông thử',
    });
    await createTenant(database.db, {
      slug: 'rfd',
      kind: 'independent',
      nameVi: 'Cục Tần số thử',
    });
    await createTenant(database.db, {
      slug: 'ngung',
      status: 'suspended',
      nameVi: 'Đơn vị ngừng',
    });
    await createItem(database.db, main.id, {
      slug: 'tin-cu',
      titleVi: 'Tin cũ hơn',
      publishedAt: new Date('2026-03-01T03:00:00Z'),
    });
    await createItem(database.db, main.id, {
      slug: 'ban-hanh-quy-che',
      titleVi: 'Ban hành Quy chế Cổng',
      bodyVi:
        '<p onclick="alert(1)">Nội dung <script>alert(1)</script><a href="https://example.vn">liên kết</a></p>',
      publishedAt: new Date('2026-06-01T03:00:00Z'),
    });
    await createItem(database.db, main.id, {
      slug: 'ban-nhap',
      titleVi: 'Bản nháp bí mật',
      isPublished: false,
    });
    await createItem(database.db, main.id, {
      type: 'page',
      slug: 'gioi-thieu',
      titleVi: 'Giới thiệu Bộ',
    });
    await createItem(database.db, unit.id, {
      slug: 'tin-cuc',
      titleVi: 'Tin riêng của Cục',
    });
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('renders the home page with the latest articles first', async () => {
    const response = await testApp.request(mainHost, '/');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html><html lang="vi">')).toBe(true);
    expect(html.indexOf('Ban hành Quy chế Cổng')).toBeLessThan(html.indexOf('Tin cũ hơn'));
    expect(html).not.toContain('Bản nháp bí mật');
    expect(html).not.toContain('Tin riêng của Cục');
  });

  it('shows the operator details in the footer', async () => {
    const html = await (await testApp.request(mainHost, '/')).text();

    expect(html).toContain('Cơ quan chủ quản: Cơ quan chủ quản mic');
    expect(html).toContain('Chịu trách nhiệm nội dung: Giám đốc');
    expect(html).toContain('mic@portal.test');
  });

  it('renders valid HTML on every kind of page', async () => {
    for (const path of [
      '/',
      '/tin-tuc',
      '/tin-tuc/ban-hanh-quy-che',
      '/trang/gioi-thieu',
      '/cong-thanh-vien',
    ]) {
      const response = await testApp.request(mainHost, path);

      expect(response.status, path).toBe(200);
      await expectValidHtml(await response.text());
    }
  });

  it('renders an article with its body sanitised', async () => {
    const html = await (await testApp.request(mainHost, '/tin-tuc/ban-hanh-quy-che')).text();

    expect(html).toContain('<h1>Ban hành Quy chế Cổng</h1>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('onclick');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain(
      `<link rel="canonical" href="http://${mainHost}/tin-tuc/ban-hanh-quy-che"/>`,
    );
  });

  it('renders a page by its slug', async () => {
    const response = await testApp.request(mainHost, '/trang/gioi-thieu');

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Giới thiệu Bộ');
  });

  it('answers 404 for a draft, an unknown slug and a malformed slug', async () => {
    for (const path of [
      '/tin-tuc/ban-nhap',
      '/tin-tuc/khong-co',
      '/tin-tuc/..%2Fx',
      '/trang/tin-cu',
    ]) {
      const response = await testApp.request(mainHost, path);

      expect(response.status, path).toBe(404);
    }
  });

  it('never serves another portal item on this host', async () => {
    const onMain = await testApp.request(mainHost, '/tin-tuc/tin-cuc');
    const onUnit = await testApp.request(unitHost, '/tin-tuc/tin-cuc');

    expect(onMain.status).toBe(404);
    expect(onUnit.status).toBe(200);
  });

  it('lists every active member portal in the directory with its canonical host', async () => {
    const html = await (await testApp.request(`${mainHost}:3000`, '/cong-thanh-vien')).text();

    expect(html).toContain(`href="http://vnta.${testRootDomain}:3000"`);
    expect(html).toContain(`href="http://rfd.${testRootDomain}:3000"`);
    expect(html).toContain('Cổng thành viên do đơn vị tự vận hành');
    expect(html).not.toContain('Đơn vị ngừng');
    expect(html).not.toContain(`href="http://${mainHost}:3000"`);
  });

  it('renders valid HTML on the status page', async () => {
    const response = await testApp.request('unknown.example', '/');

    expect(response.status).toBe(404);
    await expectValidHtml(await response.text());
  });

  it('offers the directory on the main portal only', async () => {
    const response = await testApp.request(unitHost, '/cong-thanh-vien');

    expect(response.status).toBe(404);
  });

  it('paginates the article list', async () => {
    const unit = await createTenant(database.db, { slug: 'nhieu-tin' });
    for (let index = 0; index < 13; index += 1) {
      await createItem(database.db, unit.id, {
        slug: `tin-so-${index}`,
        titleVi: `Tin số ${index}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + index)),
      });
    }
    testApp.directory.invalidate();
    const first = await (await testApp.request(`nhieu-tin.${testRootDomain}`, '/tin-tuc')).text();
    const second = await (
      await testApp.request(`nhieu-tin.${testRootDomain}`, '/tin-tuc?trang=2')
    ).text();

    expect(first).toContain('Tin số 12');
    expect(first).not.toContain('>Tin số 0<');
    expect(first).toContain('?trang=2');
    expect(second).toContain('>Tin số 0<');
    expect(second).not.toContain('?trang=3');
  });

  it('serves the stylesheet with immutable caching on any host', async () => {
    const html = await (await testApp.request(mainHost, '/')).text();
    const href = /href="(\/assets\/site-[0-9a-f]+\.css)"/.exec(html)?.[1];
    const response = await testApp.request('unknown.example', href ?? '/missing');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });
});
