import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { withoutTenant, withTenant } from '../../../server/db/tenant-scope.ts';
import { updateBoardPolicy } from '../../../server/policies/board-changes.ts';
import { removePolicyOverride, setPolicyOverride } from '../../../server/policies/overrides.ts';
import {
  listPolicyHistory,
  listPolicyTenants,
  listTenantPolicyHistory,
} from '../../../server/policies/history.ts';
import { effectivePolicy } from '../../../server/policies/registry.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';

const mebibyte = 1024 * 1024;

describe('policy changes', () => {
  let database: TestDatabase;
  let unit: TenantRef;
  let otherUnit: TenantRef;
  let head: ActingContext;
  let unitAdmin: ActingContext;
  let otherAdmin: ActingContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unit = tenantRef(await createTenant(database.db, { slug: 'ais' }));
    otherUnit = tenantRef(await createTenant(database.db, { slug: 'vnta' }));
    head = actingAs(randomUUID(), { board: ['board_head'] });
    unitAdmin = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }] });
    otherAdmin = actingAs(randomUUID(), {
      tenant: [{ tenantId: otherUnit.id, roles: ['unit_admin'] }],
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  function effectiveFor(tenant: TenantRef, key: Parameters<typeof effectivePolicy>[2]) {
    return withTenant(database.db, tenant.id, (tx) => effectivePolicy(tx, tenant.id, key));
  }

  async function historyRows(key: string) {
    return withoutTenant(database.db, (tx) =>
      queryRows<{ tenant_id: string | null; change: string; reason: string }>(
        tx,
        sql`select tenant_id, change, reason from policy_history where key = ${key} order by id`,
      ),
    );
  }

  it("changes the board's value with a history row and an audit entry", async () => {
    const resolved = await updateBoardPolicy(database.db, head, 'feedback.answer_days', {
      value: 18,
      reason: 'Rút ngắn thời hạn theo chỉ đạo của Bộ',
    });
    const history = await listPolicyHistory(database.db, head.actor, 'feedback.answer_days');
    // The platform chain of the audit log is read as its owner; portal_app reads tenant rows only.
    const audit = await queryRows<{ action: string; actor_user_id: string }>(
      database.db,
      sql`select action, actor_user_id from audit_log where resource_id = 'feedback.answer_days'`,
    );

    expect(resolved.value).toBe(18);
    expect(resolved.source).toBe('board');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      tenantId: null,
      change: 'default',
      before: 20,
      after: 18,
      reason: 'Rút ngắn thời hạn theo chỉ đạo của Bộ',
    });
    expect(audit).toEqual([{ action: 'policy.update_default', actor_user_id: head.actor.userId }]);
  });

  it('records each changed part in history', async () => {
    await updateBoardPolicy(database.db, head, 'content.stale_page_days', {
      value: 150,
      bounds: { min: 30 },
      isLocked: true,
      reason: 'Siết thời hạn cập nhật trang',
    });
    await updateBoardPolicy(database.db, head, 'content.stale_page_days', {
      isLocked: false,
      reason: 'Cho phép đơn vị tự rút ngắn',
    });

    const rows = await historyRows('content.stale_page_days');

    expect(rows.map((row) => row.change)).toEqual(['default', 'bounds', 'lock', 'unlock']);
    expect(rows.every((row) => row.tenant_id === null)).toBe(true);
  });

  it('rejects a board change without a reason', async () => {
    await expect(
      updateBoardPolicy(database.db, head, 'feedback.answer_days', { value: 17, reason: ' ' }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'reason' }] });
  });

  it('rejects a board change from a unit admin', async () => {
    await expect(
      updateBoardPolicy(database.db, unitAdmin, 'feedback.answer_days', {
        value: 17,
        reason: 'Không được phép',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rejects a malformed value and names the field', async () => {
    const attempt = updateBoardPolicy(database.db, head, 'content.deadlines', {
      value: { news: { amount: -1, unit: 'working_weeks', from: 'submission' } },
      reason: 'Sai định dạng',
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'value.news.amount' }),
        expect.objectContaining({ field: 'value.news.unit' }),
      ]),
    });
  });

  it('rejects a stale board change with 409', async () => {
    const current = await effectiveFor(unit, 'feedback.progress_working_days');
    await updateBoardPolicy(database.db, head, 'feedback.progress_working_days', {
      value: 6,
      reason: 'Lần thứ nhất',
      version: current.board?.version ?? 0,
    });

    await expect(
      updateBoardPolicy(database.db, head, 'feedback.progress_working_days', {
        value: 5,
        reason: 'Lần thứ hai từ bản cũ',
        version: current.board?.version ?? 0,
      }),
    ).rejects.toMatchObject({ code: 'conflict', fields: [{ field: 'version' }] });
  });

  it('rejects bounds that the board value breaks', async () => {
    await expect(
      updateBoardPolicy(database.db, head, 'media.quota_bytes', {
        bounds: { max: 100 * mebibyte },
        reason: 'Giới hạn quá thấp',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'bounds' }] });
  });

  it('refuses to lock a platform-wide policy', async () => {
    await expect(
      updateBoardPolicy(database.db, head, 'sessions.idle_minutes', {
        isLocked: true,
        reason: 'Khoá chính sách phiên',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'isLocked' }] });
  });

  it('lets a unit admin tighten its portal', async () => {
    const resolved = await setPolicyOverride(
      database.db,
      unitAdmin,
      unit,
      'media.max_upload_bytes',
      {
        value: 5 * mebibyte,
        reason: 'Đơn vị chỉ đăng tệp nhỏ',
      },
    );
    const history = await listTenantPolicyHistory(database.db, unit, 'media.max_upload_bytes');
    const audit = await withTenant(database.db, unit.id, (tx) =>
      queryRows<{ action: string }>(
        tx,
        sql`select action from audit_log where resource_id = 'media.max_upload_bytes'`,
      ),
    );
    const other = await effectiveFor(otherUnit, 'media.max_upload_bytes');

    expect(resolved.value).toBe(5 * mebibyte);
    expect(resolved.source).toBe('tenant');
    expect(history[0]).toMatchObject({
      tenantId: unit.id,
      change: 'override',
      before: null,
      after: 5 * mebibyte,
    });
    expect(audit.map((entry) => entry.action)).toEqual(['policy.override']);
    expect(other.value).toBe(20 * mebibyte);
  });

  it('rejects loosening and names the range', async () => {
    const attempt = setPolicyOverride(database.db, unitAdmin, unit, 'media.max_upload_bytes', {
      value: 50 * mebibyte,
      reason: 'Muốn tải tệp lớn hơn',
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'Invalid value for media.max_upload_bytes (Maximum size of one file): 52428800 is above ' +
        "the board's value 20971520. Allowed: a whole number from 1024 to 20971520",
      fields: [{ field: 'value' }],
    });
  });

  it('rejects an override outside the bounds', async () => {
    await expect(
      setPolicyOverride(database.db, unitAdmin, unit, 'content.stale_page_days', {
        value: 10,
        reason: 'Cập nhật trang thường xuyên hơn',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('10 is below the minimum 30'),
    });
  });

  it('rejects a tag the board disallows', async () => {
    await expect(
      setPolicyOverride(database.db, unitAdmin, unit, 'content.html_tags', {
        value: ['p', 'br', 'iframe'],
        reason: 'Muốn nhúng video',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('it adds iframe, which the board does not allow'),
    });
  });

  it('rejects dropping a bounded tag', async () => {
    await expect(
      setPolicyOverride(database.db, unitAdmin, unit, 'content.html_tags', {
        value: ['p', 'strong'],
        reason: 'Bỏ xuống dòng',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('must include br'),
    });
  });

  it('rejects an override of a locked policy with 409', async () => {
    await updateBoardPolicy(database.db, head, 'media.allow_svg', {
      isLocked: true,
      reason: 'Mọi cổng áp dụng như nhau',
    });

    await expect(
      setPolicyOverride(database.db, unitAdmin, unit, 'media.allow_svg', {
        value: false,
        reason: 'Không nhận SVG',
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message:
        'The board has locked the policy media.allow_svg (Accept SVG images): ' +
        'portals cannot override it',
    });
  });

  it('rejects an override of a platform-wide policy with 409', async () => {
    await expect(
      setPolicyOverride(database.db, unitAdmin, unit, 'sessions.max_age_hours', {
        value: 4,
        reason: 'Phiên ngắn hơn',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it("rejects another tenant's admin", async () => {
    await expect(
      setPolicyOverride(database.db, otherAdmin, unit, 'feedback.answer_days', {
        value: 10,
        reason: 'Đặt hộ đơn vị khác',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      removePolicyOverride(database.db, otherAdmin, unit, 'media.max_upload_bytes', {
        reason: 'Gỡ hộ đơn vị khác',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('sets aside an override the board has since locked', async () => {
    await setPolicyOverride(database.db, unitAdmin, unit, 'feedback.answer_days', {
      value: 12,
      reason: 'Đơn vị trả lời nhanh hơn',
    });
    await updateBoardPolicy(database.db, head, 'feedback.answer_days', {
      isLocked: true,
      reason: 'Thống nhất thời hạn toàn Bộ',
    });

    const resolved = await effectiveFor(unit, 'feedback.answer_days');
    const tenants = await listPolicyTenants(database.db, head.actor, 'feedback.answer_days');
    const entry = tenants.find((candidate) => candidate.tenant.id === unit.id);

    expect(resolved.value).toBe(18);
    expect(resolved.override?.status).toBe('set_aside');
    expect(entry?.followsBoard).toBe(true);
    expect(entry?.override?.value).toBe(12);
  });

  it('lists tenants following the board', async () => {
    const tenants = await listPolicyTenants(database.db, head.actor, 'media.max_upload_bytes');

    expect(tenants.map((entry) => [entry.tenant.slug, entry.followsBoard])).toEqual([
      ['ais', false],
      ['mic', true],
      ['vnta', true],
    ]);
  });

  it('keeps the tenants list for the board only', async () => {
    await expect(
      listPolicyTenants(database.db, unitAdmin.actor, 'media.max_upload_bytes'),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('removes an override with a reason and records it', async () => {
    const resolved = await removePolicyOverride(
      database.db,
      unitAdmin,
      unit,
      'media.max_upload_bytes',
      {
        reason: 'Trở lại mức chung',
      },
    );
    const history = await listTenantPolicyHistory(database.db, unit, 'media.max_upload_bytes');

    expect(resolved.value).toBe(20 * mebibyte);
    expect(history[0]).toMatchObject({
      change: 'override_removed',
      before: 5 * mebibyte,
      after: null,
      reason: 'Trở lại mức chung',
    });
  });

  it('answers removing a missing override as not found', async () => {
    await expect(
      removePolicyOverride(database.db, unitAdmin, unit, 'content.embed_hosts', {
        reason: 'Gỡ' + ' bỏ',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("shows a tenant its own and the board's history, not another tenant's", async () => {
    await setPolicyOverride(database.db, otherAdmin, otherUnit, 'feedback.progress_working_days', {
      value: 3,
      reason: 'Đơn vị báo cáo thường xuyên',
    });

    const seenByUnit = await listTenantPolicyHistory(
      database.db,
      unit,
      'feedback.progress_working_days',
    );
    const seenByBoard = await listPolicyHistory(
      database.db,
      head.actor,
      'feedback.progress_working_days',
    );

    expect(seenByUnit.every((entry) => entry.tenantId === null)).toBe(true);
    expect(seenByUnit.length).toBeGreaterThan(0);
    expect(seenByBoard.map((entry) => entry.tenantId)).toContain(otherUnit.id);
  });

  it('answers an unknown policy key as not found', async () => {
    await expect(
      updateBoardPolicy(database.db, head, 'content.no_such_policy', {
        value: 1,
        reason: 'Thử' + ' khoá',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
