import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TenantRef } from '../../../server/access/context.ts';
import type { FeedbackDependencies } from '../../../server/feedback/dependencies.ts';
import { submitFeedback } from '../../../server/feedback/intake.ts';
import { createLogOnlyNotifier } from '../../../server/feedback/notifier.ts';
import { createLogger } from '../../../server/logger.ts';
import { loadWorkingCalendar, type WorkingCalendar } from '../../../server/workflow/calendar.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { tenantRef, testWorkflow } from '../../helpers/workflow.ts';

type Client = ReturnType<typeof createAdminClient>;
type Listed = {
  id: string;
  subject: string;
  responsibleTenantId: string;
  senderKind: string;
  dueAt: string | null;
  answerWorkingDaysLeft: number | null;
  answerWorkingDaysOverdue: number | null;
};

/** An instant given in Vietnam's local time. */
const local = (dateTime: string) => new Date(`${dateTime}+07:00`);

describe('GET /api/admin/feedback/cases filters and clock', () => {
  let database: TestDatabase;
  let deps: FeedbackDependencies;
  let calendar: WorkingCalendar;
  let main: TenantRef;
  let ais: TenantRef;
  let vnta: TenantRef;
  let standingStaff: Client;
  let aisEditor: Client;
  const ids: Record<string, string> = {};

  async function submit(subject: string, receivedAt: Date, organisation: string | null = null) {
    const submitted = await submitFeedback(deps, {
      tenantId: main.id,
      kind: 'feedback',
      intake: {
        kind: 'feedback',
        senderName: 'Ngô Văn Hải',
        senderEmail: null,
        senderPhone: '0912 222 333',
        senderOrganisation: organisation,
        subject,
        body: 'Hồ sơ đã nộp đủ nhưng chưa nhận được kết quả đúng hạn.',
      },
      attachmentMediaIds: [],
      challenge: { signature: `test:${randomUUID()}`, expiresAt: new Date() },
      requestId: 'test-request',
      receivedAt,
    });

    return submitted.caseId;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    calendar = await loadWorkingCalendar();
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    ais = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    vnta = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    const log = createLogger({ logLevel: 'silent' });
    deps = { ...testWorkflow(database.db).deps, notifier: createLogOnlyNotifier(log) };
    const testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const standingUser = await createUser(database.db, {
      boardRoles: ['standing_staff'],
      displayName: 'Lê Thường Trực',
    });
    const editorUser = await createUser(database.db, {
      memberships: [{ tenantId: ais.id, roles: ['editor'] }],
    });
    standingStaff = createAdminClient(testApp, testRootDomain);
    aisEditor = createAdminClient(testApp, testRootDomain);
    await standingStaff.login(standingUser.email);
    await aisEditor.login(editorUser.email);

    ids.old = await submit('Phản ánh nhận trước Tết', local('2026-01-26T10:00:00'));
    ids.recent = await submit('Phản ánh mới nhận', new Date(), 'Hợp tác xã Hải Phong');
    ids.forwarded = await submit('Phản ánh chuyển Cục', local('2026-03-02T09:00:00'));
    await standingStaff.post(`/feedback/cases/${ids.forwarded}/classify`, {
      tenantId: main.id,
      topic: 'regulation',
      responsibleTenantId: ais.id,
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function list(query: string) {
    const response = await standingStaff.get(`/feedback/cases?tenantId=${main.id}&${query}`);
    return { ...response, cases: (response.body.cases ?? []) as Listed[] };
  }

  it('filters by responsible unit', async () => {
    const toUnit = await list(`responsibleTenantId=${ais.id}`);
    const keptOnMain = await list(`responsibleTenantId=${main.id}`);

    expect(toUnit.cases.map((entry) => entry.id)).toEqual([ids.forwarded]);
    expect(keptOnMain.cases.map((entry) => entry.id).sort()).toEqual([ids.old, ids.recent].sort());
    expect(toUnit.body.total).toBe(1);
  });

  it('names the responsible units of the whole queue', async () => {
    const response = await list(`responsibleTenantId=${ais.id}`);
    const slugs = response.body.units.map((unit: { slug: string }) => unit.slug).sort();

    expect(slugs).toEqual(['ais', 'mic']);
    expect(slugs).not.toContain(vnta.slug);
  });

  it('filters by the day of receipt in Vietnam', async () => {
    const day = await list('receivedFrom=2026-01-26&receivedTo=2026-01-26');
    const fromMarch = await list('receivedFrom=2026-03-01');
    const untilFebruary = await list('receivedTo=2026-02-28');

    expect(day.cases.map((entry) => entry.id)).toEqual([ids.old]);
    expect(fromMarch.cases.map((entry) => entry.id)).not.toContain(ids.old);
    expect(fromMarch.cases.map((entry) => entry.id)).toContain(ids.forwarded);
    expect(untilFebruary.cases.map((entry) => entry.id)).toEqual([ids.old]);
  });

  it.each([
    ['receivedFrom', 'receivedFrom=26/01/2026'],
    ['receivedTo', 'receivedFrom=2026-02-01&receivedTo=2026-01-01'],
    ['responsibleTenantId', 'responsibleTenantId=ais'],
  ])('names %s when it is invalid', async (field, query) => {
    const response = await list(query);

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe(field);
  });

  it('gives the answer deadline in working days', async () => {
    const response = await list('pageSize=100');
    const old = response.cases.find((entry) => entry.id === ids.old)!;
    const recent = response.cases.find((entry) => entry.id === ids.recent)!;
    const now = new Date();

    expect(old.dueAt).toBe(local('2026-02-23T17:00:00').toISOString());
    expect(old.answerWorkingDaysLeft).toBeNull();
    expect(old.answerWorkingDaysOverdue).toBe(
      calendar.workingDaysBetween(local('2026-02-23T17:00:00'), now),
    );
    expect(recent.answerWorkingDaysOverdue).toBeNull();
    expect(recent.answerWorkingDaysLeft).toBe(
      calendar.workingDaysBetween(now, new Date(recent.dueAt!)),
    );
    expect(recent.answerWorkingDaysLeft).toBeGreaterThan(10);
  });

  it('tells an organisation from a person without naming either', async () => {
    const response = await list('pageSize=100');
    const recent = response.cases.find((entry) => entry.id === ids.recent)!;
    const old = response.cases.find((entry) => entry.id === ids.old)!;

    expect(recent.senderKind).toBe('organisation');
    expect(old.senderKind).toBe('individual');
    expect(JSON.stringify(response.body)).not.toContain('Hợp tác xã Hải Phong');
    expect(JSON.stringify(response.body)).not.toContain('Ngô Văn Hải');
  });

  it('offers forwarding targets and names who took each step', async () => {
    const response = await standingStaff.get(
      `/feedback/cases/${ids.forwarded}?tenantId=${main.id}`,
    );
    const targets = response.body.forwardTargets.map((unit: { slug: string }) => unit.slug);
    const classify = response.body.events.find(
      (event: { action: string }) => event.action === 'classify',
    );

    expect(targets.sort()).toEqual(['ais', 'vnta']);
    expect(classify.actorName).toBe('Lê Thường Trực');
    expect(response.body.units.map((unit: { slug: string }) => unit.slug).sort()).toEqual([
      'ais',
      'mic',
    ]);
  });

  it('offers no forwarding targets to the unit answering', async () => {
    const response = await aisEditor.get(`/feedback/cases/${ids.forwarded}?tenantId=${ais.id}`);

    expect(response.status).toBe(200);
    expect(response.body.availableSteps).toContain('answer');
    expect(response.body.forwardTargets).toEqual([]);
  });
});
