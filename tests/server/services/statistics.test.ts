import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ReportedStatus } from '../../../server/services/dossier-status.ts';
import { recordDossierEvent } from '../../../server/services/dossier-events.ts';
import { createDossier } from '../../../server/services/dossiers.ts';
import {
  figuresOf,
  monthsOfYear,
  previousMonth,
  type DossierTally,
} from '../../../server/services/statistics-figures.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { at, createTestService, testServiceDependencies } from './service-fixtures.ts';

/** A whole past year, so every month has figures whatever today's date is. */
const year = new Date().getFullYear() - 1;
const origin = { source: 'admin' as const, actorUserId: null, ipAddress: null, requestId: 't' };
const applicant = { name: 'Người nộp thử', phone: '0900 111 222' };

type Step = { status: ReportedStatus; at: string };
type SeedDossier = {
  unit: 'a' | 'b';
  service: string;
  code: string;
  receivedAt: string;
  steps: Step[];
};

/**
 * The data set, month by month (all in `year`):
 * Jan: A1 received and done the same day, A2 received (done late in March), B1 received and
 *      done the same day.
 * Feb: A3 received and rejected, A4 received and left in processing, B2 received, waiting for
 *      documents.
 * Mar: A5 received and done just after midnight on 1 March, local time (still February in
 *      UTC), A6 received (returned in April); A2 done late.
 * Nov: A7 received (done late in December). Dec: A8 received and done the same day.
 */
const seed: SeedDossier[] = [
  {
    unit: 'a',
    service: 's1',
    code: 'A1',
    receivedAt: at(`${year}-01-10`),
    steps: [{ status: 'done', at: at(`${year}-01-10`, '11:00') }],
  },
  {
    unit: 'a',
    service: 's1',
    code: 'A2',
    receivedAt: at(`${year}-01-20`),
    steps: [{ status: 'done', at: at(`${year}-03-05`) }],
  },
  {
    unit: 'b',
    service: 's3',
    code: 'B1',
    receivedAt: at(`${year}-01-15`),
    steps: [{ status: 'done', at: at(`${year}-01-15`, '15:00') }],
  },
  {
    unit: 'a',
    service: 's1',
    code: 'A3',
    receivedAt: at(`${year}-02-10`),
    steps: [{ status: 'rejected', at: at(`${year}-02-12`) }],
  },
  {
    unit: 'a',
    service: 's1',
    code: 'A4',
    receivedAt: at(`${year}-02-15`),
    steps: [{ status: 'in_processing', at: at(`${year}-02-16`) }],
  },
  {
    unit: 'b',
    service: 's3',
    code: 'B2',
    receivedAt: at(`${year}-02-20`),
    steps: [{ status: 'additional_documents_requested', at: at(`${year}-02-23`) }],
  },
  {
    unit: 'a',
    service: 's1',
    code: 'A5',
    receivedAt: at(`${year}-03-01`, '00:10'),
    steps: [{ status: 'done', at: at(`${year}-03-01`, '00:40') }],
  },
  {
    unit: 'a',
    service: 's2',
    code: 'A6',
    receivedAt: at(`${year}-03-10`),
    steps: [{ status: 'returned', at: at(`${year}-04-02`) }],
  },
  {
    unit: 'a',
    service: 's2',
    code: 'A7',
    receivedAt: at(`${year}-11-20`),
    steps: [{ status: 'done', at: at(`${year}-12-10`) }],
  },
  {
    unit: 'a',
    service: 's2',
    code: 'A8',
    receivedAt: at(`${year}-12-30`),
    steps: [{ status: 'done', at: at(`${year}-12-30`, '11:00') }],
  },
];

/** Expected figures per month: received, in processing at month end, on time, late, closed otherwise. */
const expectedMonths: [number, number, number, number, number][] = [
  [3, 1, 2, 0, 0],
  [3, 3, 0, 0, 1],
  [2, 3, 1, 1, 0],
  [0, 2, 0, 0, 1],
  [0, 2, 0, 0, 0],
  [0, 2, 0, 0, 0],
  [0, 2, 0, 0, 0],
  [0, 2, 0, 0, 0],
  [0, 2, 0, 0, 0],
  [0, 2, 0, 0, 0],
  [1, 3, 0, 0, 0],
  [1, 2, 1, 1, 0],
];

function tableRows(html: string, caption: string): string[][] {
  const document = new JSDOM(html).window.document;
  const table = [...document.querySelectorAll('table')].find(
    (candidate) => candidate.querySelector('caption')?.textContent === caption,
  );
  if (!table) {
    throw new Error(`no table captioned ${caption}`);
  }

  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent!.trim()),
  );
}

