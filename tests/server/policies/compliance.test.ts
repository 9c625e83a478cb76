import { randomBytes, randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import {
  categories,
  contentItems,
  feedbackCases,
  tenants,
  workflowEvents,
  type FeedbackState,
  type WorkflowState,
} from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { updateBoardPolicy } from '../../../server/policies/board-changes.ts';
import { setPolicyOverride } from '../../../server/policies/overrides.ts';
import { complianceCsv } from '../../../server/policies/compliance-csv.ts';
import {
  platformCompliance,
  sortCompliance,
  tenantCompliance,
  type ComplianceOverview,
} from '../../../server/policies/compliance.ts';
import { createUser, randomTotpKey } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createItem, createTenant } from '../../helpers/factories.ts';
import { actingAs, categoryIdOf, tenantRef } from '../../helpers/workflow.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

describe('compliance overview', () => {
  let database: TestDatabase;
  let main: TenantRef;
  let unit: TenantRef;
  let tidyUnit: TenantRef;
  let head: ActingContext;
  const ids: Record<string, string> = {};

  function ago(ms: number) {
    return new Date(Date.now() - ms);
  }

  async function setItem(
    tenantId: string,
    itemId: string,
    values: Partial<typeof contentItems.$inferInsert>,
  ) {
    await withTenant(database.db, tenantId, (tx) =>
      tx
        .update(contentItems)
        .set(values)
        .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, itemId))),
    );
  }

  async function itemIn(tenantId: string, status: WorkflowState, values = {}) {
    const item = await createItem(database.db, tenantId, {
      type: 'article',
      isPublished: false,
      titleVi: `Tin ${status}`,
    });
    await setItem(tenantId, item.id, { status, ...values });
    return item.id;
  }

  async function pageUpdated(tenantId: string, daysAgo: number) {
    const page = await createItem(database.db, tenantId, {
      type: 'page',
      titleVi: `Trang cập nhật ${daysAgo} ngày trước`,
    });
    await setItem(tenantId, page.id, { updatedAt: ago(daysAgo * dayMs) });
    return page.id;
  }

  async function feedbackCase(
    tenantId: string,
    values: { status: FeedbackState; dueAt: Date; assignedTenantId?: string; subject?: string },
  ) {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .insert(feedbackCases)
        .values({
          tenantId,
          kind: 'petition',
          trackingCodeHash: randomBytes(16).toString('hex'),
          subject: values.subject ?? 'Đề nghị hướng dẫn thủ tục',
          body: 'Nội dung phản ánh.',
          status: values.status,
          assignedTenantId: values.assignedTenantId ?? null,
          consentAt: ago(30 * dayMs),
          receivedAt: ago(30 * dayMs),
          dueAt: values.dueAt,
        })
        .returning({ id: feedbackCases.id }),
    );
    return row!.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    unit = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    tidyUnit = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    head = actingAs(randomUUID(), { board: ['board_head'] });
    for (const tenant of [main, unit, tidyUnit]) {
      await categoryIdOf(database.db, tenant.id, 'gioi-thieu');
    }

    // The unit lacks two required categories and its footer has no email address.
    await withTenant(database.db, unit.id, (tx) =>
      tx
        .delete(categories)
        .where(
          and(
            eq(categories.tenantId, unit.id),
            sql`${categories.templateKey} in ('contacts', 'procedures')`,
          ),
        ),
    );
    const [row] = await database.db.select().from(tenants).where(eq(tenants.id, unit.id));
    await database.db
      .update(tenants)
      .set({ operator: { ...row!.operator, email: '' } })
      .where(eq(tenants.id, unit.id));

    ids.overdue = await itemIn(unit.id, 'in_review', { dueAt: ago(5 * hourMs) });
    await withTenant(database.db, unit.id, (tx) =>
      tx.insert(workflowEvents).values({
        tenantId: unit.id,
        itemId: ids.overdue!,
        action: 'submit',
        fromState: 'draft',
        toState: 'submitted',
        occurredAt: ago(30 * hourMs),
      }),
    );
    ids.publishedLate = await itemIn(unit.id, 'published', {
      dueAt: ago(50 * hourMs),
      firstPublishedAt: ago(40 * hourMs),
    });
    ids.archivedLate = await itemIn(unit.id, 'archived', { dueAt: ago(50 * hourMs) });
    ids.notDueYet = await itemIn(unit.id, 'approved', { dueAt: new Date(Date.now() + dayMs) });

    ids.forwardedCase = await feedbackCase(main.id, {
      status: 'forwarded',
      dueAt: ago(3 * dayMs + hourMs),
      assignedTenantId: unit.id,
      subject: '=HYPERLINK("https://evil.example","Bấm vào đây")',
    });
    ids.answeredCase = await feedbackCase(unit.id, { status: 'answered', dueAt: ago(dayMs) });
    ids.openCase = await feedbackCase(unit.id, {
      status: 'received',
      dueAt: new Date(Date.now() + dayMs),
    });

    ids.veryOldPage = await pageUpdated(unit.id, 200);
    ids.oldPage = await pageUpdated(unit.id, 150);
    ids.freshPage = await pageUpdated(unit.id, 10);
    ids.tidyOldPage = await pageUpdated(tidyUnit.id, 150);
    const oldArticle = await createItem(database.db, unit.id, { type: 'article' });
    await setItem(unit.id, oldArticle.id, { updatedAt: ago(300 * dayMs) });

    const focalPoint = await createUser(database.db, {
      displayName: 'Cán bộ đầu mối chưa có mã',
      memberships: [{ tenantId: unit.id, roles: ['focal_point', 'editor'] }],
    });
    ids.focalPoint = focalPoint.id;
    await createUser(database.db, { memberships: [{ tenantId: unit.id, roles: ['editor'] }] });
    await createUser(database.db, {
      totpKey: randomTotpKey(),
      memberships: [{ tenantId: unit.id, roles: ['focal_point'] }],
    });
    ids.boardMember = (
      await createUser(database.db, { displayName: 'Thành viên Ban', boardRoles: ['board_member'] })
    ).id;

    const unitAdmin = actingAs(randomUUID(), {
      tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }],
    });
    await setPolicyOverride(database.db, unitAdmin, unit, 'content.stale_page_days', {
      value: 100,
      reason: 'Đơn vị cập nhật trang thường xuyên hơn',
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  function entryOf(overview: ComplianceOverview, tenant: TenantRef) {
    const entry = overview.tenants.find((candidate) => candidate.tenant.id === tenant.id);
    if (!entry) {
      throw new Error(`no entry for ${tenant.slug}`);
    }
    return entry;
  }

  it('counts the known violations of each tenant', async () => {
    const overview = await platformCompliance(database.db, head.actor);

    expect(entryOf(overview, unit).counts).toEqual({
      missingCategories: 2,
      missingOperatorFields: 1,
      overdueItems: 1,
      pendingReviews: 1,
      overdueFeedback: 1,
      stalePages: 2,
      usersWithoutSecondFactor: 1,
      overridesInForce: 1,
      findings: 8,
    });
    expect(entryOf(overview, tidyUnit).counts.findings).toBe(0);
    expect(entryOf(overview, main).counts.findings).toBe(0);
  });

  it('names what each finding is about', async () => {
    const entry = entryOf(await platformCompliance(database.db, head.actor), unit);

    expect(entry.missingCategories.map((category) => category.key)).toEqual([
      'contacts',
      'procedures',
    ]);
    expect(entry.missingOperatorFields).toEqual(['email']);
    expect(entry.overdueItems.map((item) => [item.id, item.hoursOverdue])).toEqual([
      [ids.overdue, 5],
    ]);
    expect(entry.pendingReviews.map((item) => [item.id, item.hoursWaiting])).toEqual([
      [ids.overdue, 30],
    ]);
    expect(entry.overdueFeedback.map((feedback) => [feedback.id, feedback.daysOverdue])).toEqual([
      [ids.forwardedCase, 3],
    ]);
    expect(entry.overdueFeedback[0]?.receivedByTenantId).toBe(main.id);
    expect(entry.stalePages.map((page) => page.id)).toEqual([ids.veryOldPage, ids.oldPage]);
    expect(entry.usersWithoutSecondFactor).toEqual([
      {
        userId: ids.focalPoint,
        displayName: 'Cán bộ đầu mối chưa có mã',
        roles: ['focal_point'],
      },
    ]);
    expect(entry.overrides).toEqual([
      { key: 'content.stale_page_days', value: 100, status: 'in_force', problem: null },
    ]);
  });

  it('lists board members lacking a second factor', async () => {
    const overview = await platformCompliance(database.db, head.actor);

    expect(overview.board?.usersWithoutSecondFactor).toEqual([
      { userId: ids.boardMember, displayName: 'Thành viên Ban', roles: ['board_member'] },
    ]);
  });

  it('gives a unit its own figures', async () => {
    const own = await tenantCompliance(database.db, unit);
    const board = entryOf(await platformCompliance(database.db, head.actor), unit);

    expect(own.tenants.map((entry) => entry.tenant.slug)).toEqual(['ais']);
    expect(own.tenants[0]?.counts).toEqual(board.counts);
    expect(own.board).toBeNull();
  });

  it('keeps the overview of every portal for the board', async () => {
    const unitAdmin = actingAs(randomUUID(), {
      tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }],
    });

    await expect(platformCompliance(database.db, unitAdmin.actor)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('sorts portals by a count, largest first', async () => {
    const overview = await platformCompliance(database.db, head.actor);

    const byFindings = sortCompliance(overview.tenants, 'findings');
    const bySlug = sortCompliance(overview.tenants, 'tenant');

    expect(byFindings[0]?.tenant.slug).toBe('ais');
    expect(bySlug.map((entry) => entry.tenant.slug)).toEqual(['ais', 'mic', 'vnta']);
  });

  it('escapes formulas in the CSV export', async () => {
    const csv = complianceCsv(await platformCompliance(database.db, head.actor));
    const lines = csv.split('\n');

    expect(csv.startsWith('\ufefftenant_slug,tenant_name,check,')).toBe(true);
    expect(lines.filter((line) => line.includes('overdue_feedback'))).toHaveLength(1);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Bấm vào đây"")"`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
    expect(lines.some((line) => line.startsWith(',Ban Biên tập,user_without_second_factor'))).toBe(
      true,
    );
  });

  it('lists newly non-compliant content, changing none', async () => {
    const readPage = async () => {
      const [page] = await withTenant(database.db, tidyUnit.id, (tx) =>
        tx.select().from(contentItems).where(eq(contentItems.id, ids.tidyOldPage!)),
      );
      return page!;
    };
    const before = await readPage();
    const wasStale = entryOf(await platformCompliance(database.db, head.actor), tidyUnit);

    await updateBoardPolicy(database.db, head, 'content.stale_page_days', {
      value: 120,
      reason: 'Trang phải được rà soát 4 tháng một lần',
    });
    const entry = entryOf(await platformCompliance(database.db, head.actor), tidyUnit);
    const after = await readPage();

    expect(wasStale.stalePages).toEqual([]);
    expect(entry.stalePages.map((stale) => stale.id)).toEqual([ids.tidyOldPage]);
    expect(after.status).toBe('published');
    expect(after.publishedRevisionId).toBe(before.publishedRevisionId);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});
