import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, todayInVietnam } from '../../../server/site/dates.ts';
import type { ContentType } from '../../../server/db/schema/index.ts';
import {
  createCategory,
  createContent,
  createMediaRow,
  createSlugRedirect,
  legalDocumentFields,
} from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { breadcrumbsOf, canonicalOf, expectValidHtml, metaContent } from './site-test-kit.ts';

const mainHost = testRootDomain;
const unitHost = `vnta.${testRootDomain}`;

/** One live item of each type, each with a newer unpublished draft on top. */
const typedPages: { type: ContentType; path: string; published: string; fields: () => object }[] = [
  {
    type: 'article',
    path: '/tin-tuc/bai-co-anh',
    published: 'Lãnh đạo Bộ làm việc với Cục',
    fields: () => ({}),
  },
  {
    type: 'page',
    path: '/trang/gioi-thieu-chung',
    published: 'Giới thiệu chung về Bộ',
    fields: () => ({}),
  },
  {
    type: 'announcement',
    path: '/thong-bao/thong-bao-tuyen-dung',
    published: 'Thông báo tuyển dụng công chức',
    fields: () => ({ validUntil: addDays(todayInVietnam(), 30), attachmentMediaIds: [] }),
  },
  {
    type: 'legal_document',
    path: '/van-ban/thong-tu-01',
    published: 'Thông tư quy định cấu trúc cổng',
    fields: () => legalDocumentFields(),
  },
  {
    type: 'draft_for_comment',
    path: '/du-thao/du-thao-nghi-dinh',
    published: 'Dự thảo Nghị định về dữ liệu',
    fields: () => ({
      opensOn: addDays(todayInVietnam(), -5),
      closesOn: addDays(todayInVietnam(), 10),
      draftingUnit: 'Vụ Pháp chế',
      attachmentMediaIds: [],
    }),
  },
  {
    type: 'procurement_notice',
    path: '/dau-thau/goi-thau-so-1',
    published: 'Mời thầu gói thiết bị mạng',
    fields: () => ({
      noticeType: 'Thông báo mời thầu',
      investor: 'Trung tâm Thông tin',
      packageName: 'Gói thầu số 1: thiết bị mạng',
      closingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      attachmentMediaIds: [],
    }),
  },
  {
    type: 'statistics_report',
    path: '/thong-ke/bao-cao-quy-1',
    published: 'Số liệu thống kê quý I',
    fields: () => ({ period: 'Quý I năm 2026', attachmentMediaIds: [] }),
  },
];

