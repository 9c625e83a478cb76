import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCategory, createContent } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { breadcrumbsOf, canonicalOf, expectValidHtml } from './site-test-kit.ts';

const host = testRootDomain;

describe('GET /chuyen-muc/:slug', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main' });
    const unit = await createTenant(db, { slug: 'vnta' });
    const news = await createCategory(db, main.id, {
      slug: 'tin-tuc-su-kien',
      nameVi: 'Tin tức – Sự kiện',
    });
    const leaders = await createCategory(db, main.id, {
      slug: 'hoat-dong-lanh-dao',
      nameVi: 'Hoạt động của lãnh đạo',
      parentId: news.id,
    });
    const other = await createCategory(db, main.id, { slug: 'hoi-dap', nameVi: 'Hỏi đáp' });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'tin-o-goc',
      titleVi: 'Tin ở chuyên mục gốc',
      categoryId: news.id,
      publishedAt: new Date('2026-03-01T00:00:00Z'),
    });
    await createContent(db, main.id, {
      type: 'announcement',
      slug: 'thong-bao-lanh-dao',
      titleVi: 'Thông báo ở chuyên mục con',
      categoryId: leaders.id,
      publishedAt: new Date('2026-03-02T00:00:00Z'),
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'tin-hoi-dap',
      titleVi: 'Tin ở chuyên mục khác',
      categoryId: other.id,
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'tin-nhap',
      titleVi: 'Tin nháp trong chuyên mục',
      categoryId: news.id,
      status: 'in_review',
    });
    const unitNews = await createCategory(db, unit.id, {
      slug: 'tin-tuc-su-kien',
      nameVi: 'Tin của Cục',
    });
    await createContent(db, unit.id, {
      type: 'article',
      slug: 'tin-cuc',
      titleVi: 'Tin riêng của Cục',
      categoryId: unitNews.id,
    });
    for (let index = 0; index < 13; index += 1) {
      await createContent(db, main.id, {
        type: 'article',
        slug: `tin-hoi-dap-${index}`,
        titleVi: `Câu hỏi số ${index}`,
        categoryId: other.id,
        publishedAt: new Date(Date.UTC(2025, 0, 1 + index)),
      });
    }
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('lists the items of a category and of its children, newest first', async () => {
    const response = await testApp.request(host, '/chuyen-muc/tin-tuc-su-kien');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Tin tức – Sự kiện</h1>');
    expect(html.indexOf('Thông báo ở chuyên mục con')).toBeLessThan(
      html.indexOf('Tin ở chuyên mục gốc'),
    );
    expect(html).toContain('href="/thong-bao/thong-bao-lanh-dao"');
    expect(html).not.toContain('Tin ở chuyên mục khác');
    expect(html).not.toContain('Tin nháp trong chuyên mục');
    expect(html).not.toContain('Tin riêng của Cục');
    expect(html).toContain('<a href="/chuyen-muc/hoat-dong-lanh-dao">Hoạt động của lãnh đạo</a>');
    await expectValidHtml(html);
  });

  it('shows the category path in breadcrumbs', async () => {
    const html = await (await testApp.request(host, '/chuyen-muc/hoat-dong-lanh-dao')).text();

    expect(breadcrumbsOf(html)).toEqual([
      'Trang chủ',
      'Tin tức – Sự kiện',
      'Hoạt động của lãnh đạo',
    ]);
    expect(html).not.toContain('Tin ở chuyên mục gốc');
  });

  it('paginates twelve items a page', async () => {
    const first = await (await testApp.request(host, '/chuyen-muc/hoi-dap')).text();
    const second = await (await testApp.request(host, '/chuyen-muc/hoi-dap?trang=2')).text();

    expect(first).toContain('Tin ở chuyên mục khác');
    expect(first).toContain('href="/chuyen-muc/hoi-dap?trang=2"');
    expect(first).not.toContain('>Câu hỏi số 0<');
    expect(second).toContain('>Câu hỏi số 0<');
    expect(second).toContain('href="/chuyen-muc/hoi-dap" rel="prev"');
    expect(canonicalOf(second)).toBe(`http://${host}/chuyen-muc/hoi-dap?trang=2`);
  });

  it('answers 404 for an unknown or malformed category', async () => {
    for (const path of ['/chuyen-muc/khong-co', '/chuyen-muc/Sai_Dang']) {
      const response = await testApp.request(host, path);

      expect(response.status, path).toBe(404);
    }
  });

  it('shows each portal its own category under the same slug', async () => {
    const html = await (
      await testApp.request(`vnta.${host}`, '/chuyen-muc/tin-tuc-su-kien')
    ).text();

    expect(html).toContain('<h1>Tin của Cục</h1>');
    expect(html).toContain('Tin riêng của Cục');
    expect(html).not.toContain('Tin ở chuyên mục gốc');
  });
});
