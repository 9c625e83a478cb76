import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { lookUp, postForm, trackingCodeIn, validFields } from './feedback-test-kit.ts';

type Client = ReturnType<typeof createAdminClient>;

describe('/api/admin/feedback', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let mainId: string;
  let unitId: string;
  let otherUnitId: string;
  let standing: Client;
  let unitAdmin: Client;
  let unitEditor: Client;
  let otherAdmin: Client;
  let anonymous: Client;
  const mainHost = testRootDomain;
  const unitHost = `ais.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    mainId = (await createTenant(database.db, { slug: 'mic', kind: 'main' })).id;
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    testApp = buildTestApp(database.db, { trustProxy: true, secondFactorRoles: [] });
    const users = {
      standing: await createUser(database.db, { boardRoles: ['standing_staff'] }),
      unitAdmin: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
      }),
      unitEditor: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['editor'] }],
      }),
      otherAdmin: await createUser(database.db, {
        memberships: [{ tenantId: otherUnitId, roles: ['unit_admin'] }],
      }),
    };
    standing = createAdminClient(testApp, mainHost);
    unitAdmin = createAdminClient(testApp, mainHost);
    unitEditor = createAdminClient(testApp, mainHost);
    otherAdmin = createAdminClient(testApp, mainHost);
    anonymous = createAdminClient(testApp, mainHost);
    await standing.login(users.standing.email);
    await unitAdmin.login(users.unitAdmin.email);
    await unitEditor.login(users.unitEditor.email);
    await otherAdmin.login(users.otherAdmin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function submitOnMain(overrides: Record<string, string> = {}) {
    const result = await postForm(testApp, mainHost, validFields(overrides));
    expect(result.status).toBe(200);
    const code = trackingCodeIn(result.html);
    const list = await standing.get(`/feedback/cases?tenantId=${mainId}&status=received`);
    const found = list.body.cases.find(
      (entry: { subject: string }) =>
        entry.subject === (overrides.subject ?? validFields().subject),
    );

    return { code, caseId: found.id as string };
  }

  async function step(client: Client, caseId: string, name: string, body: object) {
    return client.post(`/feedback/cases/${caseId}/${name}`, body);
  }

  it('takes a petition from submission to a published answer', async () => {
    const subject = 'Quy định về hồ sơ cấp phép chưa rõ ràng';
    const { code, caseId } = await submitOnMain({ subject, kind: 'petition' });

    const classified = await step(standing, caseId, 'classify', {
      tenantId: mainId,
      topic: 'regulation',
    });
    const forwarded = await step(standing, caseId, 'forward', {
      tenantId: mainId,
      toTenantId: unitId,
      note: 'Đề nghị Cục trả lời theo thẩm quyền.',
    });
    const queue = await unitAdmin.get(`/feedback/cases?tenantId=${unitId}&scope=assigned`);
    const firstDraft = await step(unitEditor, caseId, 'answer', {
      tenantId: unitId,
      answer: 'Cục đã tiếp nhận và sẽ xem xét.',
    });
    const returned = await step(standing, caseId, 'return', {
      tenantId: mainId,
      note: 'Câu trả lời chưa nêu rõ căn cứ và thời hạn xử lý.',
    });
    await step(unitEditor, caseId, 'answer', {
      tenantId: unitId,
      answer:
        'Theo Thông tư số 01/2026, hồ sơ gồm đơn đề nghị và bản sao giấy phép; thời hạn 10 ngày.',
    });
    const approved = await step(unitAdmin, caseId, 'approve', { tenantId: unitId });
    const published = await step(standing, caseId, 'publish', { tenantId: mainId });
    const detail = await standing.get(`/feedback/cases/${caseId}?tenantId=${mainId}`);
    const lookup = await lookUp(testApp, mainHost, code.toLowerCase().replace(/-/g, ' '));
    const answers = await (await testApp.request(mainHost, '/tra-loi-phan-anh')).text();

    expect(classified.body.status).toBe('classified');
    expect(forwarded.body.assignedTenantId).toBe(unitId);
    expect(queue.body.cases.map((entry: { id: string }) => entry.id)).toContain(caseId);
    expect(firstDraft.body.status).toBe('answered');
    expect(returned.body.status).toBe('forwarded');
    expect(approved.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(detail.body.events.map((event: { action: string }) => event.action)).toEqual([
      'receive',
      'classify',
      'forward',
      'answer',
      'return',
      'answer',
      'approve',
      'publish',
    ]);
    expect(lookup.status).toBe(200);
    expect(lookup.html).toContain('Đã trả lời');
    expect(lookup.html).toContain('Theo Thông tư số 01/2026');
    expect(answers).toContain(subject);
    expect(answers).toContain('Theo Thông tư số 01/2026');
  });

  it('writes an audit entry for every step', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh kiểm tra nhật ký' });
    await step(standing, caseId, 'classify', { tenantId: mainId, topic: 'other' });
    await step(standing, caseId, 'reject', {
      tenantId: mainId,
      reason: 'out_of_scope',
      note: 'Nội dung thuộc thẩm quyền của Ủy ban nhân dân tỉnh.',
    });

    const entries = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where resource_id = ${caseId} order by id`,
    );

    expect(entries.map((entry) => entry.action)).toEqual([
      'feedback.receive',
      'feedback.classify',
      'feedback.reject',
    ]);
  });

  it('publishes only an approved answer, and only on the receiving portal', async () => {
    const { caseId } = await submitOnMain({ subject: 'Đề nghị công khai lịch tiếp dân' });
    await step(standing, caseId, 'classify', {
      tenantId: mainId,
      topic: 'proposal',
      responsibleTenantId: unitId,
    });
    await step(unitEditor, caseId, 'answer', {
      tenantId: unitId,
      answer: 'Lịch tiếp công dân được đăng tại mục Thông báo của Cổng.',
    });

    const unapproved = await step(standing, caseId, 'publish', { tenantId: mainId });
    await step(unitAdmin, caseId, 'approve', { tenantId: unitId });
    const byUnit = await step(unitAdmin, caseId, 'publish', { tenantId: unitId });

    expect(unapproved.status).toBe(409);
    expect(byUnit.status).toBe(403);
  });

  it('hides a case from a unit until it is forwarded there', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh chưa chuyển xử lý' });

    const before = await unitAdmin.get(`/feedback/cases/${caseId}?tenantId=${unitId}`);
    await step(standing, caseId, 'classify', { tenantId: mainId, topic: 'official_conduct' });
    await step(standing, caseId, 'forward', { tenantId: mainId, toTenantId: unitId });
    const after = await unitAdmin.get(`/feedback/cases/${caseId}?tenantId=${unitId}`);

    expect(before.status).toBe(404);
    expect(after.status).toBe(200);
    expect(after.body.sender.name).toBe('Trần Văn Minh');
  });

  it('keeps a case forwarded to one unit away from another', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh chuyển cho Cục An toàn' });
    await step(standing, caseId, 'classify', {
      tenantId: mainId,
      topic: 'regulation',
      responsibleTenantId: unitId,
    });

    const read = await otherAdmin.get(`/feedback/cases/${caseId}?tenantId=${otherUnitId}`);
    const answer = await step(otherAdmin, caseId, 'answer', {
      tenantId: otherUnitId,
      answer: 'Câu trả lời của một đơn vị không được giao xử lý.',
    });
    const queue = await otherAdmin.get(`/feedback/cases?tenantId=${otherUnitId}`);
    const foreignTenant = await otherAdmin.get(`/feedback/cases?tenantId=${unitId}`);

    expect(read.status).toBe(404);
    expect(answer.status).toBe(404);
    expect(queue.body.cases.map((entry: { id: string }) => entry.id)).not.toContain(caseId);
    expect(foreignTenant.status).toBe(403);
  });

  it('does not find a code of one portal on another portal', async () => {
    const { code } = await submitOnMain({ subject: 'Mã tra cứu của Cổng chính' });

    const onUnit = await lookUp(testApp, unitHost, code);
    const guessed = await lookUp(testApp, mainHost, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');

    expect(onUnit.status).toBe(404);
    expect(guessed.status).toBe(404);
    expect(onUnit.html).toContain('Không tìm thấy phản ánh, kiến nghị nào có mã này');
    expect(guessed.html).toContain('Không tìm thấy phản ánh, kiến nghị nào có mã này');
  });

  it('shows public progress notes on the lookup page', async () => {
    const { code, caseId } = await submitOnMain({ subject: 'Phản ánh cần cập nhật tiến độ' });
    await step(standing, caseId, 'classify', {
      tenantId: mainId,
      topic: 'official_conduct',
      responsibleTenantId: unitId,
    });

    const noted = await step(unitAdmin, caseId, 'progress-notes', {
      tenantId: unitId,
      note: 'Cục đang xác minh với bộ phận một cửa <b>trong tuần này</b>.',
    });
    const lookup = await lookUp(testApp, mainHost, code);

    expect(noted.status).toBe(200);
    expect(lookup.html).toContain('Cục đang xác minh với bộ phận một cửa');
    expect(lookup.html).toContain('&lt;b&gt;trong tuần này&lt;/b&gt;');
  });

  it('merges a duplicate into another case', async () => {
    const first = await submitOnMain({ subject: 'Phản ánh gốc về phí dịch vụ' });
    const duplicate = await submitOnMain({ subject: 'Phản ánh trùng về phí dịch vụ' });

    const merged = await step(standing, duplicate.caseId, 'merge', {
      tenantId: mainId,
      intoCaseId: first.caseId,
    });
    const intoItself = await step(standing, first.caseId, 'merge', {
      tenantId: mainId,
      intoCaseId: first.caseId,
    });

    expect(merged.body.status).toBe('merged');
    expect(intoItself.status).toBe(400);
  });

  it('merges a duplicate by tracking code', async () => {
    const first = await submitOnMain({ subject: 'Phản ánh gốc về lịch tiếp dân' });
    const duplicate = await submitOnMain({ subject: 'Phản ánh trùng về lịch tiếp dân' });

    const unknown = await step(standing, duplicate.caseId, 'merge', {
      tenantId: mainId,
      intoTrackingCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    });
    const both = await step(standing, duplicate.caseId, 'merge', {
      tenantId: mainId,
      intoCaseId: first.caseId,
      intoTrackingCode: first.code,
    });
    const merged = await step(standing, duplicate.caseId, 'merge', {
      tenantId: mainId,
      intoTrackingCode: first.code.toLowerCase(),
    });
    const detail = await standing.get(`/feedback/cases/${duplicate.caseId}?tenantId=${mainId}`);

    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].field).toBe('intoTrackingCode');
    expect(both.status).toBe(400);
    expect(merged.body.status).toBe('merged');
    expect(detail.body.mergedIntoId).toBe(first.caseId);
  });

  it('leaves the case unchanged when the classify forward fails', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phân loại với đơn vị không tồn tại' });

    const response = await step(standing, caseId, 'classify', {
      tenantId: mainId,
      topic: 'regulation',
      responsibleTenantId: '00000000-0000-4000-8000-000000000000',
    });
    const after = await standing.get(`/feedback/cases/${caseId}?tenantId=${mainId}`);

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('responsibleTenantId');
    expect(after.body.status).toBe('received');
    expect(after.body.topic).toBeNull();
  });

  it('requires a reason to reject', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh bị từ chối không lý do' });

    const response = await step(standing, caseId, 'reject', { tenantId: mainId, reason: 'spam' });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('note');
  });

  it('refuses a signed-out user and a role without the permission', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh kiểm tra quyền' });

    const signedOut = await anonymous.get(`/feedback/cases?tenantId=${mainId}`);
    const editorClassify = await step(unitEditor, caseId, 'classify', {
      tenantId: unitId,
      topic: 'other',
    });

    expect(signedOut.status).toBe(401);
    expect(editorClassify.status).toBe(403);
  });

  it('lists overdue cases for the board', async () => {
    const { caseId } = await submitOnMain({ subject: 'Phản ánh đã quá hạn' });
    await database.db.execute(
      sql`update feedback_cases set due_at = now() - interval '1 day' where id = ${caseId}`,
    );

    const overdue = await standing.get('/feedback/overdue');
    const filtered = await standing.get(`/feedback/cases?tenantId=${mainId}&overdue=true`);
    const refused = await unitAdmin.get('/feedback/overdue');

    expect(overdue.body.cases.map((entry: { id: string }) => entry.id)).toContain(caseId);
    expect(filtered.body.cases.map((entry: { id: string }) => entry.id)).toEqual([caseId]);
    expect(refused.status).toBe(403);
  });
});