describe('public item pages', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitImageId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main', nameVi: 'Bộ Thử nghiệm' });
    const unit = await createTenant(db, { slug: 'vnta', nameVi: 'Cục Viễn thông thử' });

    const news = await createCategory(db, main.id, {
      slug: 'tin-tuc-su-kien',
      nameVi: 'Tin tức – Sự kiện',
      sortOrder: 10,
    });
    const leadership = await createCategory(db, main.id, {
      slug: 'hoat-dong-lanh-dao',
      nameVi: 'Hoạt động của lãnh đạo',
      parentId: news.id,
    });
    await createCategory(db, main.id, {
      slug: 'van-ban-chuyen-muc',
      nameVi: 'Văn bản',
      sortOrder: 20,
    });

    const cover = await createMediaRow(db, main.id, {
      originalName: 'anh bia.jpg',
      contentType: 'image/jpeg',
      width: 1600,
      height: 900,
      altVi: 'Toàn cảnh buổi làm việc',
      variants: [
        { width: 480, height: 270, format: 'webp', objectKey: 'k1', sizeBytes: 1 },
        { width: 480, height: 270, format: 'jpeg', objectKey: 'k2', sizeBytes: 1 },
      ],
    });
    const pdf = await createMediaRow(db, main.id, {
      originalName: 'toan-van.pdf',
      sizeBytes: 1_572_864,
    });
    const docx = await createMediaRow(db, main.id, {
      originalName: 'phu-luc.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: 20_480,
    });
    const unitImage = await createMediaRow(db, unit.id, {
      originalName: 'anh-cua-cuc.png',
      contentType: 'image/png',
    });
    unitImageId = unitImage.id;

    for (const page of typedPages) {
      const slug = page.path.split('/').pop()!;
      const fields: Record<string, unknown> = { ...page.fields() };
      if (page.type === 'article') {
        Object.assign(fields, { coverMediaId: cover.id, galleryMediaIds: [unitImage.id] });
      }
      if (page.type === 'legal_document' || page.type === 'announcement') {
        fields.attachmentMediaIds = [pdf.id, docx.id, unitImage.id];
      }
      await createContent(db, main.id, {
        type: page.type,
        slug,
        titleVi: page.published,
        leadVi: `Tóm tắt của ${page.published}.`,
        bodyVi: `<p>Nội dung đã đăng của ${page.published}.</p>`,
        categoryId: page.type === 'article' ? leadership.id : null,
        fields,
        firstPublishedAt: new Date('2026-03-02T02:00:00Z'),
        publishedAt: new Date('2026-03-05T02:00:00Z'),
        ...(page.type === 'article'
          ? { titleEn: 'Ministry leaders meet the authority', bodyEn: '<p>English text.</p>' }
          : {}),
        draft: {
          titleVi: `Bản nháp chưa duyệt ${page.type}`,
          bodyVi: '<p>Câu chữ nháp chưa được duyệt.</p>',
        },
      });
    }
    for (const [index, title] of ['Tin liên quan thứ nhất', 'Tin liên quan thứ hai'].entries()) {
      await createContent(db, main.id, {
        type: 'article',
        slug: `tin-lien-quan-${index}`,
        titleVi: title,
        categoryId: leadership.id,
        publishedAt: new Date(Date.UTC(2026, 1, 1 + index)),
      });
    }
    await createContent(db, main.id, {
      type: 'article',
      slug: 'tin-chuyen-muc-khac',
      titleVi: 'Tin ở chuyên mục khác',
      categoryId: news.id,
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'ban-nhap-bi-mat',
      titleVi: 'Bản nháp bí mật',
      status: 'draft',
    });
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'van-ban-cho-duyet',
      titleVi: 'Văn bản chờ duyệt',
      status: 'approved',
      fields: legalDocumentFields(),
    });
    const renamed = await createContent(db, main.id, {
      type: 'article',
      slug: 'ten-moi-cua-bai',
      titleVi: 'Bài đã đổi địa chỉ',
    });
    await createSlugRedirect(db, main.id, {
      type: 'article',
      oldSlug: 'ten-cu-cua-bai',
      itemId: renamed.id,
    });
    const takenDown = await createContent(db, main.id, {
      type: 'article',
      slug: 'bai-da-go',
      titleVi: 'Bài đã gỡ',
      status: 'unpublished',
    });
    await createSlugRedirect(db, main.id, {
      type: 'article',
      oldSlug: 'dia-chi-cu-bai-da-go',
      itemId: takenDown.id,
    });
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'van-ban-het-hieu-luc-lau',
      titleVi: 'Quyết định đã hết hiệu lực từ lâu',
      fields: legalDocumentFields({
        numberSymbol: '09/2020/QĐ-BTTTT',
        issuedOn: '2020-01-02',
        effectiveOn: '2020-02-01',
        expiresOn: addDays(todayInVietnam(), -400),
        legalStatus: 'expired',
      }),
    });
    await createContent(db, unit.id, {
      type: 'article',
      slug: 'tin-cua-cuc',
      titleVi: 'Tin riêng của Cục',
    });
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it.each(typedPages)('renders a $type from its published revision', async (page) => {
    const response = await testApp.request(mainHost, page.path);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain(`<h1>${page.published}</h1>`);
    expect(html).toContain(`Nội dung đã đăng của ${page.published}.`);
    expect(html).not.toContain('Bản nháp chưa duyệt');
    expect(html).not.toContain('Câu chữ nháp');
    expect(html.startsWith('<!DOCTYPE html><html lang="vi">')).toBe(true);
    await expectValidHtml(html, page.path);
  });

  it.each(typedPages)('answers 404 for a $type under another portal host', async (page) => {
    const response = await testApp.request(unitHost, page.path);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(page.published);
  });

  it('answers 404 for items that are not live', async () => {
    for (const path of [
      '/tin-tuc/ban-nhap-bi-mat',
      '/van-ban/van-ban-cho-duyet',
      '/tin-tuc/bai-da-go',
      '/tin-tuc/tin-cua-cuc',
      '/trang/bai-co-anh',
      '/tin-tuc/KHONG-HOP-LE',
    ]) {
      const response = await testApp.request(mainHost, path);

      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('renders the not-found page in the portal frame', async () => {
    const response = await testApp.request(mainHost, '/khong-co-trang-nay');
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(html).toContain('Không tìm thấy trang');
    expect(html).toContain('Bộ Thử nghiệm');
    await expectValidHtml(html);
  });

  it('shows breadcrumbs through the category path', async () => {
    const html = await (await testApp.request(mainHost, '/tin-tuc/bai-co-anh')).text();

    expect(breadcrumbsOf(html)).toEqual([
      'Trang chủ',
      'Tin tức – Sự kiện',
      'Hoạt động của lãnh đạo',
      'Lãnh đạo Bộ làm việc với Cục',
    ]);
    expect(html).toContain('href="/chuyen-muc/hoat-dong-lanh-dao"');
  });

  it('falls back to the type list in breadcrumbs without a category', async () => {
    const html = await (await testApp.request(mainHost, '/van-ban/thong-tu-01')).text();

    expect(breadcrumbsOf(html)).toEqual([
      'Trang chủ',
      'Văn bản',
      'Thông tư quy định cấu trúc cổng',
    ]);
  });

  it('names the canonical address and Open Graph details', async () => {
    const html = await (
      await testApp.request(`${mainHost}:3000`, '/tin-tuc/bai-co-anh?x=1')
    ).text();

    expect(canonicalOf(html)).toBe(`http://${mainHost}:3000/tin-tuc/bai-co-anh`);
    expect(metaContent(html, 'og:url')).toBe(`http://${mainHost}:3000/tin-tuc/bai-co-anh`);
    expect(metaContent(html, 'og:type')).toBe('article');
    expect(metaContent(html, 'og:title')).toBe('Lãnh đạo Bộ làm việc với Cục');
    expect(metaContent(html, 'og:description')).toBe('Tóm tắt của Lãnh đạo Bộ làm việc với Cục.');
    expect(metaContent(html, 'og:image')).toMatch(
      new RegExp(`^http://${mainHost}:3000/media/[0-9a-f-]+/anh%20bia\\.jpg$`),
    );
    expect(metaContent(html, 'article:published_time')).toBe('2026-03-02T02:00:00.000Z');
  });

  it('shows first publication and update dates of the live revision', async () => {
    const html = await (await testApp.request(mainHost, '/trang/gioi-thieu-chung')).text();

    expect(html).toContain('Đăng ngày <time datetime="2026-03-02T02:00:00.000Z">02/03/2026</time>');
    expect(html).toContain(
      'Cập nhật ngày <time datetime="2026-03-05T02:00:00.000Z">05/03/2026</time>',
    );
  });

  it('renders the cover image with srcset and its alt text', async () => {
    const html = await (await testApp.request(mainHost, '/tin-tuc/bai-co-anh')).text();

    expect(html).toMatch(
      /<source type="image\/webp" srcset="\/media\/[^"]+\/w\/480\/anh%20bia\.webp 480w"/,
    );
    expect(html).toMatch(
      /srcset="\/media\/[^"]+\/w\/480\/anh%20bia\.jpg 480w, \/media\/[^"]+\/anh%20bia\.jpg 1600w"/,
    );
    expect(html).toContain('alt="Toàn cảnh buổi làm việc"');
  });

  it('never shows another portal file referenced by a revision', async () => {
    for (const path of ['/tin-tuc/bai-co-anh', '/van-ban/thong-tu-01']) {
      const html = await (await testApp.request(mainHost, path)).text();

      expect(html, path).not.toContain(unitImageId);
      expect(html, path).not.toContain('anh-cua-cuc.png');
    }
  });

  it('lists attached files with links, kinds and sizes', async () => {
    const html = await (await testApp.request(mainHost, '/thong-bao/thong-bao-tuyen-dung')).text();

    expect(html).toContain('<h2 id="tep-dinh-kem">Tệp đính kèm</h2>');
    expect(html).toMatch(/<a href="\/media\/[0-9a-f-]+\/toan-van\.pdf">toan-van\.pdf<\/a>/);
    expect(html).toContain('(PDF, 1,5 MB)');
    expect(html).toMatch(/<a href="\/media\/[0-9a-f-]+\/phu-luc\.docx">phu-luc\.docx<\/a>/);
    expect(html).toContain('(Word, 20 KB)');
    expect(html.indexOf('toan-van.pdf')).toBeLessThan(html.indexOf('phu-luc.docx'));
  });

  it('shows the facts of a legal document', async () => {
    const html = await (await testApp.request(mainHost, '/van-ban/thong-tu-01')).text();

    expect(html).toContain('<dt>Số ký hiệu</dt><dd>01/2026/TT-BTTTT</dd>');
    expect(html).toContain('<dt>Cơ quan ban hành</dt><dd>Bộ Thông tin và Truyền thông</dd>');
    expect(html).toContain('<dt>Ngày có hiệu lực</dt><dd>20/02/2026</dd>');
    expect(html).toContain('Quy định về cấu trúc, bố cục của cổng thông tin điện tử.');
  });

  it('shows whether a draft is open for comment now', async () => {
    const html = await (await testApp.request(mainHost, '/du-thao/du-thao-nghi-dinh')).text();
    const closesOn = addDays(todayInVietnam(), 10).split('-').reverse().join('/');

    expect(html).toContain('>Đang lấy ý kiến</span>');
    expect(html).toContain(`Dự thảo đang lấy ý kiến đến hết ngày ${closesOn}.`);
    expect(html).toContain('<dt>Đơn vị soạn thảo</dt><dd>Vụ Pháp chế</dd>');
  });

  it('shows procurement and statistics facts', async () => {
    const procurement = await (await testApp.request(mainHost, '/dau-thau/goi-thau-so-1')).text();
    const statistics = await (await testApp.request(mainHost, '/thong-ke/bao-cao-quy-1')).text();

    expect(procurement).toContain('>Đang nhận hồ sơ dự thầu</span>');
    expect(procurement).toContain('<dt>Chủ đầu tư</dt><dd>Trung tâm Thông tin</dd>');
    expect(statistics).toContain('<dt>Kỳ báo cáo</dt><dd>Quý I năm 2026</dd>');
  });

  it('lists the newest related items of the same category', async () => {
    const html = await (await testApp.request(mainHost, '/tin-tuc/bai-co-anh')).text();
    const related = /<aside class="related".*?<\/aside>/s.exec(html)?.[0] ?? '';

    expect(related).toContain('Tin liên quan thứ hai');
    expect(related).toContain('Tin liên quan thứ nhất');
    expect(related.indexOf('thứ hai')).toBeLessThan(related.indexOf('thứ nhất'));
    expect(related).not.toContain('Tin ở chuyên mục khác');
    expect(related).not.toContain('Lãnh đạo Bộ làm việc với Cục');
  });

  it('marks the English version with lang="en"', async () => {
    const html = await (await testApp.request(mainHost, '/tin-tuc/bai-co-anh')).text();

    expect(html).toContain('<details class="english" lang="en"><summary>English version</summary>');
    expect(html).toContain('<h2>Ministry leaders meet the authority</h2>');
  });

  it('renders the print view without menu or footer', async () => {
    const response = await testApp.request(mainHost, '/van-ban/thong-tu-01?ban-in=1');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<body class="print-view">');
    expect(html).toContain('<h1>Thông tư quy định cấu trúc cổng</h1>');
    expect(html).not.toContain('class="site-header"');
    expect(html).not.toContain('class="site-footer"');
    expect(html).not.toContain('class="breadcrumbs"');
    expect(html).toContain(`Nguồn: http://${mainHost}/van-ban/thong-tu-01`);
    expect(html).toMatch(
      new RegExp(
        `<span class="print-url">http://${mainHost}/media/[0-9a-f-]+/toan-van\\.pdf</span>`,
      ),
    );
    expect(canonicalOf(html)).toBe(`http://${mainHost}/van-ban/thong-tu-01`);
    expect(metaContent(html, 'robots')).toBe('noindex');
    await expectValidHtml(html);
  });

  it('links each item page to its print view', async () => {
    const html = await (await testApp.request(mainHost, '/thong-ke/bao-cao-quy-1')).text();

    expect(html).toContain('<a href="?ban-in=1" rel="nofollow">Bản in</a>');
  });

  it('redirects an old slug permanently to the current address', async () => {
    const response = await testApp.request(mainHost, '/tin-tuc/ten-cu-cua-bai?ban-in=1');

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tin-tuc/ten-moi-cua-bai?ban-in=1');
  });

  it('answers 404 for an old slug of an item taken down', async () => {
    const response = await testApp.request(mainHost, '/tin-tuc/dia-chi-cu-bai-da-go');

    expect(response.status).toBe(404);
  });

  it('keeps a long-expired legal document reachable but unindexed', async () => {
    const response = await testApp.request(mainHost, '/van-ban/van-ban-het-hieu-luc-lau');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('>Hết hiệu lực</span>');
    expect(metaContent(html, 'robots')).toBe('noindex');
  });

  it('builds the main menu from the top-level categories', async () => {
    const html = await (await testApp.request(mainHost, '/')).text();
    const menu = /<div class="menu-wide">(.*?)<\/div>/s.exec(html)?.[1] ?? '';

    expect(menu).toContain('<a href="/chuyen-muc/tin-tuc-su-kien">Tin tức – Sự kiện</a>');
    expect(menu).toContain('<a href="/chuyen-muc/van-ban-chuyen-muc">Văn bản</a>');
    expect(menu).not.toContain('Hoạt động của lãnh đạo');
    expect(menu.indexOf('Tin tức – Sự kiện')).toBeLessThan(menu.indexOf('Văn bản'));
  });

  it('serves the theme stylesheet that the page links', async () => {
    const html = await (await testApp.request(mainHost, '/')).text();
    const href = /href="(\/assets\/theme-[0-9a-f]{6}\.css)"/.exec(html)?.[1];
    const response = await testApp.request(mainHost, href ?? '/missing');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(await response.text()).toContain('--brand:#1d4f91');
  });

  it('renders valid HTML on the home and list pages', async () => {
    for (const path of ['/', '/tin-tuc', '/thong-bao', '/du-thao', '/dau-thau', '/thong-ke']) {
      const response = await testApp.request(mainHost, path);

      expect(response.status, path).toBe(200);
      await expectValidHtml(await response.text(), path);
    }
  });
});
