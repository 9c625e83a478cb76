import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContent, createPreviewToken } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectValidHtml, metaContent } from './site-test-kit.ts';

const mainHost = testRootDomain;
const unitHost = `vnta.${testRootDomain}`;

describe('GET /xem-truoc/:token', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let token: string;
  let expiredToken: string;
  let scheduleToken: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main' });
    await createTenant(db, { slug: 'vnta' });
    const item = await createContent(db, main.id, {
      type: 'article',
      slug: 'bai-dang-sua',
      titleVi: 'Tiêu đề đang đăng',
      draft: { titleVi: 'Tiêu đề bản sửa chưa đăng', bodyVi: '<p>Đoạn mới đang chờ duyệt.</p>' },
    });
    token = await createPreviewToken(db, main.id, {
      itemId: item.id,
      revisionId: item.currentRevisionId,
    });
    expiredToken = await createPreviewToken(db, main.id, {
      itemId: item.id,
      revisionId: item.currentRevisionId,
      expiresAt: new Date(Date.now() - 1000),
    });
    const schedule = await createContent(db, main.id, {
      type: 'work_schedule',
      slug: 'lich-nhap',
      titleVi: 'Lịch công tác dự kiến',
      status: 'draft',
      fields: {
        weekStart: '2026-03-02',
        entries: [{ date: '2026-03-03', time: '08:00', content: 'Họp chuẩn bị hội nghị' }],
      },
    });
    scheduleToken = await createPreviewToken(db, main.id, {
      itemId: schedule.id,
      revisionId: schedule.currentRevisionId,
    });
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('renders the draft revision with the preview banner', async () => {
    const response = await testApp.request(mainHost, `/xem-truoc/${token}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Bản xem trước — chưa đăng.');
    expect(html).toContain('<h1>Tiêu đề bản sửa chưa đăng</h1>');
    expect(html).toContain('Đoạn mới đang chờ duyệt.');
    expect(html).not.toContain('<h1>Tiêu đề đang đăng</h1>');
    await expectValidHtml(html);
  });

  it('is never cached, indexed or given a canonical address', async () => {
    const response = await testApp.request(mainHost, `/xem-truoc/${token}`);
    const html = await response.text();

    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('etag')).toBeNull();
    expect(metaContent(html, 'robots')).toBe('noindex');
    expect(html).not.toContain('rel="canonical"');
    expect(testApp.pageCache.size).toBe(0);
  });

  it('answers 404 on another portal host', async () => {
    const response = await testApp.request(unitHost, `/xem-truoc/${token}`);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Tiêu đề bản sửa');
  });

  it('answers 404 after the link expired', async () => {
    const response = await testApp.request(mainHost, `/xem-truoc/${expiredToken}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('answers 404 for a malformed or unknown token', async () => {
    for (const value of ['khong-hop-le', 'a'.repeat(32)]) {
      const response = await testApp.request(mainHost, `/xem-truoc/${value}`);

      expect(response.status, value).toBe(404);
    }
  });

  it('previews a work schedule as its week', async () => {
    const response = await testApp.request(mainHost, `/xem-truoc/${scheduleToken}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Thứ Ba, 03/03/2026');
    expect(html).toContain('Họp chuẩn bị hội nghị');
    await expectValidHtml(html);
  });
});
