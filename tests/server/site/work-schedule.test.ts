import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, mondayOf, todayInVietnam } from '../../../server/site/dates.ts';
import { createContent } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectValidHtml } from './site-test-kit.ts';

const host = testRootDomain;

describe('GET /lich-cong-tac', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const thisWeek = mondayOf(todayInVietnam());
  const lastWeek = addDays(thisWeek, -7);

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const main = await createTenant(db, { slug: 'mic', kind: 'main' });
    const unit = await createTenant(db, { slug: 'vnta' });
    await createContent(db, main.id, {
      type: 'work_schedule',
      slug: 'lich-tuan-nay',
      titleVi: 'Lịch công tác của Lãnh đạo Bộ',
      fields: {
        weekStart: thisWeek,
        entries: [
          {
            date: addDays(thisWeek, 1),
            time: '14:00',
            content: 'Họp giao ban công tác tháng',
            host: 'Bộ trưởng',
            location: 'Phòng họp số 1',
          },
          { date: addDays(thisWeek, 1), time: '08:30', content: 'Tiếp đoàn công tác của tỉnh' },
          { date: thisWeek, time: '09:00', content: 'Làm việc với Cục An toàn thông tin' },
        ],
      },
      draft: {
        fields: {
          weekStart: thisWeek,
          entries: [{ date: thisWeek, time: '10:00', content: 'Lịch nháp chưa duyệt' }],
        },
      },
    });
    await createContent(db, main.id, {
      type: 'work_schedule',
      slug: 'lich-tuan-truoc',
      titleVi: 'Lịch công tác tuần trước',
      fields: {
        weekStart: lastWeek,
        entries: [{ date: lastWeek, time: '08:00', content: 'Hội nghị tổng kết quý' }],
      },
    });
    await createContent(db, unit.id, {
      type: 'work_schedule',
      slug: 'lich-cua-cuc',
      titleVi: 'Lịch công tác của Cục',
      fields: {
        weekStart: thisWeek,
        entries: [{ date: thisWeek, time: '08:00', content: 'Việc riêng của Cục' }],
      },
    });
    testApp = buildTestApp(db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('shows the current week with entries in time order', async () => {
    const response = await testApp.request(host, '/lich-cong-tac');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Lịch công tác của Lãnh đạo Bộ');
    expect(html).toContain('Làm việc với Cục An toàn thông tin');
    expect(html.indexOf('Tiếp đoàn công tác')).toBeLessThan(html.indexOf('Họp giao ban'));
    expect(html).toContain('<p class="meta">Chủ trì: Bộ trưởng</p>');
    expect(html).not.toContain('Lịch nháp chưa duyệt');
    expect(html).not.toContain('Việc riêng của Cục');
    expect(html).not.toContain('Hội nghị tổng kết quý');
    await expectValidHtml(html);
  });

  it('links the previous and next weeks', async () => {
    const html = await (await testApp.request(host, `/lich-cong-tac?tuan=${thisWeek}`)).text();

    expect(html).toContain(`href="/lich-cong-tac?tuan=${lastWeek}" rel="prev"`);
    expect(html).toContain(`href="/lich-cong-tac?tuan=${addDays(thisWeek, 7)}" rel="next"`);
  });

  it('shows the week that ?tuan names', async () => {
    const response = await testApp.request(host, `/lich-cong-tac?tuan=${lastWeek}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Hội nghị tổng kết quý');
    expect(html).not.toContain('Họp giao ban');
    expect(html).toContain(`href="/lich-cong-tac?tuan=${thisWeek}">Tuần này</a>`);
  });

  it('says so when a week has no schedule', async () => {
    const html = await (await testApp.request(host, '/lich-cong-tac?tuan=2020-01-06')).text();

    expect(html).toContain('Chưa có lịch công tác được đăng cho tuần này.');
  });

  it.each([['2026-03-03'], ['2026-02-30'], ['tuan-nay'], ['2026-3-2']])(
    'answers 400 for ?tuan=%s',
    async (value) => {
      const response = await testApp.request(host, `/lich-cong-tac?tuan=${value}`);
      const html = await response.text();

      expect(response.status).toBe(400);
      expect(html).toContain('không phải là ngày thứ Hai của một tuần');
      expect(html).toContain(`href="/lich-cong-tac?tuan=${thisWeek}"`);
      await expectValidHtml(html);
    },
  );

  it('sends a schedule address on to its week', async () => {
    const response = await testApp.request(host, '/lich-cong-tac/lich-tuan-truoc');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/lich-cong-tac?tuan=${lastWeek}`);
  });
});
