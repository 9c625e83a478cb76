import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { withTenant } from '../../../server/db/tenant-scope.ts';
import { findDossierByCode } from '../../../server/services/dossiers.ts';
import {
  loadDemoServiceFiles,
  syncDemoServices,
  type DemoServicesFile,
} from '../../../server/services/demo-services.ts';
import { lookUpDossier } from '../../../server/services/lookup.ts';
import { loadUnitStatistics } from '../../../server/services/statistics.ts';
import { figuresOf } from '../../../server/services/statistics-figures.ts';
import { TenantFolderError } from '../../../server/tenancy/tenant-folder.ts';
import { loadWorkingCalendar } from '../../../server/workflow/calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';

describe('demo services', () => {
  let database: TestDatabase;
  let files: { file: string; content: DemoServicesFile }[];
  const tenantIds = new Map<string, string>();

  async function syncAll() {
    const calendar = await loadWorkingCalendar();
    return database.db.transaction(async (tx) => {
      const reports = [];
      for (const { content } of files) {
        reports.push(
          await syncDemoServices(tx, tenantIds.get(content.tenant)!, content, { calendar }),
        );
      }
      return reports;
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    files = await loadDemoServiceFiles();
    for (const { content } of files) {
      const tenant = await createTenant(database.db, { slug: content.tenant });
      tenantIds.set(content.tenant, tenant.id);
    }
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('ships valid files for the hosted units that publish services', () => {
    expect(files.map(({ content }) => content.tenant).sort()).toEqual([
      'abei',
      'ais',
      'vbc',
      'vnta',
    ]);
  });

  it('adds the services and dossiers once', async () => {
    const first = await syncAll();
    const second = await syncAll();

    const created = first.reduce((sum, report) => sum + report.dossiersCreated, 0);
    const expected = files.reduce((sum, { content }) => sum + content.dossiers.length, 0);
    expect(created).toBe(expected);
    expect(second.every((report) => report.servicesCreated === 0)).toBe(true);
    expect(second.every((report) => report.dossiersCreated === 0)).toBe(true);
  });

  it('decides the statuses from the events and the due dates', async () => {
    const aisId = tenantIds.get('ais')!;
    const statuses = await withTenant(database.db, aisId, async (tx) => ({
      onTime: (await findDossierByCode(tx, aisId, 'AIS-2026-0001'))!.status,
      late: (await findDossierByCode(tx, aisId, 'AIS-2026-0003'))!.status,
      open: (await findDossierByCode(tx, aisId, 'AIS-2026-0012'))!.status,
    }));

    expect(statuses).toEqual({ onTime: 'done_on_time', late: 'done_late', open: 'in_processing' });
  });

  it('gives the statistics page figures to show', async () => {
    const units = files.map(({ content }) => ({
      id: tenantIds.get(content.tenant)!,
      slug: content.tenant,
      nameVi: content.tenant,
    }));
    const statistics = await loadUnitStatistics(database.db, units, {
      firstMonth: '2026-01',
      lastMonth: '2026-12',
    });
    const figures = figuresOf(
      statistics.flatMap((unit) => unit.tallies),
      '2026-01',
      '2026-12',
    );

    expect(figures.received).toBe(36);
    expect(figures.finishedOnTime).toBeGreaterThan(0);
    expect(figures.finishedLate).toBeGreaterThan(0);
    expect(figures.rejectedOrReturned).toBeGreaterThan(0);
    expect(figures.inProcessing).toBeGreaterThan(0);
  });

  it('opens a demo dossier with the digits its file names', async () => {
    const aisId = tenantIds.get('ais')!;

    const found = await lookUpDossier(
      database.db,
      [{ id: aisId, slug: 'ais', nameVi: 'AIS' }],
      'AIS-2026-0001',
      '0101',
    );

    expect(found?.statusLabel).toBe('Đã giải quyết đúng hạn');
  });
});

describe('loadDemoServiceFiles', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'demo-services-'));
    await mkdir(path.join(root, 'services'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('names the file and field of each problem', async () => {
    await writeFile(
      path.join(root, 'services', 'x.yaml'),
      [
        'tenant: x',
        'services:',
        '  - code: x-1',
        '    nameVi: Dịch vụ',
        '    procedureName: Thủ tục',
        '    field: Lĩnh vực',
        '    agency: Cơ quan',
        '    processingDays: 2',
        'dossiers:',
        '  - code: X-0001',
        '    service: x-2',
        '    receivedAt: "2026-01-05T09:00:00+07:00"',
        '    applicant: { name: Người thử, phone: "0900 000 000" }',
      ].join('\n'),
    );

    const error = await loadDemoServiceFiles(root).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TenantFolderError);
    expect((error as TenantFolderError).problems).toEqual([
      expect.stringMatching(/x\.yaml: services\.0\.provision: give provision/),
    ]);
  });

  it('checks that each dossier names a service of its file', async () => {
    await writeFile(
      path.join(root, 'services', 'x.yaml'),
      [
        'tenant: x',
        'services:',
        '  - { code: x-1, nameVi: Dịch vụ, procedureName: Thủ tục, provision: full,',
        '      field: Lĩnh vực, agency: Cơ quan, processingDays: 2 }',
        'dossiers:',
        '  - code: X-0001',
        '    service: x-2',
        '    receivedAt: "2026-01-05T09:00:00+07:00"',
        '    applicant: { name: Người thử, phone: "0900 000 000" }',
      ].join('\n'),
    );

    const error = (await loadDemoServiceFiles(root).catch(
      (caught: unknown) => caught,
    )) as TenantFolderError;

    expect(error.problems).toEqual([
      expect.stringContaining('x.yaml: dossiers.0.service: no service in this file has code x-2'),
    ]);
  });
});
