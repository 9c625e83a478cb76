import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { addDays, todayInVietnam } from '../../../server/site/dates.ts';
import { createContent, legalDocumentFields } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectValidHtml } from './site-test-kit.ts';

const host = testRootDomain;

/**
 * The database objects the search needs. No migration creates them yet, so this suite runs
 * the statements itself; each one is idempotent and can move into a migration unchanged.
 */
const searchSetupStatements = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  `CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     RETURN public.unaccent('public.unaccent'::regdictionary, $1)`,
  `DO $$ BEGIN
     IF NOT EXISTS (
       SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
       WHERE c.cfgname = 'vi_unaccent' AND n.nspname = 'public'
     ) THEN
       CREATE TEXT SEARCH CONFIGURATION public.vi_unaccent (COPY = simple);
       ALTER TEXT SEARCH CONFIGURATION public.vi_unaccent
         ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;
     END IF;
   END $$`,
];

/** Titles of the search results, in order. */
function resultTitles(html: string): string[] {
  const results = /<section aria-labelledby="ket-qua">(.*?)<\/section>/s.exec(html)?.[1] ?? '';

  return [...results.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]!);
}

async function search(testApp: ReturnType<typeof buildTestApp>, query: string) {
  const response = await testApp.request(host, `/tim-kiem?q=${encodeURIComponent(query)}`);

  return { response, html: await response.text() };
}

describe('GET /tim-kiem', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let hadSearchFunctions: boolean;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main' });
    const unit = await createTenant(db, { slug: 'vnta' });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'huong-dan-dang-ky',
      titleVi: 'Hướng dẫn đăng ký kinh doanh tại Đà Nẵng',
      publishedAt: new Date('2026-03-01T00:00:00Z'),
    });
    await createContent(db, main.id, {
      type: 'announcement',
      slug: 'thong-bao-nghi-le',
      titleVi: 'Thông báo lịch nghỉ lễ',
      bodyVi: '<p>Cán bộ <strong>đăng ký</strong> trực lễ trước ngày 25.</p>',
      publishedAt: new Date('2026-02-01T00:00:00Z'),
    });
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'quyet-dinh-146',
      titleVi: 'Quyết định ban hành Quy chế Cổng',
      fields: legalDocumentFields({ numberSymbol: '146/QĐ-BTTTT', documentType: 'Quyết định' }),
    });
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'quyet-dinh-cu',
      titleVi: 'Quyết định cũ về đăng ký đã hết hiệu lực',
      fields: legalDocumentFields({ expiresOn: addDays(todayInVietnam(), -400) }),
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'bai-co-ban-nhap',
      titleVi: 'Tin về hạ tầng số',
      draft: { titleVi: 'Tin về hạ tầng số và đăng ký tên miền' },
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'bai-chua-dang',
      titleVi: 'Bài chưa đăng về đăng ký',
      status: 'in_review',
    });
    await createContent(db, unit.id, {
      type: 'article',
      slug: 'tin-cuc',
      titleVi: 'Cục hướng dẫn đăng ký tần số',
    });
    const [existing] = await queryRows<{ ready: boolean }>(
      db,
      sql`select to_regprocedure('public.f_unaccent(text)') is not null as ready`,
    );
    hadSearchFunctions = existing?.ready === true;
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('answers 503 with a message while the search functions are missing', async (context) => {
    if (hadSearchFunctions) {
      context.skip();
    }
    const { response, html } = await search(testApp, 'dang ky');

    expect(response.status).toBe(503);
    expect(html).toContain('Chức năng tìm kiếm tạm thời chưa sẵn sàng.');
    await expectValidHtml(html);

    for (const statement of searchSetupStatements) {
      await database.db.execute(sql.raw(statement));
    }
  });

  it('matches without diacritics and in any case', async () => {
    for (const query of ['dang ky', 'ĐĂNG KÝ', 'Đăng ký']) {
      const { response, html } = await search(testApp, query);

      expect(response.status, query).toBe(200);
      expect(resultTitles(html), query).toEqual([
        'Hướng dẫn đăng ký kinh doanh tại Đà Nẵng',
        'Thông báo lịch nghỉ lễ',
      ]);
    }
  });

  it('finds a legal document by its number and symbol', async () => {
    const { html } = await search(testApp, '146/QĐ-BTTTT');

    expect(resultTitles(html)).toEqual(['Quyết định ban hành Quy chế Cổng']);
  });

  it('matches a quoted phrase', async () => {
    const { html } = await search(testApp, '"da nang"');

    expect(resultTitles(html)).toEqual(['Hướng dẫn đăng ký kinh doanh tại Đà Nẵng']);
  });

  it('finds nothing in drafts, other portals or long-expired documents', async () => {
    const { html } = await search(testApp, 'dang ky');

    expect(html).not.toContain('tên miền');
    expect(html).not.toContain('Bài chưa đăng');
    expect(html).not.toContain('tần số');
    expect(html).not.toContain('Quyết định cũ');
  });

  it('says so when nothing matches', async () => {
    const { response, html } = await search(testApp, 'khong co tu nay');

    expect(response.status).toBe(200);
    expect(html).toContain('Không tìm thấy nội dung phù hợp.');
    await expectValidHtml(html);
  });

  it('shows only the form without a query', async () => {
    const response = await testApp.request(host, '/tim-kiem');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).not.toContain('id="ket-qua"');
    await expectValidHtml(html);
  });

  it('answers 400 for a query longer than 200 characters', async () => {
    const { response, html } = await search(testApp, 'a'.repeat(201));

    expect(response.status).toBe(400);
    expect(html).toContain('Từ khóa tìm kiếm dài tối đa 200 ký tự.');
  });

  it('keeps results out of every cache', async () => {
    const { response } = await search(testApp, 'dang ky');

    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
