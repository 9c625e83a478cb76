import { randomUUID } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { sanitizeRichText } from '../../../server/content/sanitize.ts';
import { createItem } from '../../../server/content/save-items.ts';
import { contentRevisions, type TenantOperator } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { updateBoardPolicy } from '../../../server/policies/board-changes.ts';
import { setPolicyOverride } from '../../../server/policies/overrides.ts';
import { effectiveRichTextPolicy } from '../../../server/policies/content-rules.ts';
import { feedbackDeadlines } from '../../../server/policies/feedback.ts';
import { missingOperatorFields } from '../../../server/policies/operator.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';

const tableHtml =
  '<p>Kết quả</p><table><tbody><tr><td colspan="2">Số liệu</td></tr></tbody></table>';

describe('content policies', () => {
  let database: TestDatabase;
  let unit: TenantRef;
  let otherUnit: TenantRef;
  let head: ActingContext;
  let unitAdmin: ActingContext;
  let editor: ActingContext;
  let otherEditor: ActingContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unit = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    otherUnit = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    head = actingAs(randomUUID(), { board: ['board_head'] });
    unitAdmin = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }] });
    editor = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['editor'] }] });
    otherEditor = actingAs(randomUUID(), {
      tenant: [{ tenantId: otherUnit.id, roles: ['editor'] }],
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function storedBody(tenant: TenantRef, revisionId: string) {
    const [row] = await withTenant(database.db, tenant.id, (tx) =>
      tx.select().from(contentRevisions).where(eq(contentRevisions.id, revisionId)),
    );
    return row!.bodyVi;
  }

  function richTextPolicyOf(tenant: TenantRef) {
    return withTenant(database.db, tenant.id, (tx) => effectiveRichTextPolicy(tx, tenant.id));
  }

  it('keeps stored text, strips it at render', async () => {
    const before = await createItem(database.db, editor, unit, {
      type: 'page',
      titleVi: 'Trang có bảng số liệu',
      bodyVi: tableHtml,
      fields: {},
    });
    const tags = (await richTextPolicyOf(unit)).tags.filter(
      (tag) => !['table', 'tbody', 'tr', 'td'].includes(tag),
    );
    await setPolicyOverride(database.db, unitAdmin, unit, 'content.html_tags', {
      value: tags,
      reason: 'Cổng đơn vị không dùng bảng',
    });
    const policy = await richTextPolicyOf(unit);

    const stored = await storedBody(unit, before.revision.id);

    expect(stored).toContain('<table>');
    expect(sanitizeRichText(stored, policy)).toBe('<p>Kết quả</p>Số liệu');
  });

  it("sanitises on save with the tenant's allow-list", async () => {
    const saved = await createItem(database.db, editor, unit, {
      type: 'article',
      titleVi: 'Tin có bảng',
      bodyVi: tableHtml,
      fields: {},
    });
    const elsewhere = await createItem(database.db, otherEditor, otherUnit, {
      type: 'article',
      titleVi: 'Tin có bảng ở cổng khác',
      bodyVi: tableHtml,
      fields: {},
    });

    expect(await storedBody(unit, saved.revision.id)).toBe('<p>Kết quả</p>Số liệu');
    expect(await storedBody(otherUnit, elsewhere.revision.id)).toBe(tableHtml);
  });

  it('removes attributes the tenant no longer allows', async () => {
    await setPolicyOverride(database.db, unitAdmin, unit, 'content.html_attributes', {
      value: { a: ['href'], img: ['src', 'alt'] },
      reason: 'Bỏ thuộc tính không cần thiết',
    });

    const saved = await createItem(database.db, editor, unit, {
      type: 'article',
      titleVi: 'Tin có liên kết',
      bodyVi: '<p><a href="https://mic.gov.vn" title="Bộ">Bộ</a></p>',
      fields: {},
    });

    expect(await storedBody(unit, saved.revision.id)).toBe(
      '<p><a href="https://mic.gov.vn" rel="noopener noreferrer">Bộ</a></p>',
    );
  });

  it('keeps https embeds from listed hosts', async () => {
    const board = await richTextPolicyOf(otherUnit);
    await updateBoardPolicy(database.db, head, 'content.html_tags', {
      value: [...board.tags, 'iframe'],
      reason: 'Cho phép nhúng video',
    });
    await updateBoardPolicy(database.db, head, 'content.html_attributes', {
      value: { ...board.attributes, iframe: ['src', 'title'] },
      reason: 'Thuộc tính của khung nhúng',
    });
    await updateBoardPolicy(database.db, head, 'content.embed_hosts', {
      value: ['www.youtube-nocookie.com'],
      reason: 'Video của Bộ đăng trên YouTube',
    });
    const body =
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>' +
      '<iframe src="https://tracker.example.com/embed"></iframe>' +
      '<iframe src="http://www.youtube-nocookie.com/embed/abc"></iframe>';

    const saved = await createItem(database.db, otherEditor, otherUnit, {
      type: 'article',
      titleVi: 'Tin có video',
      bodyVi: body,
      fields: {},
    });

    expect(await storedBody(otherUnit, saved.revision.id)).toBe(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>',
    );
  });

  it('drops embeds when no host is allowed', async () => {
    const otherAdmin = actingAs(randomUUID(), {
      tenant: [{ tenantId: otherUnit.id, roles: ['unit_admin'] }],
    });
    await setPolicyOverride(database.db, otherAdmin, otherUnit, 'content.embed_hosts', {
      value: [],
      reason: 'Không nhúng nội dung bên ngoài',
    });

    const saved = await createItem(database.db, otherEditor, otherUnit, {
      type: 'article',
      titleVi: 'Tin không được nhúng',
      bodyVi: '<p>Xem</p><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
      fields: {},
    });

    expect(await storedBody(otherUnit, saved.revision.id)).toBe('<p>Xem</p>');
  });

  it('never lets the board allow scripts', async () => {
    await expect(
      updateBoardPolicy(database.db, head, 'content.html_tags', {
        value: ['p', 'br', 'script'],
        reason: 'Thử thêm thẻ script',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'value.2' }] });
    await expect(
      updateBoardPolicy(database.db, head, 'content.html_attributes', {
        value: { a: ['href', 'onclick'] },
        reason: 'Thử thêm thuộc tính sự kiện',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'value.a' }] });
  });

  it("gives the feedback module the tenant's deadlines", async () => {
    await setPolicyOverride(database.db, unitAdmin, unit, 'feedback.answer_days', {
      value: 15,
      reason: 'Đơn vị cam kết trả lời trong 15 ngày',
    });
    await updateBoardPolicy(database.db, head, 'feedback.progress_working_days', {
      value: 5,
      reason: 'Cập nhật tiến độ thường xuyên hơn',
    });

    const own = await withTenant(database.db, unit.id, (tx) => feedbackDeadlines(tx, unit.id));
    const other = await withTenant(database.db, otherUnit.id, (tx) =>
      feedbackDeadlines(tx, otherUnit.id),
    );

    expect(own).toEqual({ answerDays: 15, progressNoteWorkingDays: 5 });
    expect(other).toEqual({ answerDays: 20, progressNoteWorkingDays: 5 });
  });
});

describe('missingOperatorFields', () => {
  const operator: TenantOperator = {
    agency: { vi: 'Bộ Thông tin và Truyền thông' },
    responsiblePerson: '  ',
    address: { vi: '18 Nguyễn Du, Hà Nội', en: '18 Nguyen Du, Ha Noi' },
    phone: '024 3943 7391',
    email: 'ais@mic.gov.vn',
  };

  it('lists required fields that are missing or blank', () => {
    expect(
      missingOperatorFields({ operator }, ['agency.vi', 'agency.en', 'responsiblePerson', 'fax']),
    ).toEqual(['agency.en', 'responsiblePerson', 'fax']);
  });

  it('lists nothing when every required field is filled in', () => {
    expect(missingOperatorFields({ operator }, ['agency.vi', 'address.en', 'phone'])).toEqual([]);
  });
});
