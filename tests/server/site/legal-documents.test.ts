import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, todayInVietnam } from '../../../server/site/dates.ts';
import { createContent, legalDocumentFields } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectValidHtml } from './site-test-kit.ts';

const host = testRootDomain;

/** Titles of the documents a list page shows, in order. */
function listedTitles(html: string): string[] {
  const list = /<ul class="document-list">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';

  return [...list.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((match) => match[1]!);
}

describe('GET /van-ban', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const today = todayInVietnam();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main' });
    const unit = await createTenant(db, { slug: 'vnta' });
    const documents = [
      {
        slug: 'thong-tu-2026',
        titleVi: 'Thông tư năm 2026',
        fields: legalDocumentFields({ issuedOn: '2026-01-05', effectiveOn: '2026-02-20' }),
      },
      {
        slug: 'nghi-dinh-2025',
        titleVi: 'Nghị định năm 2025',
        fields: legalDocumentFields({
          documentType: 'Nghị định',
          issuingAuthority: 'Chính phủ',
          numberSymbol: '42/2025/NĐ-CP',
          issuedOn: '2025-06-24',
          effectiveOn: '2025-08-15',
        }),
      },
      {
        slug: 'quyet-dinh-sap-co-hieu-luc',
        titleVi: 'Quyết định sắp có hiệu lực',
        fields: legalDocumentFields({
          documentType: 'Quyết định',
          numberSymbol: '146/QĐ-BTTTT',
          issuedOn: addDays(today, -3),
          effectiveOn: addDays(today, 30),
        }),
      },
      {
        slug: 'thong-tu-vua-het-hieu-luc',
        titleVi: 'Thông tư vừa hết hiệu lực',
        fields: legalDocumentFields({
          issuedOn: '2024-03-01',
          effectiveOn: '2024-04-01',
          expiresOn: addDays(today, -30),
        }),
      },
      {
        slug: 'thong-tu-het-hieu-luc-lau',
        titleVi: 'Thông tư hết hiệu lực đã lâu',
        fields: legalDocumentFields({
          issuedOn: '2020-03-01',
          effectiveOn: '2020-04-01',
          expiresOn: addDays(today, -400),
        }),
      },
      {
        slug: 'danh-dau-het-hieu-luc-lau',
        titleVi: 'Đánh dấu hết hiệu lực đã lâu',
        publishedAt: new Date(Date.now() - 500 * 86_400_000),
        fields: legalDocumentFields({
          issuedOn: '2019-03-01',
          effectiveOn: '2019-04-01',
          legalStatus: 'expired',
        }),
      },
    ];
    for (const document of documents) {
      await createContent(db, main.id, { type: 'legal_document', ...document });
    }
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'van-ban-nhap',
      titleVi: 'Văn bản còn là bản nháp',
      status: 'draft',
      fields: legalDocumentFields(),
    });
    await createContent(db, unit.id, {
      type: 'legal_document',
      slug: 'van-ban-cua-cuc',
      titleVi: 'Văn bản của Cục',
      fields: legalDocumentFields(),
    });
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('lists live documents newest issued first, without long-expired ones', async () => {
    const response = await testApp.request(host, '/van-ban');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(listedTitles(html)).toEqual([
      'Quyết định sắp có hiệu lực',
      'Thông tư năm 2026',
      'Nghị định năm 2025',
      'Thông tư vừa hết hiệu lực',
    ]);
    await expectValidHtml(html);
  });

  it('offers the filter values of the listed documents', async () => {
    const html = await (await testApp.request(host, '/van-ban')).text();

    expect(html).toContain('<option value="Nghị định">Nghị định</option>');
    expect(html).toContain('<option value="Chính phủ">Chính phủ</option>');
    expect(html).toContain('<option value="2025">2025</option>');
    expect(html).not.toContain('<option value="2020">');
    expect(html).not.toContain('Văn bản của Cục');
  });

  it.each([
    ['loai=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh', ['Nghị định năm 2025']],
    ['co-quan=Ch%C3%ADnh+ph%E1%BB%A7', ['Nghị định năm 2025']],
    ['nam=2025', ['Nghị định năm 2025']],
    ['hieu-luc=het-hieu-luc', ['Thông tư vừa hết hiệu lực']],
    ['hieu-luc=chua-co-hieu-luc', ['Quyết định sắp có hiệu lực']],
    ['hieu-luc=con-hieu-luc', ['Thông tư năm 2026', 'Nghị định năm 2025']],
    ['loai=Th%C3%B4ng+t%C6%B0&hieu-luc=con-hieu-luc', ['Thông tư năm 2026']],
    ['loai=Kh%C3%B4ng+c%C3%B3', []],
  ])('narrows the list with %s', async (query, expected) => {
    const response = await testApp.request(host, `/van-ban?${query}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(listedTitles(html)).toEqual(expected);
  });

  it('keeps the chosen values selected in the form', async () => {
    const html = await (
      await testApp.request(host, '/van-ban?nam=2025&hieu-luc=con-hieu-luc')
    ).text();

    expect(html).toContain('<option value="2025" selected="">2025</option>');
    expect(html).toContain('<option value="con-hieu-luc" selected="">Còn hiệu lực</option>');
  });

  it('treats empty form values as no filter', async () => {
    const response = await testApp.request(host, '/van-ban?loai=&co-quan=&nam=&hieu-luc=');

    expect(response.status).toBe(200);
    expect(listedTitles(await response.text())).toHaveLength(4);
  });

  it.each([['nam=abc'], ['nam=20255'], ['nam=1800'], ['hieu-luc=bat-ky'], ['trang=0']])(
    'answers 400 with a message for %s',
    async (query) => {
      const response = await testApp.request(host, `/van-ban?${query}`);
      const html = await response.text();

      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('Không thể lọc văn bản');
      expect(html).toContain('không hợp lệ');
      expect(html).not.toContain('class="document-list"');
      await expectValidHtml(html);
    },
  );

  it('names the invalid field and keeps the valid ones', async () => {
    const html = await (
      await testApp.request(host, '/van-ban?nam=hai-nghin&hieu-luc=het-hieu-luc')
    ).text();

    expect(html).toContain('Năm ban hành không hợp lệ: “hai-nghin”.');
    expect(html).toContain('aria-invalid="true" aria-describedby="loc-nam-loi"');
    expect(html).toContain('<option value="het-hieu-luc" selected="">Hết hiệu lực</option>');
  });

  it('ignores unknown parameters', async () => {
    const response = await testApp.request(host, '/van-ban?sap-xep=moi-nhat');

    expect(response.status).toBe(200);
  });

  it('paginates twenty documents a page and keeps the filters', async () => {
    const tenant = await createTenant(database.db, { slug: 'nhieu-van-ban' });
    for (let index = 0; index < 21; index += 1) {
      await createContent(database.db, tenant.id, {
        type: 'legal_document',
        slug: `van-ban-${index}`,
        titleVi: `Văn bản số ${index}`,
        fields: legalDocumentFields({ issuedOn: `2025-01-${String(index + 1).padStart(2, '0')}` }),
      });
    }
    testApp.directory.invalidate();
    const unitHost = `nhieu-van-ban.${testRootDomain}`;
    const first = await (await testApp.request(unitHost, '/van-ban?nam=2025')).text();
    const second = await (await testApp.request(unitHost, '/van-ban?nam=2025&trang=2')).text();

    expect(listedTitles(first)).toHaveLength(20);
    expect(first).toContain('href="/van-ban?nam=2025&amp;trang=2"');
    expect(listedTitles(second)).toEqual(['Văn bản số 0']);
    expect(second).toContain('href="/van-ban?nam=2025"');
  });
});
