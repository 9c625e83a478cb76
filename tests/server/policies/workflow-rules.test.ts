import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { createItem, saveItem } from '../../../server/content/save-items.ts';
import type { BoardRole, TenantRole } from '../../../server/db/schema/index.ts';
import { updateBoardPolicy } from '../../../server/policies/board-changes.ts';
import { setPolicyOverride } from '../../../server/policies/overrides.ts';
import { applyTransition } from '../../../server/workflow/apply-transition.ts';
import { loadWorkingCalendar } from '../../../server/workflow/calendar.ts';
import { createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, categoryIdOf, tenantRef, testWorkflow } from '../../helpers/workflow.ts';

type Step = Parameters<typeof applyTransition>[4]['action'];

describe('publication policies in the workflow', () => {
  let database: TestDatabase;
  let workflow: ReturnType<typeof testWorkflow>;
  let main: TenantRef;
  let unit: TenantRef;
  let strictUnit: TenantRef;
  let head: ActingContext;
  let standing: ActingContext;
  let editor: ActingContext;
  let strictEditor: ActingContext;
  let strictAdmin: ActingContext;

  /** Creates a user with these roles, because approvals are checked against stored roles. */
  async function person(board: BoardRole[], tenant?: { tenantId: string; roles: TenantRole[] }) {
    const user = await createUser(database.db, {
      boardRoles: board,
      memberships: tenant ? [tenant] : [],
    });
    return actingAs(user.id, { board, tenant: tenant ? [tenant] : [] });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    workflow = testWorkflow(database.db);
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    unit = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    strictUnit = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    head = await person(['board_head']);
    standing = await person(['standing_staff']);
    editor = await person([], { tenantId: unit.id, roles: ['editor'] });
    strictEditor = await person([], { tenantId: strictUnit.id, roles: ['editor'] });
    strictAdmin = await person([], { tenantId: strictUnit.id, roles: ['unit_admin'] });

    await updateBoardPolicy(database.db, head, 'content.review_required_categories', {
      value: ['legal-normative'],
      reason: 'Văn bản quy phạm pháp luật của đơn vị cần Bộ phận Thường trực duyệt',
    });
    await setPolicyOverride(database.db, strictAdmin, strictUnit, 'workflow.unit_self_publish', {
      value: false,
      reason: 'Thủ trưởng đơn vị duyệt mọi tin bài',
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  function step(context: ActingContext, tenant: TenantRef, itemId: string, action: Step) {
    return applyTransition(workflow.deps, context, tenant, itemId, { action });
  }

  async function itemInReview(tenant: TenantRef, author: ActingContext, categorySlug?: string) {
    const categoryId = categorySlug
      ? await categoryIdOf(database.db, tenant.id, categorySlug)
      : undefined;
    const draft = await createItem(database.db, author, tenant, {
      type: 'article',
      titleVi: `Tin kiểm tra ${randomUUID().slice(0, 8)}`,
      fields: {},
      categoryId,
    });
    await step(author, tenant, draft.item.id, 'submit');
    await step(author, tenant, draft.item.id, 'start_review');

    return draft;
  }

  it('rejects an editor approving reviewed categories', async () => {
    const draft = await itemInReview(unit, editor, 'van-ban-quy-pham-phap-luat');

    await expect(step(editor, unit, draft.item.id, 'approve')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('need the standing section'),
    });
  });

  it('publishes after a board leader approves', async () => {
    const draft = await itemInReview(unit, editor, 'van-ban-quy-pham-phap-luat');

    await step(head, unit, draft.item.id, 'approve');
    const published = await step(editor, unit, draft.item.id, 'publish');

    expect(published.status).toBe('published');
  });

  it('lets a unit editor publish items in other categories', async () => {
    const draft = await itemInReview(unit, editor, 'tin-hoat-dong');

    await step(editor, unit, draft.item.id, 'approve');
    const published = await step(editor, unit, draft.item.id, 'publish');

    expect(published.status).toBe('published');
  });

  it('rejects an editor updating a reviewed item', async () => {
    const draft = await itemInReview(unit, editor, 'van-ban-quy-pham-phap-luat');
    await step(head, unit, draft.item.id, 'approve');
    await step(editor, unit, draft.item.id, 'publish');
    await saveItem(database.db, editor, unit, draft.item.id, {
      baseRevisionId: draft.revision.id,
      titleVi: 'Bản sửa chưa được duyệt',
      fields: {},
    });

    await expect(step(editor, unit, draft.item.id, 'publish_update')).rejects.toMatchObject({
      code: 'conflict',
    });
    const updated = await step(head, unit, draft.item.id, 'publish_update');
    expect(updated.status).toBe('updated');
  });

  it('checks again at publication', async () => {
    const draft = await itemInReview(unit, editor, 'du-an-dau-thau');
    await step(editor, unit, draft.item.id, 'approve');
    await setPolicyOverride(
      database.db,
      await person([], { tenantId: unit.id, roles: ['unit_admin'] }),
      unit,
      'content.review_required_categories',
      { value: ['legal-normative', 'procurement'], reason: 'Thông tin đấu thầu cần Ban duyệt' },
    );

    await expect(step(editor, unit, draft.item.id, 'publish')).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(step(editor, unit, draft.item.id, 'schedule')).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('leaves the main portal to the standing section', async () => {
    const draft = await itemInReview(main, standing, 'van-ban-quy-pham-phap-luat');

    await step(standing, main, draft.item.id, 'approve');
    const published = await step(standing, main, draft.item.id, 'publish');

    expect(published.status).toBe('published');
  });

  it("requires the unit admin's approval when unit editors may not approve", async () => {
    const draft = await itemInReview(strictUnit, strictEditor);

    await expect(step(strictEditor, strictUnit, draft.item.id, 'approve')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('unit admin'),
    });
    await step(strictAdmin, strictUnit, draft.item.id, 'approve');
    const published = await step(strictEditor, strictUnit, draft.item.id, 'publish');

    expect(published.status).toBe('published');
  });

  it('rejects an editor updating without the admin', async () => {
    const draft = await itemInReview(strictUnit, strictEditor);
    await step(strictAdmin, strictUnit, draft.item.id, 'approve');
    await step(strictEditor, strictUnit, draft.item.id, 'publish');
    await saveItem(database.db, strictEditor, strictUnit, draft.item.id, {
      baseRevisionId: draft.revision.id,
      titleVi: 'Bản sửa của biên tập viên',
      fields: {},
    });

    await expect(
      step(strictEditor, strictUnit, draft.item.id, 'publish_update'),
    ).rejects.toMatchObject({ code: 'conflict' });
    const updated = await step(strictAdmin, strictUnit, draft.item.id, 'publish_update');
    expect(updated.status).toBe('updated');
  });

  it("counts the tenant's shorter deadline on submission", async () => {
    const calendar = await loadWorkingCalendar();
    await setPolicyOverride(database.db, strictAdmin, strictUnit, 'content.deadlines', {
      value: { 'unit-news': { amount: 2, unit: 'working_hours', from: 'submission' } },
      reason: 'Tin hoạt động đăng trong 2 giờ làm việc',
    });
    const shortened = await createItem(database.db, strictEditor, strictUnit, {
      type: 'article',
      titleVi: 'Tin đăng nhanh',
      fields: {},
      categoryId: await categoryIdOf(database.db, strictUnit.id, 'tin-hoat-dong'),
    });
    const usual = await createItem(database.db, editor, unit, {
      type: 'article',
      titleVi: 'Tin đăng theo thời hạn chung',
      fields: {},
      categoryId: await categoryIdOf(database.db, unit.id, 'tin-hoat-dong'),
    });

    const submitted = await step(strictEditor, strictUnit, shortened.item.id, 'submit');
    const submittedUsual = await step(editor, unit, usual.item.id, 'submit');

    expect(submitted.dueAt).toEqual(calendar.addWorkingHours(submitted.updatedAt, 2));
    expect(submittedUsual.dueAt).toEqual(calendar.addWorkingHours(submittedUsual.updatedAt, 4));
  });
});
