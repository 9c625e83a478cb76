import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '../../../server/access/can.ts';
import { contentRevisions } from '../../../server/db/schema/index.ts';
import { cacheablePathOf } from '../../../server/site/cache-middleware.ts';
import { applyTransition } from '../../../server/workflow/apply-transition.ts';
import { createUser } from '../../helpers/accounts.ts';
import { createContent } from '../../helpers/content-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

const firstHost = `ais.${testRootDomain}`;
const secondHost = `vnta.${testRootDomain}`;

/**
 * Rewrites a live revision's title behind the cache's back. `portal_app` may not update
 * revisions, so this uses the owner connection of the test database.
 */
async function retitle(
  database: TestDatabase,
  tenantId: string,
  revisionId: string,
  title: string,
) {
  await database.db
    .update(contentRevisions)
    .set({ titleVi: title })
    .where(and(eq(contentRevisions.tenantId, tenantId), eq(contentRevisions.id, revisionId)));
}

describe('page cache', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let first: Awaited<ReturnType<typeof createTenant>>;
  let second: Awaited<ReturnType<typeof createTenant>>;
  let firstItem: Awaited<ReturnType<typeof createContent>>;
  let secondItem: Awaited<ReturnType<typeof createContent>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await createTenant(database.db, { slug: 'ais', nameVi: 'Cục An toàn thử' });
    second = await createTenant(database.db, { slug: 'vnta', nameVi: 'Cục Viễn thông thử' });
    firstItem = await createContent(database.db, first.id, {
      type: 'article',
      slug: 'same-slug',
      titleVi: 'Bài của Cục An toàn',
    });
    secondItem = await createContent(database.db, second.id, {
      type: 'article',
      slug: 'same-slug',
      titleVi: 'Bài của Cục Viễn thông',
    });
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('never serves one portal the other portal page at the same path', async () => {
    for (let round = 0; round < 2; round += 1) {
      const onFirst = await (await testApp.request(firstHost, '/tin-tuc/same-slug')).text();
      const onSecond = await (await testApp.request(secondHost, '/tin-tuc/same-slug')).text();

      expect(onFirst, `round ${round}`).toContain('Bài của Cục An toàn');
      expect(onFirst, `round ${round}`).not.toContain('Bài của Cục Viễn thông');
      expect(onSecond, `round ${round}`).toContain('Bài của Cục Viễn thông');
      expect(onSecond, `round ${round}`).not.toContain('Bài của Cục An toàn');
    }
    expect(testApp.pageCache.size).toBe(2);
  });

  it('serves a stored page until the tenant is invalidated', async () => {
    await testApp.request(firstHost, '/tin-tuc/same-slug');
    await retitle(database, first.id, firstItem.publishedRevisionId!, 'Tiêu đề sửa thẳng');

    const cached = await (await testApp.request(firstHost, '/tin-tuc/same-slug')).text();
    testApp.pageCache.invalidateTenant(first.id);
    const fresh = await (await testApp.request(firstHost, '/tin-tuc/same-slug')).text();

    expect(cached).toContain('Bài của Cục An toàn');
    expect(fresh).toContain('Tiêu đề sửa thẳng');
  });

  it('sends an ETag and answers 304 to a matching If-None-Match', async () => {
    const response = await testApp.request(secondHost, '/tin-tuc/same-slug');
    const etag = response.headers.get('etag');
    const revalidated = await testApp.request(secondHost, '/tin-tuc/same-slug', {
      headers: { 'if-none-match': `W/"other", ${etag}` },
    });
    const changed = await testApp.request(secondHost, '/tin-tuc/same-slug', {
      headers: { 'if-none-match': '"stale"' },
    });

    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    );
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(etag);
  });

  it('answers 304 on the first request when the ETag matches', async () => {
    const etag = (await testApp.request(secondHost, '/')).headers.get('etag')!;
    testApp.pageCache.clear();
    const response = await testApp.request(secondHost, '/', { headers: { 'if-none-match': etag } });

    expect(response.status).toBe(304);
  });

  it('drops only the publishing tenant pages after a real publication', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: first.id, roles: ['editor'] }],
    });
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      boardRoles: new Set(),
      memberships: new Map([[first.id, new Set(['editor'] as const)]]),
    };
    const approved = await createContent(database.db, first.id, {
      type: 'article',
      slug: 'tin-vua-duyet',
      titleVi: 'Tin vừa được duyệt',
      status: 'approved',
    });
    const firstList = await (await testApp.request(firstHost, '/tin-tuc')).text();
    await testApp.request(secondHost, '/tin-tuc/same-slug');
    await retitle(database, second.id, secondItem.publishedRevisionId!, 'Sửa chưa làm mới');

    await applyTransition(
      testApp.workflow,
      { actor, ipAddress: null, requestId: 'test-publish' },
      { id: first.id, slug: first.slug, kind: 'hosted' },
      approved.id,
      { action: 'publish' },
    );
    const firstAfter = await (await testApp.request(firstHost, '/tin-tuc')).text();
    const secondAfter = await (await testApp.request(secondHost, '/tin-tuc/same-slug')).text();

    expect(firstList).not.toContain('Tin vừa được duyệt');
    expect(firstAfter).toContain('Tin vừa được duyệt');
    expect(secondAfter).toContain('Bài của Cục Viễn thông');
    expect(secondAfter).not.toContain('Sửa chưa làm mới');
  });

  it('shares one entry among paths that differ in ignored parameters', async () => {
    testApp.pageCache.clear();
    await testApp.request(firstHost, '/tin-tuc?utm_source=a');
    await testApp.request(firstHost, '/tin-tuc?utm_source=b');
    await testApp.request(firstHost, '/tin-tuc?trang=1&x=2');

    expect(testApp.pageCache.size).toBe(2);
  });

  it('keeps error pages and redirects out of the cache', async () => {
    testApp.pageCache.clear();
    await testApp.request(firstHost, '/tin-tuc/khong-co');
    await testApp.request(firstHost, '/van-ban?nam=abc');
    await testApp.request(firstHost, '/tim-kiem?q=an+toan');

    expect(testApp.pageCache.size).toBe(0);
  });
});

describe('cacheablePathOf', () => {
  it('keeps only meaningful parameters, sorted', () => {
    const url = new URL('http://x.test/van-ban?nam=2025&utm=1&loai=Th%C3%B4ng+t%C6%B0');

    expect(cacheablePathOf(url)).toBe('/van-ban?loai=Th%C3%B4ng+t%C6%B0&nam=2025');
  });

  it('returns the bare path without meaningful parameters', () => {
    expect(cacheablePathOf(new URL('http://x.test/?fbclid=abc'))).toBe('/');
  });
});
