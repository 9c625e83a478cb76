import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createContent } from '../../helpers/content-factories.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

type Client = ReturnType<typeof createAdminClient>;

describe('returned submissions sent again by their unit', () => {
  let database: TestDatabase;
  let mainId: string;
  let unitId: string;
  let otherUnitId: string;
  let focalPoint: Client;
  let otherFocalPoint: Client;
  let unitAuthor: Client;
  let standingStaff: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    mainId = (await createTenant(database.db, { slug: 'mic', kind: 'main' })).id;
    unitId = (await createTenant(database.db, { slug: 'cdsqg' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'cnict' })).id;
    const app = buildTestApp(database.db, { secondFactorRoles: [] });
    const users = {
      focalPoint: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
      }),
      otherFocalPoint: await createUser(database.db, {
        memberships: [{ tenantId: otherUnitId, roles: ['focal_point'] }],
      }),
      unitAuthor: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['author'] }],
      }),
      standingStaff: await createUser(database.db, { boardRoles: ['standing_staff'] }),
    };
    focalPoint = createAdminClient(app, testRootDomain);
    otherFocalPoint = createAdminClient(app, testRootDomain);
    unitAuthor = createAdminClient(app, testRootDomain);
    standingStaff = createAdminClient(app, testRootDomain);
    await focalPoint.login(users.focalPoint.email);
    await otherFocalPoint.login(users.otherFocalPoint.email);
    await unitAuthor.login(users.unitAuthor.email);
    await standingStaff.login(users.standingStaff.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  /** Sends a new submission and has the standing section return it with a note. */
  async function returnedSubmission(titleVi: string) {
    const sent = await focalPoint.post('/content/submissions', {
      tenantId: unitId,
      type: 'article',
      titleVi,
      bodyVi: '<p>Bản đầu.</p>',
      provenance: { senderName: 'Lê Văn Minh', senderTitle: 'Chuyên viên', purpose: 'Đăng tin' },
    });
    expect(sent.status).toBe(201);
    const returned = await standingStaff.post(`/content/items/${sent.body.itemId}/transitions`, {
      tenantId: mainId,
      action: 'return',
      note: 'Bổ sung nguồn số liệu.',
    });
    expect(returned.status).toBe(200);
    const detail = await focalPoint.get(
      `/content/submissions/${sent.body.itemId}?tenantId=${unitId}`,
    );
    expect(detail.status).toBe(200);
    return { itemId: sent.body.itemId as string, revisionId: detail.body.revision.id as string };
  }

  it('shows the unit its text and the note', async () => {
    const { itemId } = await returnedSubmission('Tin cần bổ sung nguồn');

    const detail = await focalPoint.get(`/content/submissions/${itemId}?tenantId=${unitId}`);

    expect(detail.body.item.status).toBe('returned');
    expect(detail.body.revision.bodyVi).toBe('<p>Bản đầu.</p>');
    expect(detail.body.events.map((event: { note: string | null }) => event.note)).toContain(
      'Bổ sung nguồn số liệu.',
    );
  });

  it('resends revised text as a new revision', async () => {
    const { itemId, revisionId } = await returnedSubmission('Tin gửi lại');

    const resent = await focalPoint.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: revisionId,
      titleVi: 'Tin gửi lại, đã bổ sung nguồn',
      bodyVi: '<p>Bản hai, nguồn: Cục Thống kê.</p><script>alert(1)</script>',
      note: 'Đã bổ sung nguồn.',
    });
    const seenByStaff = await standingStaff.get(`/content/items/${itemId}?tenantId=${mainId}`);

    expect(resent.status).toBe(200);
    expect(resent.body.status).toBe('submitted');
    expect(seenByStaff.body.item.status).toBe('submitted');
    expect(seenByStaff.body.currentRevision.titleVi).toBe('Tin gửi lại, đã bổ sung nguồn');
    expect(seenByStaff.body.currentRevision.bodyVi).not.toContain('<script');
    expect(
      seenByStaff.body.events.map((event: { action: string }) => event.action).slice(-1),
    ).toEqual(['resubmit_from_unit']);
  });

  it('rejects a stale base revision with 409', async () => {
    const { itemId, revisionId } = await returnedSubmission('Tin gửi lại hai lần');
    const first = await focalPoint.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: revisionId,
      titleVi: 'Lần một',
    });
    await standingStaff.post(`/content/items/${itemId}/transitions`, {
      tenantId: mainId,
      action: 'return',
      note: 'Chưa đạt.',
    });

    const stale = await focalPoint.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: revisionId,
      titleVi: 'Từ bản cũ',
    });

    expect(first.status).toBe(200);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentRevisionId).toBe(first.body.revisionId);
  });

  it('resends only a returned submission', async () => {
    const sent = await focalPoint.post('/content/submissions', {
      tenantId: unitId,
      type: 'article',
      titleVi: 'Tin chưa bị trả lại',
      provenance: { senderName: 'Lê Văn Minh', senderTitle: 'Chuyên viên', purpose: 'Đăng tin' },
    });
    const detail = await focalPoint.get(
      `/content/submissions/${sent.body.itemId}?tenantId=${unitId}`,
    );

    const response = await focalPoint.post(`/content/submissions/${sent.body.itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: detail.body.revision.id,
      titleVi: 'Gửi lại khi chưa bị trả',
    });

    expect(response.status).toBe(409);
  });

  it('rejects offering an item again while its offer is pending', async () => {
    const item = await createContent(database.db, unitId, {
      type: 'article',
      titleVi: 'Tin đã đăng',
    });
    const offer = () =>
      focalPoint.post('/content/submissions', {
        tenantId: unitId,
        sourceItemId: item.id,
        provenance: { senderName: 'Lê Văn Minh', senderTitle: 'Chuyên viên', purpose: 'Đăng lại' },
      });

    const first = await offer();
    const second = await offer();

    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.details.submissionId).toBe(first.body.itemId);
  });

  it('rejects an offered item sent with text of its own', async () => {
    const item = await createContent(database.db, unitId, { type: 'article', titleVi: 'Tin khác' });

    const response = await focalPoint.post('/content/submissions', {
      tenantId: unitId,
      sourceItemId: item.id,
      titleVi: 'Tiêu đề sẽ bị bỏ qua',
      provenance: { senderName: 'Lê Văn Minh', senderTitle: 'Chuyên viên', purpose: 'Đăng lại' },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('sourceItemId');
  });

  it("hides another unit's submission", async () => {
    const { itemId, revisionId } = await returnedSubmission('Tin của đơn vị khác');

    const read = await otherFocalPoint.get(
      `/content/submissions/${itemId}?tenantId=${otherUnitId}`,
    );
    const resent = await otherFocalPoint.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: otherUnitId,
      baseRevisionId: revisionId,
      titleVi: 'Chiếm bài của đơn vị khác',
    });
    const throughTheUnit = await otherFocalPoint.get(
      `/content/submissions/${itemId}?tenantId=${unitId}`,
    );

    expect(read.status).toBe(404);
    expect(resent.status).toBe(404);
    expect(throughTheUnit.status).toBe(403);
  });

  it('limits resending to the focal point', async () => {
    const { itemId, revisionId } = await returnedSubmission('Tin tác giả không gửi được');

    const response = await unitAuthor.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: revisionId,
      titleVi: 'Tác giả gửi lại',
    });

    expect(response.status).toBe(403);
  });

  it('rejects signed-out and malformed requests', async () => {
    const { itemId } = await returnedSubmission('Tin kiểm tra dữ liệu vào');
    const signedOut = createAdminClient(buildTestApp(database.db), testRootDomain);

    const anonymous = await signedOut.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: itemId,
      titleVi: 'Không đăng nhập',
    });
    const malformed = await focalPoint.post(`/content/submissions/${itemId}/resubmit`, {
      tenantId: unitId,
      baseRevisionId: 'not-a-uuid',
      titleVi: '',
    });

    expect(anonymous.status).toBe(401);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.map((field: { field: string }) => field.field)).toEqual(
      expect.arrayContaining(['baseRevisionId', 'titleVi']),
    );
  });
});
