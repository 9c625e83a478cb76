import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordDossierEvent } from '../../../server/services/dossier-events.ts';
import { createDossier } from '../../../server/services/dossiers.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { at, createTestService, testServiceDependencies } from './service-fixtures.ts';

const year = new Date().getFullYear() - 1;
const applicant = {
  name: 'Trần Thị Bí Mật',
  phone: '0987 654 321',
  email: 'bimat@example.vn',
  idNumber: '012345678901',
};
const privateNote = 'Đã gọi điện cho bà Trần Thị Bí Mật theo số 0987654321';
const origin = { source: 'admin' as const, actorUserId: null, ipAddress: null, requestId: 't' };

describe('/tra-cuu-ho-so', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const mainHost = testRootDomain;
  const unitHost = `vnta.${testRootDomain}`;
  const otherHost = `ais.${testRootDomain}`;
  let addressCounter = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const vnta = await createTenant(database.db, { slug: 'vnta', nameVi: 'Cục Viễn thông thử' });
    await createTenant(database.db, { slug: 'ais' });
    await createTestService(database.db, vnta.id, {
      code: 'vt-1',
      nameVi: 'Cấp giấy phép thử nghiệm',
    });
    const deps = testServiceDependencies(database.db);
    await createDossier(
      deps,
      vnta.id,
      { code: 'VT-0001', serviceCode: 'vt-1', receivedAt: at(`${year}-04-01`), applicant },
      origin,
    );
    await recordDossierEvent(
      deps,
      vnta.id,
      'VT-0001',
      {
        eventId: 'e-1',
        status: 'additional_documents_requested',
        occurredAt: at(`${year}-04-02`, '10:30'),
        note: privateNote,
      },
      origin,
    );
    testApp = buildTestApp(database.db, { trustProxy: true });
  });

  afterAll(async () => {
    await database.destroy();
  });

  /** Posts the lookup form, from a new client address unless one is given. */
  async function lookUp(host: string, code: string, digits: string, address?: string) {
    addressCounter += 1;
    const response = await testApp.request(host, '/tra-cuu-ho-so', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': address ?? `198.51.100.${addressCounter}`,
      },
      body: new URLSearchParams({ 'ma-ho-so': code, 'so-cuoi-dien-thoai': digits }).toString(),
    });
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  it('shows the status history of a dossier', async () => {
    const { status, html, headers } = await lookUp(unitHost, 'vt-0001', '4321');

    expect(status).toBe(200);
    expect(html).toContain('Hồ sơ VT-0001');
    expect(html).toContain('Yêu cầu bổ sung hồ sơ');
    expect(html).toContain('Đã tiếp nhận');
    expect(html).toContain('Cấp giấy phép thử nghiệm');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('puts no personal data or staff note in the page', async () => {
    const { html } = await lookUp(unitHost, 'VT-0001', '4321');

    for (const secret of [
      applicant.name,
      applicant.email,
      applicant.idNumber,
      '0987',
      '654 321',
      '654321',
      privateNote,
    ]) {
      expect(html).not.toContain(secret);
    }
  });

  it('answers a wrong code and wrong digits with the same page', async () => {
    const wrongCode = await lookUp(unitHost, 'VT-9999', '4321');
    const wrongDigits = await lookUp(unitHost, 'VT-0001', '4320');

    expect(wrongCode.status).toBe(200);
    expect(wrongDigits.status).toBe(wrongCode.status);
    expect(wrongDigits.html).toBe(wrongCode.html);
    expect(wrongCode.html).toContain('Không tìm thấy hồ sơ');
  });

  it("finds a unit's dossier from the main portal, not from another unit", async () => {
    const fromMain = await lookUp(mainHost, 'VT-0001', '4321');
    const fromOther = await lookUp(otherHost, 'VT-0001', '4321');

    expect(fromMain.html).toContain('Hồ sơ VT-0001');
    expect(fromMain.html).toContain('Cục Viễn thông thử');
    expect(fromOther.html).toContain('Không tìm thấy hồ sơ');
  });

  it('names invalid input without looking anything up', async () => {
    const { status, html } = await lookUp(unitHost, 'a b', '12');

    expect(status).toBe(400);
    expect(html).toContain('id="loi-ma-ho-so"');
    expect(html).toContain('Nhập đúng 4 chữ số.');
  });

  it('limits lookups per client address', async () => {
    const address = '203.0.113.77';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await lookUp(unitHost, 'VT-9999', '0000', address)).status);
    }

    const limited = await lookUp(unitHost, 'VT-0001', '4321', address);
    const otherAddress = await lookUp(unitHost, 'VT-0001', '4321', '203.0.113.78');

    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.html).not.toContain('Hồ sơ VT-0001');
    expect(otherAddress.status).toBe(200);
  });

  it('renders valid HTML for the form and a result', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'void-style': 'off' },
    });
    const form = await testApp.request(unitHost, '/tra-cuu-ho-so');
    const result = await lookUp(unitHost, 'VT-0001', '4321');

    for (const html of [await form.text(), result.html]) {
      const report = await validator.validateString(html);
      const messages = report.results.flatMap((entry) => entry.messages.map((m) => m.message));
      expect(messages).toEqual([]);
    }
  });
});
