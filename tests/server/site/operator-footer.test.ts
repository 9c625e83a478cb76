import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tenants, type TenantOperator } from '../../../server/db/schema/index.ts';
import { missingOperatorValue } from '../../../server/site/footer.tsx';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { expectValidHtml } from './site-test-kit.ts';

const aisHost = `ais.${testRootDomain}`;
const vntaHost = `vnta.${testRootDomain}`;
const requiredByDefault = ['agency.vi', 'responsiblePerson', 'address.vi', 'phone', 'email'];
const placeholder = `<em class="operator-missing">${missingOperatorValue}</em>`;

/** Returns the footer of a page, so a check cannot match text elsewhere on the page. */
function footerOf(html: string): string {
  const footer = /<footer class="site-footer">(.*?)<\/footer>/s.exec(html)?.[1];
  if (footer === undefined) {
    throw new Error('the page has no site footer');
  }
  return footer;
}

describe('footer operator fields', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let vntaId: string;
  let board: ReturnType<typeof createAdminClient>;
  let vntaAdmin: ReturnType<typeof createAdminClient>;

  async function footerAt(host: string, path = '/') {
    const response = await testApp.request(host, path);
    expect(response.status, `${host}${path}`).toBe(200);
    return footerOf(await response.text());
  }

  async function signedIn(email: string) {
    const client = createAdminClient(testApp, testRootDomain);
    expect((await client.login(email)).status).toBe(200);
    return client;
  }

  async function removeOverride(client: typeof vntaAdmin, key: string, body: unknown) {
    const response = await testApp.request(testRootDomain, `/api/admin/policies/${key}/override`, {
      method: 'DELETE',
      headers: {
        cookie: client.cookie,
        'content-type': 'application/json',
        origin: `http://${testRootDomain}`,
      },
      body: JSON.stringify(body),
    });
    return response.status;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const ais = await createTenant(database.db, { slug: 'ais' });
    vntaId = (await createTenant(database.db, { slug: 'vnta' })).id;
    // The unit has no phone number, which the policy requires, and a fax, which it does not.
    const operator: TenantOperator = { ...ais.operator, phone: '  ', fax: '024 1111 2222' };
    await database.db.update(tenants).set({ operator }).where(eq(tenants.id, ais.id));
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const head = await createUser(database.db, { boardRoles: ['board_head'] });
    const admin = await createUser(database.db, {
      memberships: [{ tenantId: vntaId, roles: ['unit_admin'] }],
    });
    board = await signedIn(head.email);
    vntaAdmin = await signedIn(admin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('shows a placeholder for a required field left empty', async () => {
    const footer = await footerAt(aisHost);

    expect(footer).toContain(`Điện thoại: ${placeholder}`);
    expect(footer).toContain('Cơ quan chủ quản: Cơ quan chủ quản ais');
    expect(footer).toContain('<a href="mailto:ais@portal.test">ais@portal.test</a>');
  });

  it('shows an optional field only when it has a value', async () => {
    const withFax = await footerAt(aisHost);
    const withoutFax = await footerAt(vntaHost);

    expect(withFax).toContain('Fax: 024 1111 2222');
    expect(withoutFax).not.toContain('Fax');
    expect(withoutFax).not.toContain(placeholder);
  });

  it('shows the placeholder on feedback pages too', async () => {
    const footer = await footerAt(aisHost, '/gop-y');

    expect(footer).toContain(`Điện thoại: ${placeholder}`);
  });

  it('renders valid HTML with a placeholder', async () => {
    const html = await (await testApp.request(aisHost, '/')).text();

    await expectValidHtml(html);
  });

  it('shows a field the board adds at once, past the page cache', async () => {
    const before = await footerAt(vntaHost);
    await footerAt(vntaHost);
    expect(testApp.pageCache.size).toBeGreaterThan(0);

    const change = await board.put('/policies/site.required_operator_fields', {
      value: [...requiredByDefault, 'agency.en'],
      reason: 'Cổng phải có tên tiếng Anh của cơ quan chủ quản',
    });
    const after = await footerAt(vntaHost);
    const otherPortal = await footerAt(aisHost);

    expect(change.status).toBe(200);
    expect(before).not.toContain('Tên tiếng Anh của cơ quan chủ quản');
    expect(after).toContain(`Tên tiếng Anh của cơ quan chủ quản: ${placeholder}`);
    expect(otherPortal).toContain(`Tên tiếng Anh của cơ quan chủ quản: ${placeholder}`);
  });

  it("shows a field a unit's override adds on that unit's pages only", async () => {
    await footerAt(vntaHost);
    await footerAt(aisHost);

    const change = await vntaAdmin.put('/policies/site.required_operator_fields/override', {
      tenantId: vntaId,
      value: [...requiredByDefault, 'agency.en', 'fax'],
      reason: 'Đơn vị công bố số fax trên cổng',
    });
    const vnta = await footerAt(vntaHost);
    const ais = await footerAt(aisHost);

    expect(change.status).toBe(200);
    expect(vnta).toContain(`Fax: ${placeholder}`);
    expect(ais).toContain('Fax: 024 1111 2222');
  });

  it('drops the placeholder again when the override is removed', async () => {
    const before = await footerAt(vntaHost);

    const status = await removeOverride(vntaAdmin, 'site.required_operator_fields', {
      tenantId: vntaId,
      reason: 'Đơn vị không còn dùng fax',
    });
    const footer = await footerAt(vntaHost);

    expect(status).toBe(200);
    expect(before).toContain(`Fax: ${placeholder}`);
    expect(footer).not.toContain('Fax');
  });
});