describe('/thong-ke-ho-so', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const mainHost = testRootDomain;
  const unitHost = `vnta.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const units = {
      a: await createTenant(database.db, { slug: 'vnta', nameVi: 'Đơn vị A' }),
      b: await createTenant(database.db, { slug: 'ais', nameVi: 'Đơn vị B' }),
    };
    await createTestService(database.db, units.a.id, {
      code: 's1',
      nameVi: 'Dịch vụ S1',
      processingDays: 5,
    });
    // An unpublished service still counts: its dossiers were received all the same.
    await createTestService(database.db, units.a.id, {
      code: 's2',
      nameVi: 'Dịch vụ S2',
      processingDays: 5,
      isPublished: false,
    });
    await createTestService(database.db, units.b.id, {
      code: 's3',
      nameVi: 'Dịch vụ S3',
      processingDays: 5,
    });
    const deps = testServiceDependencies(database.db);
    for (const dossier of seed) {
      const tenantId = units[dossier.unit].id;
      const input = {
        code: dossier.code,
        serviceCode: dossier.service,
        receivedAt: dossier.receivedAt,
        applicant,
      };
      await createDossier(deps, tenantId, input, origin);
      for (const [index, step] of dossier.steps.entries()) {
        const event = {
          eventId: `${dossier.code}-${index}`,
          status: step.status,
          occurredAt: step.at,
        };
        await recordDossierEvent(deps, tenantId, dossier.code, event, origin);
      }
    }
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function html(host: string, path: string) {
    const response = await testApp.request(host, path);
    expect(response.status).toBe(200);
    return response.text();
  }

  it('counts every unit by month on the main portal', async () => {
    const rows = tableRows(
      await html(mainHost, `/thong-ke-ho-so?nam=${year}`),
      'Số liệu theo tháng',
    );

    expect(rows).toHaveLength(12);
    rows.forEach((row, index) => {
      expect(row[0]).toBe(`Tháng ${index + 1}/${year}`);
      expect(row.slice(1, 6).map(Number)).toEqual(expectedMonths[index]);
    });
  });

  it('gives the year per unit and per service', async () => {
    const page = await html(mainHost, `/thong-ke-ho-so?nam=${year}`);
    const byUnit = tableRows(page, 'Số liệu theo đơn vị');
    const byService = tableRows(page, 'Số liệu theo dịch vụ');

    expect(byUnit).toContainEqual(['Đơn vị A', '8', '1', '3', '2', '2', '60%']);
    expect(byUnit).toContainEqual(['Đơn vị B', '2', '1', '1', '0', '0', '100%']);
    expect(byService).toContainEqual(['Dịch vụ S1 (Đơn vị A)', '5', '1', '2', '1', '1', '66,7%']);
    expect(byService).toContainEqual(['Dịch vụ S2 (Đơn vị A)', '3', '0', '1', '1', '1', '50%']);
  });

  it("shows only a member portal's own unit", async () => {
    const page = await html(unitHost, `/thong-ke-ho-so?nam=${year}`);
    const january = tableRows(page, 'Số liệu theo tháng')[0]!;

    expect(january.slice(1, 6).map(Number)).toEqual([2, 1, 1, 0, 0]);
    expect(page).not.toContain('Dịch vụ S3');
    expect(page).not.toContain('Số liệu theo đơn vị');
  });

  it('narrows the main portal to one chosen unit', async () => {
    const page = await html(mainHost, `/thong-ke-ho-so?nam=${year}&don-vi=ais`);
    const february = tableRows(page, 'Số liệu theo tháng')[1]!;

    expect(february.slice(1, 6).map(Number)).toEqual([1, 1, 0, 0, 0]);
    expect(page).not.toContain('Dịch vụ S1');
  });

  it('draws the months as an accessible chart', async () => {
    const document = new JSDOM(await html(mainHost, `/thong-ke-ho-so?nam=${year}`)).window.document;
    const chart = document.querySelector('figure.chart svg[role="img"]')!;
    const labelIds = chart.getAttribute('aria-labelledby')!.split(' ');

    expect(labelIds.every((id) => document.getElementById(id))).toBe(true);
    // One bar per month and series, each with its value as a tooltip.
    expect(chart.querySelectorAll('rect > title')).toHaveLength(36);
    expect(chart.querySelector('desc')!.textContent).toContain('tiếp nhận 10 hồ sơ');
  });
});

describe('statistics figures', () => {
  const tally = (overrides: Partial<DossierTally>): DossierTally => ({
    serviceId: 's',
    receivedMonth: '2025-01',
    finishedMonth: null,
    status: 'in_processing',
    count: 1,
    ...overrides,
  });

  it('counts an open dossier every later month', () => {
    const tallies = [tally({ receivedMonth: '2025-01' })];

    expect(figuresOf(tallies, '2025-03', '2025-03')).toMatchObject({
      received: 0,
      inProcessing: 1,
    });
  });

  it('stops counting a dossier in processing after the month it finished', () => {
    const tallies = [tally({ finishedMonth: '2025-02', status: 'done_late' })];

    expect(figuresOf(tallies, '2025-01', '2025-01')).toMatchObject({ inProcessing: 1 });
    expect(figuresOf(tallies, '2025-02', '2025-02')).toMatchObject({
      inProcessing: 0,
      finishedLate: 1,
    });
  });

  it('lists the months of a year up to the current one', () => {
    expect(monthsOfYear(2026, '2026-03-15')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfYear(2025, '2026-03-15')).toHaveLength(12);
    expect(monthsOfYear(2027, '2026-03-15')).toEqual([]);
  });

  it('steps back across a year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});
