import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, todayInVietnam } from '../../../server/site/dates.ts';
import {
  createCategory,
  createContent,
  legalDocumentFields,
} from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectWellFormedXml } from './site-test-kit.ts';

const mainHost = testRootDomain;
const unitHost = `vnta.${testRootDomain}`;
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url'].includes(name),
});

type RssItem = {
  title: string;
  link: string;
  guid: string | { '#text': string };
  description?: string;
};

describe('feeds', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main', nameVi: 'Bộ Thử nghiệm' });
    const unit = await createTenant(db, { slug: 'vnta' });
    await createCategory(db, main.id, { slug: 'tin-tuc-su-kien', nameVi: 'Tin tức – Sự kiện' });
    for (let index = 0; index < 22; index += 1) {
      await createContent(db, main.id, {
        type: index % 2 === 0 ? 'article' : 'announcement',
        slug: `muc-${index}`,
        titleVi: `Mục số ${index} & <đặc biệt>`,
        leadVi: `Tóm tắt mục ${index}`,
        publishedAt: new Date(Date.UTC(2026, 2, 1 + index)),
      });
    }
    await createContent(db, main.id, {
      type: 'page',
      slug: 'gioi-thieu',
      titleVi: 'Trang giới thiệu',
    });
    await createContent(db, main.id, {
      type: 'work_schedule',
      slug: 'lich-1',
      fields: { weekStart: '2026-03-02', entries: [] },
    });
    await createContent(db, main.id, {
      type: 'work_schedule',
      slug: 'lich-2',
      fields: { weekStart: '2026-03-02', entries: [] },
    });
    await createContent(db, main.id, {
      type: 'legal_document',
      slug: 'van-ban-het-han-lau',
      fields: legalDocumentFields({ expiresOn: addDays(todayInVietnam(), -500) }),
    });
    await createContent(db, main.id, {
      type: 'article',
      slug: 'tin-nhap',
      titleVi: 'Tin nháp',
      status: 'draft',
    });
    await createContent(db, unit.id, {
      type: 'article',
      slug: 'tin-cua-cuc',
      titleVi: 'Tin của Cục',
    });
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('serves an RSS feed of the 20 newest articles and announcements', async () => {
    const response = await testApp.request(mainHost, '/rss.xml');
    const xml = await response.text();
    const channel = parser.parse(xml).rss.channel;
    const items = channel.item as RssItem[];

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expectWellFormedXml(xml);
    expect(channel.title).toBe('Bộ Thử nghiệm');
    expect(channel.language).toBe('vi');
    expect(items).toHaveLength(20);
    expect(items[0]!.title).toBe('Mục số 21 & <đặc biệt>');
    expect(items[0]!.link).toBe(`http://${mainHost}/thong-bao/muc-21`);
    expect(items[1]!.link).toBe(`http://${mainHost}/tin-tuc/muc-20`);
    expect(items[0]!.description).toBe('Tóm tắt mục 21');
    expect(xml).not.toContain('Tin nháp');
    expect(xml).not.toContain('Tin của Cục');
    expect(xml).not.toContain('Trang giới thiệu');
  });

  it('serves each portal its own feed', async () => {
    const xml = await (await testApp.request(unitHost, '/rss.xml')).text();
    const items = parser.parse(xml).rss.channel.item as RssItem[];

    expect(items.map((item) => item.title)).toEqual(['Tin của Cục']);
    expect(items[0]!.link).toBe(`http://${unitHost}/tin-tuc/tin-cua-cuc`);
  });

  it('serves a sitemap of the listed published items with lastmod', async () => {
    const response = await testApp.request(mainHost, '/sitemap.xml');
    const xml = await response.text();
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    const locations = urls.map((url) => url.loc);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expectWellFormedXml(xml);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locations).toContain(`http://${mainHost}/`);
    expect(locations).toContain(`http://${mainHost}/chuyen-muc/tin-tuc-su-kien`);
    expect(locations).toContain(`http://${mainHost}/trang/gioi-thieu`);
    expect(locations).toContain(`http://${mainHost}/tin-tuc/muc-0`);
    expect(urls.find((url) => url.loc.endsWith('/tin-tuc/muc-0'))?.lastmod).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(locations.filter((loc) => loc.endsWith('/lich-cong-tac?tuan=2026-03-02'))).toHaveLength(
      1,
    );
    expect(locations.some((loc) => loc.includes('van-ban-het-han-lau'))).toBe(false);
    expect(locations.some((loc) => loc.includes('tin-nhap'))).toBe(false);
    expect(locations.some((loc) => loc.includes('tin-cua-cuc'))).toBe(false);
  });

  it('names the sitemap in robots.txt and keeps previews out', async () => {
    const response = await testApp.request(unitHost, '/robots.txt');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain('Disallow: /xem-truoc/');
    expect(text).toContain(`Sitemap: http://${unitHost}/sitemap.xml`);
  });
});
