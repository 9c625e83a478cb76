import { Temporal } from '@js-temporal/polyfill';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentRevisions } from '../../../server/db/schema/index.ts';
import { neutralizeFormula } from '../../../server/feedback/draft-comments-csv.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createItem, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { postForm, trackingCodeIn, validFields } from './feedback-test-kit.ts';

const today = () => Temporal.Now.plainDateISO('Asia/Ho_Chi_Minh');

describe('comments on drafts for public comment', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let openDraftId: string;
  let unitAdmin: ReturnType<typeof createAdminClient>;
  let otherAdmin: ReturnType<typeof createAdminClient>;
  const host = `ais.${testRootDomain}`;

  async function createDraft(slug: string, opensOn: string, closesOn: string) {
    const item = await createItem(database.db, unitId, {
      type: 'draft_for_comment',
      slug,
      titleVi: `Dự thảo ${slug}`,
    });
    // Revisions are immutable for the application role, so the owner connection sets the dates.
    await database.db
      .update(contentRevisions)
      .set({ fields: { opensOn, closesOn } })
      .where(eq(contentRevisions.id, item.revisionId));
    return item.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    const otherUnitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    testApp = buildTestApp(database.db, { trustProxy: true, secondFactorRoles: [] });
    const day = today();
    openDraftId = await createDraft(
      'thong-tu-an-toan-thong-tin',
      day.subtract({ days: 3 }).toString(),
      day.toString(),
    );
    await createDraft(
      'nghi-dinh-da-dong',
      day.subtract({ days: 30 }).toString(),
      day.subtract({ days: 1 }).toString(),
    );
    await createDraft(
      'quyet-dinh-sap-mo',
      day.add({ days: 1 }).toString(),
      day.add({ days: 30 }).toString(),
    );
    const admin = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
    });
    const other = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['unit_admin'] }],
    });
    unitAdmin = createAdminClient(testApp, testRootDomain);
    otherAdmin = createAdminClient(testApp, testRootDomain);
    await unitAdmin.login(admin.email);
    await otherAdmin.login(other.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('takes comments while the draft is open, to its last day', async () => {
    const page = await testApp.request(host, '/du-thao/thong-tu-an-toan-thong-tin/gop-y');
    const posted = await postForm(
      testApp,
      host,
      validFields({ body: '=HYPERLINK("https://evil.example","Bấm vào đây") và ý kiến khác.' }),
      { path: '/du-thao/thong-tu-an-toan-thong-tin/gop-y' },
    );

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Góp ý dự thảo: Dự thảo thong-tu-an-toan-thong-tin');
    expect(posted.status).toBe(200);
    expect(trackingCodeIn(posted.html)).toMatch(/^[A-Z2-7-]+$/);
  });

  it('refuses comments before the draft opens and after it closes', async () => {
    const closed = await testApp.request(host, '/du-thao/nghi-dinh-da-dong/gop-y');
    const upcoming = await testApp.request(host, '/du-thao/quyet-dinh-sap-mo/gop-y');
    const late = await postForm(testApp, host, validFields(), {
      path: '/du-thao/nghi-dinh-da-dong/gop-y',
    });
    const missing = await testApp.request(host, '/du-thao/khong-co/gop-y');

    expect(await closed.text()).toContain('Thời gian lấy ý kiến đã kết thúc');
    expect(await upcoming.text()).toContain('bắt đầu nhận góp ý từ ngày');
    expect(late.status).toBe(409);
    expect(missing.status).toBe(404);
  });

  it('lists and exports the comments without personal details', async () => {
    const list = await unitAdmin.get(`/feedback/drafts/${openDraftId}/comments?tenantId=${unitId}`);
    const csv = await testApp.request(
      testRootDomain,
      `/api/admin/feedback/drafts/${openDraftId}/comments.csv?tenantId=${unitId}`,
      { headers: { cookie: unitAdmin.cookie } },
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const foreign = await otherAdmin.get(
      `/feedback/drafts/${openDraftId}/comments?tenantId=${unitId}`,
    );

    expect(list.body.comments).toHaveLength(1);
    expect(list.body.comments[0].kind).toBe('draft_comment');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('STT,')).toBe(true);
    expect(text).toContain('Công ty TNHH Minh An');
    expect(text).toContain(
      `"'=HYPERLINK(""https://evil.example"",""Bấm vào đây"") và ý kiến khác."`,
    );
    expect(text).not.toContain('Trần Văn Minh');
    expect(text).not.toContain('@example.vn');
    expect(text).not.toContain('0912 345 678');
    expect(foreign.status).toBe(403);
  });

  it('neutralises every formula prefix', () => {
    for (const value of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeFormula(value)).toBe(`'${value}`);
    }
    expect(neutralizeFormula('Ý kiến bình thường')).toBe('Ý kiến bình thường');
  });
});
