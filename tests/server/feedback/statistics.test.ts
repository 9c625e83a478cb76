import { randomUUID } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { feedbackCases } from '../../../server/db/schema/index.ts';
import {
  answerCase,
  approveAnswer,
  classifyCase,
  forwardCase,
  publishAnswer,
  rejectCase,
} from '../../../server/feedback/case-commands.ts';
import type { FeedbackDependencies } from '../../../server/feedback/dependencies.ts';
import { submitFeedback } from '../../../server/feedback/intake.ts';
import { createLogOnlyNotifier } from '../../../server/feedback/notifier.ts';
import { createLogger } from '../../../server/logger.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { actingAs, tenantRef, testWorkflow } from '../../helpers/workflow.ts';

type Client = ReturnType<typeof createAdminClient>;
type UnitRow = { unit: { slug: string }; [figure: string]: unknown };

/** An instant given in Vietnam's local time. */
const local = (dateTime: string) => new Date(`${dateTime}+07:00`);

describe('GET /api/admin/feedback/statistics', () => {
  let database: TestDatabase;
  let deps: FeedbackDependencies;
  let main: TenantRef;
  let ais: TenantRef;
  let vnta: TenantRef;
  let standingActor: ActingContext;
  let aisActor: ActingContext;
  let standingStaff: Client;
  let aisAdmin: Client;
  let aisAuthor: Client;
  let vntaAdmin: Client;
  let anonymous: Client;
  let onTimeCaseId: string;

  async function submit(tenant: TenantRef, receivedAt: Date, kind = 'petition' as const) {
    const submitted = await submitFeedback(deps, {
      tenantId: tenant.id,
      kind,
      intake: {
        kind,
        senderName: 'Vũ Thị Mai',
        senderEmail: null,
        senderPhone: '0912 000 111',
        senderOrganisation: null,
        subject: `Kiến nghị nhận lúc ${receivedAt.toISOString()}`,
        body: 'Đề nghị công khai thời hạn giải quyết từng thủ tục trên cổng.',
      },
      attachmentMediaIds: [],
      challenge: { signature: `test:${randomUUID()}`, expiresAt: new Date() },
      requestId: 'test-request',
      receivedAt,
    });

    return submitted.caseId;
  }

  async function forward(caseId: string, unit: TenantRef) {
    await classifyCase(deps, standingActor, main, caseId, { topic: 'regulation' });
    await forwardCase(deps, standingActor, main, caseId, { toTenantId: unit.id });
  }

  async function publishAt(caseId: string, publishedAt: Date) {
    await answerCase(deps, aisActor, ais, caseId, {
      answer: 'Cục đã công khai thời hạn giải quyết của từng thủ tục trên cổng.',
    });
    await approveAnswer(deps, standingActor, main, caseId, {});
    await publishAnswer(deps, standingActor, main, caseId);
    await database.db
      .update(feedbackCases)
      .set({ publishedAt })
      .where(eq(feedbackCases.id, caseId));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    ais = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    vnta = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    const log = createLogger({ logLevel: 'silent' });
    deps = { ...testWorkflow(database.db).deps, notifier: createLogOnlyNotifier(log) };
    standingActor = actingAs(randomUUID(), { board: ['standing_staff'] });
    aisActor = actingAs(randomUUID(), { tenant: [{ tenantId: ais.id, roles: ['editor'] }] });

    // 26/1/2026 + 20 days is Sunday 15/2, inside Tết, so the answer is due Monday 23/2 17:00.
    onTimeCaseId = await submit(main, local('2026-01-26T10:00:00'));
    await forward(onTimeCaseId, ais);
    await publishAt(onTimeCaseId, local('2026-02-20T09:00:00'));
    const lateCaseId = await submit(main, local('2026-01-26T11:00:00'));
    await forward(lateCaseId, ais);
    await publishAt(lateCaseId, local('2026-02-24T09:00:00'));
    await forward(await submit(main, local('2026-01-27T09:00:00')), ais);
    const rejectedCaseId = await submit(main, local('2026-01-28T09:00:00'));
    await rejectCase(deps, standingActor, main, rejectedCaseId, {
      reason: 'spam',
      note: 'Nội dung quảng cáo, không có phản ánh.',
    });
    await forward(await submit(main, local('2026-01-28T10:00:00')), vnta);
    await forward(await submit(main, local('2026-03-05T09:00:00')), ais);
    await submit(ais, local('2026-01-20T09:00:00'));
    await submitFeedback(deps, {
      tenantId: main.id,
      kind: 'draft_comment',
      draftItemId: randomUUID(),
      intake: {
        kind: 'feedback',
        senderName: 'Vũ Thị Mai',
        senderEmail: null,
        senderPhone: '0912 000 111',
        senderOrganisation: null,
        subject: 'Góp ý dự thảo thông tư',
        body: 'Đề nghị bổ sung quy định chuyển tiếp cho hồ sơ đang giải quyết.',
      },
      attachmentMediaIds: [],
      challenge: { signature: `test:${randomUUID()}`, expiresAt: new Date() },
      requestId: 'test-request',
      receivedAt: local('2026-01-29T09:00:00'),
    });

    const testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const users = {
      standingStaff: await createUser(database.db, { boardRoles: ['standing_staff'] }),
      aisAdmin: await createUser(database.db, {
        memberships: [{ tenantId: ais.id, roles: ['unit_admin'] }],
      }),
      aisAuthor: await createUser(database.db, {
        memberships: [{ tenantId: ais.id, roles: ['author'] }],
      }),
      vntaAdmin: await createUser(database.db, {
        memberships: [{ tenantId: vnta.id, roles: ['unit_admin'] }],
      }),
    };
    standingStaff = createAdminClient(testApp, testRootDomain);
    aisAdmin = createAdminClient(testApp, testRootDomain);
    aisAuthor = createAdminClient(testApp, testRootDomain);
    vntaAdmin = createAdminClient(testApp, testRootDomain);
    anonymous = createAdminClient(testApp, testRootDomain);
    await standingStaff.login(users.standingStaff.email);
    await aisAdmin.login(users.aisAdmin.email);
    await aisAuthor.login(users.aisAuthor.email);
    await vntaAdmin.login(users.vntaAdmin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  const january = (tenant: TenantRef) =>
    `/feedback/statistics?tenantId=${tenant.id}&from=2026-01-01&to=2026-01-31`;

  function unitRow(units: UnitRow[], slug: string) {
    return units.find((row) => row.unit.slug === slug);
  }

  it('counts the standing section per unit it forwarded to', async () => {
    const response = await standingStaff.get(january(main));
    const units = response.body.units as UnitRow[];

    expect(response.status).toBe(200);
    expect(units.map((row) => row.unit.slug).sort()).toEqual(['ais', 'mic', 'vnta']);
    expect(unitRow(units, 'ais')).toMatchObject({
      received: 3,
      answeredOnTime: 1,
      answeredLate: 1,
      open: 1,
      openOverdue: 1,
      closedWithoutAnswer: 0,
    });
    expect(unitRow(units, 'mic')).toMatchObject({
      received: 1,
      open: 0,
      closedWithoutAnswer: 1,
    });
    expect(unitRow(units, 'vnta')).toMatchObject({ received: 1, open: 1, openOverdue: 1 });
    expect(response.body.totals).toEqual({
      received: 5,
      answeredOnTime: 1,
      answeredLate: 1,
      open: 2,
      openOverdue: 2,
      closedWithoutAnswer: 1,
    });
  });

  it('counts a deadline moved off Tết', async () => {
    const [row] = await database.db
      .select({ dueAt: feedbackCases.dueAt, publishedAt: feedbackCases.publishedAt })
      .from(feedbackCases)
      .where(eq(feedbackCases.id, onTimeCaseId));
    const response = await standingStaff.get(
      `/feedback/statistics?tenantId=${main.id}&from=2026-01-26&to=2026-01-26`,
    );

    expect(row?.dueAt).toEqual(local('2026-02-23T17:00:00'));
    expect(row!.publishedAt! > local('2026-02-15T17:00:00')).toBe(true);
    expect(unitRow(response.body.units, 'ais')).toMatchObject({
      received: 2,
      answeredOnTime: 1,
      answeredLate: 1,
    });
  });

  it("shows a unit only its own queue's figures", async () => {
    const response = await aisAdmin.get(january(ais));

    expect(response.status).toBe(200);
    expect(response.body.units).toHaveLength(1);
    expect(unitRow(response.body.units, 'ais')).toMatchObject({
      received: 4,
      answeredOnTime: 1,
      answeredLate: 1,
      open: 2,
      openOverdue: 2,
    });
  });

  it('leaves out cases received outside the period', async () => {
    const response = await standingStaff.get(
      `/feedback/statistics?tenantId=${main.id}&from=2026-03-01&to=2026-03-31`,
    );

    expect(response.body.units).toHaveLength(1);
    expect(unitRow(response.body.units, 'ais')).toMatchObject({ received: 1, open: 1 });
  });

  it('refuses a signed-out user', async () => {
    const response = await anonymous.get(january(main));

    expect(response.status).toBe(401);
  });

  it('refuses a role without feedback.read', async () => {
    const response = await aisAuthor.get(january(ais));

    expect(response.status).toBe(403);
  });

  it("refuses another unit's figures and keeps them out of its own", async () => {
    const foreign = await vntaAdmin.get(january(ais));
    const own = await vntaAdmin.get(january(vnta));

    expect(foreign.status).toBe(403);
    expect(own.status).toBe(200);
    expect(own.body.units.map((row: UnitRow) => row.unit.slug)).toEqual(['vnta']);
    expect(own.body.totals.received).toBe(1);
  });

  it('does not find an unknown portal', async () => {
    const response = await standingStaff.get(january({ ...main, id: randomUUID() }));

    expect(response.status).toBe(404);
  });

  it.each([
    ['from', `from=2026-02-30&to=2026-03-31`],
    ['from', `from=01/01/2026&to=2026-03-31`],
    ['from', `to=2026-03-31`],
    ['to', `from=2026-03-01&to=2026-02-01`],
  ])('names %s when the dates are %s', async (field, dates) => {
    const response = await standingStaff.get(`/feedback/statistics?tenantId=${main.id}&${dates}`);

    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((problem: { field: string }) => problem.field)).toEqual([
      field,
    ]);
  });

  it('counts nothing in a period without cases', async () => {
    const response = await standingStaff.get(
      `/feedback/statistics?tenantId=${main.id}&from=2025-01-01&to=2025-01-31`,
    );

    expect(response.body.units).toEqual([]);
    expect(response.body.totals.received).toBe(0);
  });
});
