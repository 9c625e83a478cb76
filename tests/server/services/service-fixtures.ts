import { randomBytes } from 'node:crypto';

import { services } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import type { Db } from '../../../server/db/types.ts';
import type { ServiceDependencies } from '../../../server/services/dependencies.ts';
import { createIntegrationToken } from '../../../server/services/integration-tokens.ts';
import type { NationalTarget } from '../../../server/services/national-portal.ts';
import { loadWorkingCalendar } from '../../../server/workflow/calendar.ts';
import type { buildTestApp } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';

export type CreateServiceOptions = {
  code?: string;
  nameVi?: string;
  field?: string;
  provision?: 'full' | 'partial';
  processingDays?: number;
  isPublished?: boolean;
  nationalTargets?: NationalTarget[];
};

/** Inserts a service of a unit, published unless `isPublished` is false. */
export async function createTestService(
  db: Db,
  tenantId: string,
  options: CreateServiceOptions = {},
) {
  const code = options.code ?? `dv-${randomBytes(3).toString('hex')}`;
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .insert(services)
      .values({
        tenantId,
        code,
        nameVi: options.nameVi ?? `Dịch vụ thử nghiệm ${code}`,
        procedureName: `Thủ tục ${code}`,
        provision: options.provision ?? 'partial',
        field: options.field ?? 'Viễn thông',
        agency: 'Cơ quan thử nghiệm',
        processingDays: options.processingDays ?? 5,
        requiredDocuments: ['Đơn đề nghị'],
        details: { nationalTargets: options.nationalTargets ?? [] },
        isPublished: options.isPublished ?? true,
      })
      .returning(),
  );

  return row!;
}

/** Dependencies of the dossier commands on a test database, with the repository's holidays. */
export function testServiceDependencies(
  db: Db,
  nationalTargets: NationalTarget[] = [],
): ServiceDependencies {
  const calendar = loadWorkingCalendar();

  return { db, getCalendar: () => calendar, nationalTargets };
}

/** Creates the integration token of a unit, as its administrator would, and returns it. */
export async function createTestToken(
  db: Db,
  tenant: { id: string; slug: string; kind: 'main' | 'hosted' | 'independent' },
) {
  const context = actingAs('00000000-0000-4000-8000-000000000001', {
    tenant: [{ tenantId: tenant.id, roles: ['unit_admin'] }],
  });
  const created = await createIntegrationToken(db, context, tenantRef(tenant), {
    name: 'Hệ thống một cửa thử nghiệm',
    replaceActive: true,
  });

  return { token: created.token, id: created.record.id };
}

type TestApp = ReturnType<typeof buildTestApp>;

/** Creates a client of the inbound API that sends one unit system's bearer token. */
export function createInboundClient(testApp: TestApp, host: string, token: string | null) {
  const call = async (method: string, path: string, body?: unknown, rawBody?: string) => {
    const headers: Record<string, string> = {};
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
    }
    const response = await testApp.request(host, `/api/inbound${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : (rawBody ?? JSON.stringify(body ?? {})),
    });
    const text = await response.text();

    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text.startsWith('{') ? JSON.parse(text) : null,
    };
  };

  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    postRaw: (path: string, rawBody: string) => call('POST', path, undefined, rawBody),
  };
}

/** Returns the ISO instant of a local time in Vietnam, e.g. `at('2025-03-02', '09:00')`. */
export function at(date: string, time = '09:00'): string {
  return `${date}T${time}:00+07:00`;
}
