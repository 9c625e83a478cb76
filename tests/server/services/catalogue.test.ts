import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { createTestService } from './service-fixtures.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // hono/jsx writes void elements as <meta ... />.
    'void-style': 'off',
    // Procedure names are long as published, and a service page's title is its full name.
    'long-title': 'off',
  },
});

async function validationMessages(html: string): Promise<string[]> {
  const report = await validator.validateString(html);

  return report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message}`),
  );
}

const mainHost = testRootDomain;
const unitHost = `vnta.${testRootDomain}`;

describe('service catalogue pages', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const vnta = await createTenant(database.db, { slug: 'vnta', nameVi: 'Cục Viễn thông thử' });
    const ais = await createTenant(database.db, { slug: 'ais', nameVi: 'Cục An toàn thử' });
    const suspended = await createTenant(database.db, { slug: 'ngung', status: 'suspended' });
    await createTestService(database.db, vnta.id, {
      code: 'vt-gp',
      nameVi: 'Cấp giấy phép cung cấp dịch vụ viễn thông',
      field: 'Viễn thông',
    });
    await createTestService(database.db, vnta.id, {
      code: 'vt-an',
      nameVi: 'Dịch vụ chưa công bố',
      isPublished: false,
    });
    await createTestService(database.db, ais.id, {
      code: 'at-ma-so',
      nameVi: 'Cấp mã số quản lý cho nhà cung cấp dịch vụ quảng cáo bằng thư điện tử',
      field: 'An toàn thông tin',
      provision: 'full',
    });
    await createTestService(database.db, suspended.id, {
      code: 'ng-1',
      nameVi: 'Dịch vụ của đơn vị tạm ngừng',
    });
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function page(host: string, path: string) {
    const response = await testApp.request(host, path);
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  it("lists every unit's published services on the main portal", async () => {
    const { status, html } = await page(mainHost, '/dich-vu-cong');

    expect(status).toBe(200);
    expect(html).toContain('href="/dich-vu-cong/vnta/vt-gp"');
    expect(html).toContain('href="/dich-vu-cong/ais/at-ma-so"');
    expect(html).toContain('Tìm thấy 2 dịch vụ.');
  });

  it('never lists an unpublished service or a suspended unit', async () => {
    const { html } = await page(mainHost, '/dich-vu-cong');

    expect(html).not.toContain('Dịch vụ chưa công bố');
    expect(html).not.toContain('vt-an');
    expect(html).not.toContain('Dịch vụ của đơn vị tạm ngừng');
  });

  it('lists only its own services on a member portal', async () => {
    const { html } = await page(unitHost, '/dich-vu-cong');

    expect(html).toContain('href="/dich-vu-cong/vnta/vt-gp"');
    expect(html).not.toContain('at-ma-so');
    expect(html).not.toContain('vt-an');
  });

  it('searches names without regard to marks or case', async () => {
    const plain = await page(mainHost, '/dich-vu-cong?q=CAP+GIAY+PHEP');
    const withD = await page(mainHost, '/dich-vu-cong?q=dich+vu+vien+thong');
    const marked = await page(mainHost, `/dich-vu-cong?q=${encodeURIComponent('mã số')}`);

    expect(plain.html).toContain('vt-gp');
    expect(plain.html).not.toContain('/dich-vu-cong/ais/at-ma-so');
    expect(withD.html).toContain('Tìm thấy 1 dịch vụ.');
    expect(marked.html).toContain('/dich-vu-cong/ais/at-ma-so');
    expect(marked.html).not.toContain('/dich-vu-cong/vnta/vt-gp');
  });

  it('filters by unit, field and provision', async () => {
    const byUnit = await page(mainHost, '/dich-vu-cong?don-vi=ais');
    const byField = await page(
      mainHost,
      `/dich-vu-cong?linh-vuc=${encodeURIComponent('Viễn thông')}`,
    );
    const byProvision = await page(mainHost, '/dich-vu-cong?hinh-thuc=toan-trinh');

    expect(byUnit.html).toContain('Tìm thấy 1 dịch vụ.');
    expect(byUnit.html).toContain('/dich-vu-cong/ais/at-ma-so');
    expect(byField.html).toContain('Tìm thấy 1 dịch vụ.');
    expect(byField.html).toContain('/dich-vu-cong/vnta/vt-gp');
    expect(byProvision.html).toContain('/dich-vu-cong/ais/at-ma-so');
    expect(byProvision.html).not.toContain('/dich-vu-cong/vnta/vt-gp');
  });

  it('shows a service page from the main portal and from its own portal', async () => {
    const fromMain = await page(mainHost, '/dich-vu-cong/vnta/vt-gp');
    const fromUnit = await page(unitHost, '/dich-vu-cong/vnta/vt-gp');

    expect(fromMain.status).toBe(200);
    expect(fromMain.html).toContain('<h1>Cấp giấy phép cung cấp dịch vụ viễn thông</h1>');
    expect(fromMain.html).toContain('5 ngày làm việc');
    expect(fromMain.html).toContain('Đơn đề nghị');
    expect(fromUnit.status).toBe(200);
  });

  it('answers 404 for unpublished, unknown and foreign service pages', async () => {
    const unpublished = await page(mainHost, '/dich-vu-cong/vnta/vt-an');
    const unknown = await page(mainHost, '/dich-vu-cong/vnta/khong-co');
    const foreign = await page(unitHost, '/dich-vu-cong/ais/at-ma-so');
    const suspended = await page(mainHost, '/dich-vu-cong/ngung/ng-1');

    expect(unpublished.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(suspended.status).toBe(404);
  });

  it('renders valid HTML for the catalogue and a service page', async () => {
    const catalogue = await page(mainHost, '/dich-vu-cong?q=giay');
    const service = await page(mainHost, '/dich-vu-cong/ais/at-ma-so');

    expect(await validationMessages(catalogue.html)).toEqual([]);
    expect(await validationMessages(service.html)).toEqual([]);
  });

  it('serves its stylesheet', async () => {
    const { html } = await page(mainHost, '/dich-vu-cong');
    const href = /href="(\/assets\/services-[0-9a-f]{12}\.css)"/.exec(html)?.[1];

    const css = await page(mainHost, href!);

    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});

describe('/api/admin/services', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let admin: ReturnType<typeof createAdminClient>;
  let editor: ReturnType<typeof createAdminClient>;
  let otherAdmin: ReturnType<typeof createAdminClient>;

  const serviceInput = {
    code: '1.004424',
    nameVi: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
    procedureName: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
    provision: 'partial',
    field: 'Thông tin điện tử',
    agency: 'Cục Phát thanh, truyền hình và thông tin điện tử',
    processingDays: 10,
    requiredDocuments: ['Đơn đề nghị cấp giấy phép', 'Đề án hoạt động'],
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'abei' })).id;
    const otherId = (await createTenant(database.db, { slug: 'vbc' })).id;
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const users = {
      admin: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
      }),
      editor: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['editor'] }],
      }),
      otherAdmin: await createUser(database.db, {
        memberships: [{ tenantId: otherId, roles: ['unit_admin'] }],
      }),
    };
    admin = createAdminClient(testApp, mainHost);
    editor = createAdminClient(testApp, mainHost);
    otherAdmin = createAdminClient(testApp, mainHost);
    await admin.login(users.admin.email);
    await editor.login(users.editor.email);
    await otherAdmin.login(users.otherAdmin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('creates an unpublished service that publishing shows on the catalogue', async () => {
    const created = await admin.post('/services', { tenantId: unitId, ...serviceInput });
    const before = await testApp.request(mainHost, '/dich-vu-cong');
    const published = await admin.post(`/services/${created.body.id}/publish`, {
      tenantId: unitId,
    });
    const after = await testApp.request(mainHost, '/dich-vu-cong');

    expect(created.status).toBe(201);
    expect(created.body.isPublished).toBe(false);
    expect(await before.text()).not.toContain('1.004424');
    expect(published.body.isPublished).toBe(true);
    expect(await after.text()).toContain('href="/dich-vu-cong/abei/1.004424"');
  });

  it('updates a service and derives provision from a legacy level', async () => {
    const created = await admin.post('/services', {
      tenantId: unitId,
      ...serviceInput,
      code: 'abei-2',
    });

    const { provision: _provision, ...withoutProvision } = serviceInput;
    const updated = await admin.put(`/services/${created.body.id}`, {
      tenantId: unitId,
      ...withoutProvision,
      code: 'abei-2',
      legacyLevel: 4,
      processingDays: 7,
    });

    expect(updated.status).toBe(200);
    expect(updated.body.provision).toBe('full');
    expect(updated.body.legacyLevel).toBe(4);
    expect(updated.body.processingDays).toBe(7);
  });

  it('names the invalid fields', async () => {
    const response = await admin.post('/services', {
      tenantId: unitId,
      ...serviceInput,
      code: 'có dấu',
      provision: undefined,
      processingDays: -1,
    });

    expect(response.status).toBe(400);
    const fields = response.body.error.fields.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'processingDays', 'provision']));
  });

  it('answers 409 for a code the unit already uses', async () => {
    await admin.post('/services', { tenantId: unitId, ...serviceInput, code: 'abei-dup' });

    const again = await admin.post('/services', {
      tenantId: unitId,
      ...serviceInput,
      code: 'abei-dup',
    });

    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].field).toBe('code');
  });

  it('lets an editor read but not manage', async () => {
    const list = await editor.get(`/services?tenantId=${unitId}`);
    const create = await editor.post('/services', {
      tenantId: unitId,
      ...serviceInput,
      code: 'x-1',
    });

    expect(list.status).toBe(200);
    expect(create.status).toBe(403);
  });

  it("refuses another unit's administrator", async () => {
    const list = await otherAdmin.get(`/services?tenantId=${unitId}`);
    const create = await otherAdmin.post('/services', {
      tenantId: unitId,
      ...serviceInput,
      code: 'x-2',
    });

    expect(list.status).toBe(403);
    expect(create.status).toBe(403);
  });

  it('answers 401 when signed out', async () => {
    const anonymous = createAdminClient(testApp, mainHost);

    const response = await anonymous.get(`/services?tenantId=${unitId}`);

    expect(response.status).toBe(401);
  });
});
