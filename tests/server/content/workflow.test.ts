import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { getItemDetail } from '../../../server/content/admin-queries.ts';
import { createItem, saveItem } from '../../../server/content/save-items.ts';
import { listOwnSubmissions, submitToMainPortal } from '../../../server/content/submissions.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import {
  applyTransition,
  type TransitionInput,
} from '../../../server/workflow/apply-transition.ts';
import { transitions, type TransitionName } from '../../../server/workflow/transitions.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, categoryIdOf, tenantRef, testWorkflow } from '../../helpers/workflow.ts';

describe('editorial workflow', () => {
  let database: TestDatabase;
  let workflow: ReturnType<typeof testWorkflow>;
  let main: TenantRef;
  let unit: TenantRef;
  let otherUnit: TenantRef;
  let focalPoint: ActingContext;
  let standing: ActingContext;
  let boardMember: ActingContext;
  let unitEditor: ActingContext;
  let author: ActingContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    workflow = testWorkflow(database.db);
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    unit = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    otherUnit = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    focalPoint = actingAs(randomUUID(), {
      tenant: [{ tenantId: unit.id, roles: ['focal_point'] }],
    });
    standing = actingAs(randomUUID(), { board: ['standing_staff'] });
    boardMember = actingAs(randomUUID(), { board: ['board_member'] });
    unitEditor = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['editor'] }] });
    author = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['author'] }] });
  });

  afterAll(async () => {
    await database.destroy();
  });

  function step(context: ActingContext, tenant: TenantRef, itemId: string, input: TransitionInput) {
    return applyTransition(workflow.deps, context, tenant, itemId, input);
  }

  async function submission(title = 'Hội thảo an toàn thông tin 2026') {
    return submitToMainPortal(database.db, focalPoint, unit, {
      type: 'article',
      titleVi: title,
      bodyVi: '<p>Nội dung do đơn vị cung cấp.</p>',
      fields: {},
      provenance: {
        senderName: 'Nguyễn Thị Hoa',
        senderTitle: 'Cán bộ đầu mối',
        purpose: 'Đề nghị đăng tin hoạt động của Cục',
      },
    });
  }

  it('takes a unit submission through intake, review and publication', async () => {
    const newsId = await categoryIdOf(database.db, main.id, 'tin-hoat-dong');
    const item = await submission();

    await step(standing, main, item.id, { action: 'receive' });
    const classified = await step(standing, main, item.id, {
      action: 'classify',
      categoryId: newsId,
    });
    await step(standing, main, item.id, { action: 'start_editing' });
    await step(standing, main, item.id, { action: 'start_review' });
    await step(standing, main, item.id, { action: 'approve' });
    const published = await step(standing, main, item.id, { action: 'publish' });
    const detail = await getItemDetail(database.db, standing, main, item.id);

    expect(item.status).toBe('submitted');
    expect(classified.dueAt).not.toBeNull();
    expect(published.status).toBe('published');
    expect(published.publishedRevisionId).toBe(published.currentRevisionId);
    expect(detail.events.map((event) => event.toState)).toEqual([
      'submitted',
      'received',
      'classified',
      'editing',
      'in_review',
      'approved',
      'published',
    ]);
    expect(workflow.changedTenants).toContain(main.id);
  });

  it('writes one audit entry per step in the same transaction', async () => {
    const item = await submission('Tin kiểm tra nhật ký');
    await step(standing, main, item.id, { action: 'receive' });

    const entries = await withTenant(database.db, main.id, (tx) =>
      queryRows<{ action: string }>(
        tx,
        sql`select action from audit_log where resource_id = ${item.id} order by id`,
      ),
    );

    expect(entries.map((entry) => entry.action)).toEqual([
      'content.submit_from_unit',
      'content.receive',
    ]);
  });

  it('rejects a step that does not leave the current state', async () => {
    const item = await submission('Tin chưa được tiếp nhận');

    await expect(step(standing, main, item.id, { action: 'publish' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('checks every step against the permission table', async () => {
    const nobody = actingAs(randomUUID(), {
      tenant: [{ tenantId: otherUnit.id, roles: ['unit_admin'] }],
    });
    for (const name of Object.keys(transitions) as TransitionName[]) {
      const item = await createItem(
        database.db,
        actingAs(randomUUID(), { board: ['board_head'] }),
        main,
        {
          type: 'page',
          titleVi: `Trang kiểm tra ${name}`,
          fields: {},
        },
      );
      // Put the item straight into the first state the step leaves, as the owner would.
      const from = transitions[name].from[0];
      await database.db.execute(
        sql`update content_items set status = ${from} where id = ${item.item.id}`,
      );

      await expect(
        step(nobody, main, item.item.id, {
          action: name,
          note: 'lý do',
          publishAt: new Date(Date.now() + 60_000),
        }),
        name,
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('requires a note to return an item', async () => {
    const item = await submission('Tin cần trả lại');

    await expect(step(standing, main, item.id, { action: 'return' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'note', message: 'is required for this step' }],
    });
    const returned = await step(standing, main, item.id, {
      action: 'return',
      note: 'Thiếu ảnh minh hoạ',
    });
    expect(returned.status).toBe('returned');
  });

  it('rejects a category sent with a step other than classify', async () => {
    const newsId = await categoryIdOf(database.db, main.id, 'tin-hoat-dong');
    const item = await submission('Tin nhận kèm chuyên mục');

    await expect(
      step(standing, main, item.id, { action: 'receive', categoryId: newsId }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'categoryId', message: 'is used only by the classify step' }],
    });
    const unchanged = await getItemDetail(database.db, standing, main, item.id);
    expect(unchanged.item.status).toBe('submitted');
  });

  it('holds a sensitive item until a board member approves it', async () => {
    const item = await submission('Thông tin nhạy cảm cần xin ý kiến');
    await step(standing, main, item.id, { action: 'start_review' });
    await step(standing, main, item.id, { action: 'escalate', note: 'Cần Ban cho ý kiến' });

    await expect(
      step(standing, main, item.id, { action: 'approve_escalated' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const approved = await step(boardMember, main, item.id, { action: 'approve_escalated' });
    const published = await step(standing, main, item.id, { action: 'publish' });

    expect(approved.escalationApprovedBy).toBe(boardMember.actor.userId);
    expect(published.status).toBe('published');
  });

  it('refuses to approve a sensitive item that skipped escalation', async () => {
    const item = await submission('Tin được đánh dấu nhạy cảm');
    await step(standing, main, item.id, { action: 'receive' });
    await step(standing, main, item.id, { action: 'classify', isSensitive: true });
    await step(standing, main, item.id, { action: 'start_review' });

    await expect(step(standing, main, item.id, { action: 'approve' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('shows a submission to its source unit only', async () => {
    const item = await submission('Tin gửi để theo dõi');
    await step(standing, main, item.id, { action: 'return', note: 'Đề nghị bổ sung nguồn tin' });

    const own = await listOwnSubmissions(database.db, unit);
    const other = await listOwnSubmissions(database.db, otherUnit);
    const followed = own.find((entry) => entry.id === item.id);
    const seenByOther = await withTenant(database.db, otherUnit.id, (tx) =>
      queryRows(tx, sql`select id from content_items where id = ${item.id}`),
    );

    expect(followed?.status).toBe('returned');
    expect(followed?.provenance).toMatchObject({
      senderName: 'Nguyễn Thị Hoa',
      senderTitle: 'Cán bộ đầu mối',
    });
    expect(followed?.notes.map((note) => note.note)).toContain('Đề nghị bổ sung nguồn tin');
    expect(other.map((entry) => entry.id)).not.toContain(item.id);
    expect(seenByOther).toEqual([]);
  });

  it('keeps the source unit from changing what it sent', async () => {
    const item = await submission('Tin không được sửa từ đơn vị');

    const updated = await withTenant(database.db, unit.id, (tx) =>
      queryRows(tx, sql`update content_items set slug = 'doi' where id = ${item.id} returning id`),
    );

    expect(updated).toEqual([]);
  });

  it('lets a member portal publish through its own editor', async () => {
    const draft = await createItem(database.db, author, unit, {
      type: 'article',
      titleVi: 'Tin nội bộ của Cục',
      bodyVi: '<p>Bản đầu.</p>',
      fields: {},
    });

    await step(author, unit, draft.item.id, { action: 'submit' });
    await expect(
      step(author, unit, draft.item.id, { action: 'start_review' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await step(unitEditor, unit, draft.item.id, { action: 'start_review' });
    await step(unitEditor, unit, draft.item.id, { action: 'approve' });
    const published = await step(unitEditor, unit, draft.item.id, { action: 'publish' });

    expect(published.status).toBe('published');
    expect(workflow.changedTenants).toContain(unit.id);
  });

  it('keeps the published revision live while the next one is edited', async () => {
    const draft = await createItem(database.db, unitEditor, unit, {
      type: 'page',
      titleVi: 'Trang giới thiệu phòng',
      fields: {},
    });
    for (const action of ['submit', 'start_review', 'approve', 'publish'] as const) {
      await step(unitEditor, unit, draft.item.id, { action });
    }

    const saved = await saveItem(database.db, unitEditor, unit, draft.item.id, {
      baseRevisionId: draft.revision.id,
      titleVi: 'Trang giới thiệu phòng (bản mới)',
      fields: {},
    });
    const before = await getItemDetail(database.db, unitEditor, unit, draft.item.id);
    const updated = await step(unitEditor, unit, draft.item.id, { action: 'publish_update' });

    expect(before.publishedRevisionId).toBe(draft.revision.id);
    expect(before.item.status).toBe('published');
    expect(updated.status).toBe('updated');
    expect(updated.publishedRevisionId).toBe(saved.revision.id);
  });

  it('rejects a publication time in the past', async () => {
    const draft = await createItem(database.db, unitEditor, unit, {
      type: 'announcement',
      titleVi: 'Thông báo lịch nghỉ',
      fields: {},
    });
    for (const action of ['submit', 'start_review', 'approve'] as const) {
      await step(unitEditor, unit, draft.item.id, { action });
    }

    await expect(
      step(unitEditor, unit, draft.item.id, {
        action: 'schedule',
        publishAt: new Date(Date.now() - 60_000),
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'publishAt', message: 'must be in the future' }],
    });
  });

  it('takes a take-down request to the unit admin', async () => {
    const admin = actingAs(randomUUID(), {
      tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }],
    });
    const draft = await createItem(database.db, unitEditor, unit, {
      type: 'article',
      titleVi: 'Tin cần gỡ',
      fields: {},
    });
    for (const action of ['submit', 'start_review', 'approve', 'publish'] as const) {
      await step(unitEditor, unit, draft.item.id, { action });
    }

    await step(unitEditor, unit, draft.item.id, {
      action: 'request_unpublish',
      note: 'Thông tin đã cũ',
    });
    await expect(
      step(unitEditor, unit, draft.item.id, { action: 'unpublish' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const unpublished = await step(admin, unit, draft.item.id, { action: 'unpublish' });
    const archived = await step(admin, unit, draft.item.id, { action: 'archive' });

    expect(unpublished.status).toBe('unpublished');
    expect(archived.status).toBe('archived');
  });

  it("answers another tenant's item as not found", async () => {
    const item = await createItem(database.db, unitEditor, unit, {
      type: 'page',
      titleVi: 'Trang riêng',
      fields: {},
    });
    const otherEditor = actingAs(randomUUID(), {
      tenant: [{ tenantId: otherUnit.id, roles: ['editor'] }],
    });

    await expect(
      step(otherEditor, otherUnit, item.item.id, { action: 'submit' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
