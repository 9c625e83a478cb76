import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dossierEvents, dossiers, jobs } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { loadWorkingCalendar } from '../../../server/workflow/calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { at, createInboundClient, createTestService, createTestToken } from './service-fixtures.ts';

const year = new Date().getFullYear() - 1;
const applicant = { name: 'Nguyễn Văn Thử', phone: '0912 345 678', email: 'thu@example.vn' };

describe('/api/inbound', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitA: Awaited<ReturnType<typeof createTenant>>;
  let unitB: Awaited<ReturnType<typeof createTenant>>;
  let clientA: ReturnType<typeof createInboundClient>;
  let clientB: ReturnType<typeof createInboundClient>;
  const host = `vnta.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitA = await createTenant(database.db, { slug: 'vnta' });
    unitB = await createTenant(database.db, { slug: 'ais' });
    await createTestService(database.db, unitA.id, { code: 'vt-1', processingDays: 2 });
    await createTestService(database.db, unitB.id, { code: 'at-1' });
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    clientA = createInboundClient(testApp, host, (await createTestToken(database.db, unitA)).token);
    clientB = createInboundClient(testApp, host, (await createTestToken(database.db, unitB)).token);
  });

  afterAll(async () => {
    await database.destroy();
  });

  function newDossier(code: string, overrides: Record<string, unknown> = {}) {
    return {
      code,
      serviceCode: 'vt-1',
      receivedAt: at(`${year}-03-02`, '09:00'),
      applicant,
      ...overrides,
    };
  }

  async function countRows(tenantId: string, code: string) {
    return withTenant(database.db, tenantId, async (tx) => {
      const [dossier] = await tx
        .select()
        .from(dossiers)
        .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.code, code)));
      if (!dossier) {
        return { dossiers: 0, events: 0 };
      }
      const [events] = await tx
        .select({ value: count() })
        .from(dossierEvents)
        .where(eq(dossierEvents.dossierId, dossier.id));
      return { dossiers: 1, events: Number(events!.value), status: dossier.status };
    });
  }

  describe('POST /dossiers', () => {
    it('records a dossier with its due date in working days', async () => {
      const response = await clientA.post('/dossiers', newDossier('vt-2025-0001'));
      const calendar = await loadWorkingCalendar();
      const expectedDue = calendar.addWorkingDays(new Date(at(`${year}-03-02`)), 2);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        code: 'VT-2025-0001',
        serviceCode: 'vt-1',
        receivedAt: new Date(at(`${year}-03-02`)).toISOString(),
        receivedOn: `${year}-03-02`,
        dueAt: expectedDue.toISOString(),
      });
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    });

    it('answers a replay with the same result and records nothing twice', async () => {
      const first = await clientA.post('/dossiers', newDossier('VT-REPLAY-1'));
      const replay = await clientA.post('/dossiers', newDossier('vt-replay-1'));

      expect(replay.status).toBe(first.status);
      expect(replay.text).toBe(first.text);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await countRows(unitA.id, 'VT-REPLAY-1')).toMatchObject({ dossiers: 1, events: 1 });
    });

    it('rejects other data under a code already used', async () => {
      await clientA.post('/dossiers', newDossier('VT-CONFLICT-1'));

      const response = await clientA.post(
        '/dossiers',
        newDossier('VT-CONFLICT-1', { applicant: { ...applicant, phone: '0900 000 000' } }),
      );

      expect(response.status).toBe(409);
      expect(response.body.error.fields).toEqual([
        {
          field: 'applicant.phone',
          message: 'differs from the dossier already recorded with this code',
        },
      ]);
    });

    it('names an unknown service code', async () => {
      const response = await clientA.post(
        '/dossiers',
        newDossier('VT-X-1', { serviceCode: 'nope' }),
      );

      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([
        { field: 'serviceCode', message: 'is not a service of this unit' },
      ]);
    });

    it("treats another unit's service code as unknown", async () => {
      const response = await clientA.post(
        '/dossiers',
        newDossier('VT-X-2', { serviceCode: 'at-1' }),
      );

      expect(response.status).toBe(400);
      expect(response.body.error.fields[0].field).toBe('serviceCode');
    });

    it('names each malformed field', async () => {
      const response = await clientA.post('/dossiers', {
        code: 'x',
        serviceCode: 'vt-1',
        receivedAt: '2025-03-02 09:00',
        applicant: { name: '', phone: '12' },
      });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_input');
      const fields = response.body.error.fields.map((problem: { field: string }) => problem.field);
      expect(fields).toEqual(
        expect.arrayContaining(['code', 'receivedAt', 'applicant.name', 'applicant.phone']),
      );
    });

    it('rejects a receipt time in the future', async () => {
      const future = new Date(Date.now() + 3_600_000).toISOString();

      const response = await clientA.post(
        '/dossiers',
        newDossier('VT-FUTURE-1', { receivedAt: future }),
      );

      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([
        { field: 'receivedAt', message: 'must not be in the future' },
      ]);
    });

    it('names a body that is not JSON', async () => {
      const response = await clientA.postRaw('/dossiers', '{"code": ');

      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([
        { field: '(body)', message: 'is not valid JSON' },
      ]);
    });

    it('takes the unit from the token, never from the body', async () => {
      await clientB.post('/dossiers', {
        ...newDossier('SHARED-CODE-1', { serviceCode: 'at-1' }),
        tenantId: unitA.id,
      });

      expect(await countRows(unitB.id, 'SHARED-CODE-1')).toMatchObject({ dossiers: 1 });
      expect(await countRows(unitA.id, 'SHARED-CODE-1')).toMatchObject({ dossiers: 0 });
    });
  });

  describe('POST /dossiers/{code}/events', () => {
    it('moves the status and answers a replay with the same receipt', async () => {
      await clientA.post('/dossiers', newDossier('VT-EVENTS-1'));
      const event = {
        eventId: 'evt-100',
        status: 'in_processing',
        occurredAt: at(`${year}-03-02`, '10:00'),
      };

      const first = await clientA.post('/dossiers/VT-EVENTS-1/events', event);
      const replay = await clientA.post('/dossiers/vt-events-1/events', event);

      expect(first.status).toBe(201);
      expect(first.body.status).toBe('in_processing');
      expect(replay.text).toBe(first.text);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await countRows(unitA.id, 'VT-EVENTS-1')).toEqual({
        dossiers: 1,
        events: 2,
        status: 'in_processing',
      });
    });

    it('rejects other data under an event id already used', async () => {
      await clientA.post('/dossiers', newDossier('VT-EVENTS-2'));
      await clientA.post('/dossiers/VT-EVENTS-2/events', {
        eventId: 'evt-200',
        status: 'in_processing',
        occurredAt: at(`${year}-03-02`, '10:00'),
      });

      const response = await clientA.post('/dossiers/VT-EVENTS-2/events', {
        eventId: 'evt-200',
        status: 'paused',
        occurredAt: at(`${year}-03-02`, '10:00'),
      });

      expect(response.status).toBe(409);
      expect(response.body.error.fields[0].field).toBe('status');
    });

    it('keeps an out-of-order event in the history without moving the status back', async () => {
      await clientA.post('/dossiers', newDossier('VT-ORDER-1'));
      await clientA.post('/dossiers/VT-ORDER-1/events', {
        eventId: 'order-2',
        status: 'done',
        occurredAt: at(`${year}-03-03`, '15:00'),
      });

      const late = await clientA.post('/dossiers/VT-ORDER-1/events', {
        eventId: 'order-1',
        status: 'in_processing',
        occurredAt: at(`${year}-03-02`, '11:00'),
      });
      const progress = await clientA.get('/dossiers/VT-ORDER-1');

      expect(late.status).toBe(201);
      expect(progress.body.status).toBe('done_on_time');
      expect(progress.body.finishedAt).toBe(new Date(at(`${year}-03-03`, '15:00')).toISOString());
      expect(progress.body.events.map((event: { status: string }) => event.status)).toEqual([
        'received',
        'in_processing',
        'done_on_time',
      ]);
    });

    it('decides done on time or done late from the due date', async () => {
      await clientA.post('/dossiers', newDossier('VT-LATE-1'));

      const response = await clientA.post('/dossiers/VT-LATE-1/events', {
        eventId: 'late-1',
        status: 'done',
        occurredAt: at(`${year}-03-20`, '10:00'),
      });

      expect(response.body.status).toBe('done_late');
    });

    it('refuses a status the platform decides itself', async () => {
      await clientA.post('/dossiers', newDossier('VT-STATUS-1'));

      const response = await clientA.post('/dossiers/VT-STATUS-1/events', {
        eventId: 'status-1',
        status: 'done_on_time',
        occurredAt: at(`${year}-03-02`, '10:00'),
      });

      expect(response.status).toBe(400);
      expect(response.body.error.fields[0].field).toBe('status');
    });

    it('rejects an event before the receipt or in the future', async () => {
      await clientA.post('/dossiers', newDossier('VT-TIME-1'));
      const future = new Date(Date.now() + 3_600_000).toISOString();

      const before = await clientA.post('/dossiers/VT-TIME-1/events', {
        eventId: 'time-1',
        status: 'in_processing',
        occurredAt: at(`${year}-03-01`, '10:00'),
      });
      const ahead = await clientA.post('/dossiers/VT-TIME-1/events', {
        eventId: 'time-2',
        status: 'in_processing',
        occurredAt: future,
      });

      expect(before.status).toBe(400);
      expect(before.body.error.fields[0]).toEqual({
        field: 'occurredAt',
        message: 'must not be before the dossier was received',
      });
      expect(ahead.status).toBe(400);
      expect(ahead.body.error.fields[0].field).toBe('occurredAt');
    });

    it('rejects event ids reserved for the platform', async () => {
      await clientA.post('/dossiers', newDossier('VT-RESERVED-1'));

      const response = await clientA.post('/dossiers/VT-RESERVED-1/events', {
        eventId: 'platform:received:x',
        status: 'paused',
        occurredAt: at(`${year}-03-02`, '10:00'),
      });

      expect(response.status).toBe(400);
      expect(response.body.error.fields[0].field).toBe('eventId');
    });

    it("answers 404 for another unit's dossier", async () => {
      await clientB.post('/dossiers', newDossier('AT-ONLY-1', { serviceCode: 'at-1' }));

      const response = await clientA.post('/dossiers/AT-ONLY-1/events', {
        eventId: 'cross-1',
        status: 'rejected',
        occurredAt: at(`${year}-03-02`, '10:00'),
      });
      const read = await clientA.get('/dossiers/AT-ONLY-1');

      expect(response.status).toBe(404);
      expect(read.status).toBe(404);
      expect(await countRows(unitB.id, 'AT-ONLY-1')).toMatchObject({
        events: 1,
        status: 'received',
      });
    });

    it('queues no delivery when no national system is configured', async () => {
      const [row] = await database.db.select({ value: count() }).from(jobs);

      expect(Number(row!.value)).toBe(0);
    });
  });

  describe('tokens', () => {
    it('answers 401 without a token, with the scheme named', async () => {
      const response = await createInboundClient(testApp, host, null).post('/dossiers', {});

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inbound"');
    });

    it('answers 401 for an unknown token', async () => {
      const client = createInboundClient(testApp, host, `mic_it_${'a'.repeat(32)}`);

      const response = await client.post('/dossiers', newDossier('VT-UNKNOWN-TOKEN'));

      expect(response.status).toBe(401);
    });

    it('answers 401 for a revoked token', async () => {
      const unit = await createTenant(database.db, { slug: 'revoked-unit' });
      await createTestService(database.db, unit.id, { code: 'rv-1' });
      const old = await createTestToken(database.db, unit);
      await createTestToken(database.db, unit);

      const response = await createInboundClient(testApp, host, old.token).post(
        '/dossiers',
        newDossier('RV-1', { serviceCode: 'rv-1' }),
      );

      expect(response.status).toBe(401);
      expect(response.body.error.message).toBe(
        'The integration token is invalid or has been revoked',
      );
    });

    it('answers on the main portal host as well', async () => {
      const client = createInboundClient(testApp, testRootDomain, null);

      const response = await client.get('/openapi.json');

      expect(response.status).toBe(200);
      expect(Object.keys(response.body.paths)).toContain('/dossiers/{code}/events');
    });
  });
});
