import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { diffRevisions, getItemDetail } from '../../../server/content/admin-queries.ts';
import { createItem, restoreRevision, saveItem } from '../../../server/content/save-items.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { contentRevisions, slugRedirects } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { JobWorker } from '../../../server/jobs/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { applyTransition } from '../../../server/workflow/apply-transition.ts';
import { registerContentJobs } from '../../../server/workflow/content-jobs.ts';
import { openDatabase } from '../../../server/db/client.ts';
import { createTestDatabase, isPostgresRun, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, categoryIdOf, tenantRef, testWorkflow } from '../../helpers/workflow.ts';

describe('content items', () => {
  let database: TestDatabase;
  let workflow: ReturnType<typeof testWorkflow>;
  let unit: TenantRef;
  let editor: ActingContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    workflow = testWorkflow(database.db);
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unit = tenantRef(await createTenant(database.db, { slug: 'khcn' }));
    editor = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['editor'] }] });
  });

  afterAll(async () => {
    await database.destroy();
  });

  function page(titleVi: string, extra: Record<string, unknown> = {}) {
    return createItem(database.db, editor, unit, { type: 'page', titleVi, fields: {}, ...extra });
  }

  async function publish(itemId: string) {
    for (const action of ['submit', 'start_review', 'approve', 'publish'] as const) {
      await applyTransition(workflow.deps, editor, unit, itemId, { action });
    }
  }

  describe('slugs', () => {
    it('makes an ASCII slug from a Vietnamese title', async () => {
      const created = await page('Đường Nguyễn Huệ – Phố đi bộ!');

      expect(created.item.slug).toBe('duong-nguyen-hue-pho-di-bo');
    });

    it('gives decomposed input the same slug as composed input', async () => {
      const composed = await page('Hướng dẫn thủ tục cấp phép');
      const decomposed = await page('Hướng dẫn thủ tục cấp phép'.normalize('NFD'));

      expect(composed.item.slug).toBe('huong-dan-thu-tuc-cap-phep');
      expect(decomposed.item.slug).toBe('huong-dan-thu-tuc-cap-phep-2');
    });

    it('stores titles in NFC', async () => {
      const created = await page('Tiếng Việt có dấu'.normalize('NFD'));

      expect(created.revision.titleVi).toBe('Tiếng Việt có dấu'.normalize('NFC'));
    });

    it('rejects a chosen slug that is taken or malformed', async () => {
      await page('Lịch sử hình thành', { slug: 'lich-su' });

      await expect(page('Lịch sử phát triển', { slug: 'lich-su' })).rejects.toMatchObject({
        code: 'conflict',
        fields: [{ field: 'slug', message: 'already in use' }],
      });
      await expect(page('Tên khác', { slug: 'Có Dấu' })).rejects.toMatchObject({
        code: 'invalid_input',
        fields: [expect.objectContaining({ field: 'slug' })],
      });
    });

    it('leaves a redirect when a published slug changes', async () => {
      const created = await page('Sơ đồ tổ chức', { slug: 'so-do' });
      await publish(created.item.id);

      const detail = await getItemDetail(database.db, editor, unit, created.item.id);
      await saveItem(database.db, editor, unit, created.item.id, {
        baseRevisionId: detail.currentRevision!.id,
        titleVi: 'Sơ đồ tổ chức',
        fields: {},
        slug: 'so-do-to-chuc',
      });
      const redirects = await withTenant(database.db, unit.id, (tx) =>
        tx.select().from(slugRedirects).where(eq(slugRedirects.itemId, created.item.id)),
      );

      expect(redirects.map((row) => row.oldSlug)).toEqual(['so-do']);
    });
  });

  describe('revisions', () => {
    it('refuses a stale save with the newer revision author and time', async () => {
      const created = await page('Trang có hai người sửa');
      await saveItem(database.db, editor, unit, created.item.id, {
        baseRevisionId: created.revision.id,
        titleVi: 'Bản của người thứ nhất',
        fields: {},
      });

      const stale = saveItem(database.db, editor, unit, created.item.id, {
        baseRevisionId: created.revision.id,
        titleVi: 'Bản của người thứ hai',
        fields: {},
      });

      await expect(stale).rejects.toMatchObject({
        code: 'conflict',
        details: expect.objectContaining({ currentRevisionNumber: 2, savedAt: expect.any(String) }),
      });
      const rows = await withTenant(database.db, unit.id, (tx) =>
        tx.select().from(contentRevisions).where(eq(contentRevisions.itemId, created.item.id)),
      );
      expect(rows.map((row) => row.titleVi).sort()).toEqual([
        'Bản của người thứ nhất',
        'Trang có hai người sửa',
      ]);
    });

    it('compares two revisions field by field', async () => {
      const created = await page('Giới thiệu chung', { bodyVi: '<p>Cục có ba phòng.</p>' });
      const saved = await saveItem(database.db, editor, unit, created.item.id, {
        baseRevisionId: created.revision.id,
        titleVi: 'Giới thiệu chung',
        bodyVi: '<p>Cục có bốn phòng.</p>',
        fields: {},
      });

      const diff = await diffRevisions(
        database.db,
        unit,
        created.item.id,
        created.revision.id,
        saved.revision.id,
      );
      const body = diff.fields.find((field) => field.field === 'bodyVi');

      expect(diff.fields.find((field) => field.field === 'titleVi')?.isChanged).toBe(false);
      expect(body?.isChanged).toBe(true);
      expect(body?.parts.filter((part) => part.removed).map((part) => part.value.trim())).toContain(
        'ba',
      );
      expect(body?.parts.filter((part) => part.added).map((part) => part.value.trim())).toContain(
        'bốn',
      );
    });

    it('restores an earlier revision as a new one', async () => {
      const created = await page('Bản gốc');
      const saved = await saveItem(database.db, editor, unit, created.item.id, {
        baseRevisionId: created.revision.id,
        titleVi: 'Bản sửa sai',
        fields: {},
      });

      const restored = await restoreRevision(database.db, editor, unit, created.item.id, {
        revisionId: created.revision.id,
        baseRevisionId: saved.revision.id,
      });

      expect(restored.revision.number).toBe(3);
      expect(restored.revision.titleVi).toBe('Bản gốc');
    });
  });

  describe('input checks', () => {
    it('removes scripts and event handlers from rich text on save', async () => {
      const created = await page('Trang có mã độc', {
        bodyVi:
          '<p onclick="steal()">Chào <script>alert(1)</script><a href="javascript:x()">x</a></p>',
      });

      expect(created.revision.bodyVi).not.toMatch(/script|onclick|javascript/);
      expect(created.revision.bodyVi).toContain('Chào');
    });

    it('names the field of a legal document that fails its schema', async () => {
      const attempt = createItem(database.db, editor, unit, {
        type: 'legal_document',
        titleVi: 'Thông tư hướng dẫn',
        fields: {
          documentType: 'Thông tư',
          issuingAuthority: 'Bộ',
          numberSymbol: '01/2026/TT-BTTTT',
        },
      });

      await expect(attempt).rejects.toMatchObject({
        code: 'invalid_input',
        fields: expect.arrayContaining([expect.objectContaining({ field: 'fields.issuedOn' })]),
      });
    });

    it('rejects an effective date before the issue date', async () => {
      const attempt = createItem(database.db, editor, unit, {
        type: 'legal_document',
        titleVi: 'Quyết định ban hành quy chế',
        fields: {
          documentType: 'Quyết định',
          issuingAuthority: 'Bộ Thông tin và Truyền thông',
          numberSymbol: '146/QĐ-BTTTT',
          issuedOn: '2017-02-16',
          effectiveOn: '2017-02-01',
          summary: 'Ban hành quy chế',
          signer: 'Bộ trưởng',
        },
      });

      await expect(attempt).rejects.toMatchObject({
        fields: [expect.objectContaining({ field: 'fields.effectiveOn' })],
      });
    });

    it("rejects another tenant's media id", async () => {
      const attempt = createItem(database.db, editor, unit, {
        type: 'statistics_report',
        titleVi: 'Báo cáo thống kê quý',
        fields: { period: 'Quý I/2026', attachmentMediaIds: [randomUUID()] },
      });

      await expect(attempt).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('saves nothing when a save fails', async () => {
      const created = await page('Trang không đổi');

      await expect(
        saveItem(database.db, editor, unit, created.item.id, {
          baseRevisionId: created.revision.id,
          titleVi: 'Đổi tên',
          fields: {},
          categoryId: randomUUID(),
        }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      const rows = await withTenant(database.db, unit.id, (tx) =>
        tx.select().from(contentRevisions).where(eq(contentRevisions.itemId, created.item.id)),
      );
      expect(rows).toHaveLength(1);
    });
  });

  describe('deadlines', () => {
    it('counts 2 working days from signing across Tết', async () => {
      const legalId = await categoryIdOf(database.db, unit.id, 'van-ban-quy-pham-phap-luat');
      const created = await createItem(database.db, editor, unit, {
        type: 'legal_document',
        titleVi: 'Thông tư ký trước Tết',
        categoryId: legalId,
        fields: {
          documentType: 'Thông tư',
          issuingAuthority: 'Bộ Thông tin và Truyền thông',
          numberSymbol: '02/2026/TT-BTTTT',
          issuedOn: '2026-02-13',
          effectiveOn: '2026-04-01',
          summary: 'Quy định kỹ thuật',
          signer: 'Bộ trưởng',
        },
      });

      const submitted = await applyTransition(workflow.deps, editor, unit, created.item.id, {
        action: 'submit',
      });

      // Signed on Friday 13 Feb 2026; 14–22 Feb is Tết and its weekends, so the two working
      // days are Monday 23 and Tuesday 24 February, ending at 17:00 in Hanoi.
      expect(submitted.dueAt?.toISOString()).toBe('2026-02-24T10:00:00.000Z');
    });

    it('counts news in working hours from submission', async () => {
      const newsId = await categoryIdOf(database.db, unit.id, 'tin-hoat-dong');
      const created = await createItem(database.db, editor, unit, {
        type: 'article',
        titleVi: 'Tin hội nghị chiều nay',
        categoryId: newsId,
        fields: {},
      });

      const submitted = await applyTransition(workflow.deps, editor, unit, created.item.id, {
        action: 'submit',
      });
      const calendar = await workflow.deps.getCalendar();

      expect(submitted.dueAt?.toISOString()).toBe(
        calendar.addWorkingHours(submitted.updatedAt, 4).toISOString(),
      );
    });
  });

  describe('scheduled publishing', () => {
    it('fires once with two workers running', async () => {
      const created = await page('Trang đăng theo lịch');
      for (const action of ['submit', 'start_review', 'approve'] as const) {
        await applyTransition(workflow.deps, editor, unit, created.item.id, { action });
      }
      await applyTransition(workflow.deps, editor, unit, created.item.id, {
        action: 'schedule',
        publishAt: new Date(Date.now() + 400),
      });
      // On PostgreSQL the second worker gets its own connection pool, as a second instance would.
      const second = isPostgresRun
        ? await openDatabase({
            databaseUrl: database.url,
            pgliteFolder: 'memory://',
            runMigrations: false,
          })
        : null;
      const log = createLogger({ logLevel: 'silent' });
      const workers = [
        new JobWorker({ db: database.db, log }),
        new JobWorker({ db: second?.db ?? database.db, log }),
      ];
      for (const worker of workers) {
        registerContentJobs(worker, {
          ...workflow.deps,
          db: worker === workers[0] ? database.db : (second?.db ?? database.db),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));

      await Promise.all([
        workers[0]!.runOnce(),
        workers[1]!.runOnce(),
        workers[0]!.runOnce(),
        workers[1]!.runOnce(),
      ]);
      await second?.close();
      const events = await withTenant(database.db, unit.id, (tx) =>
        queryRows<{ action: string }>(
          tx,
          sql`select action from workflow_events where item_id = ${created.item.id} and action = 'publish_scheduled'`,
        ),
      );
      const detail = await getItemDetail(database.db, editor, unit, created.item.id);

      expect(events).toHaveLength(1);
      expect(detail.item.status).toBe('published');
    });
  });
});
