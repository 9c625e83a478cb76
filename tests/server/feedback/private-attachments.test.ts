import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditLog, feedbackCases, media } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import {
  enqueueFeedbackRetentionRun,
  registerFeedbackJobs,
} from '../../../server/feedback/index.ts';
import { createLogOnlyNotifier } from '../../../server/feedback/notifier.ts';
import { JobWorker } from '../../../server/jobs/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { makePng } from '../media/media-fixtures.ts';
import { postForm, validFields } from './feedback-test-kit.ts';

type Client = ReturnType<typeof createAdminClient>;

describe('files attached to feedback', () => {
  let database: TestDatabase;
  let dataDir: string;
  let testApp: ReturnType<typeof buildTestApp>;
  let mainId: string;
  let otherUnitId: string;
  let standingStaff: Client;
  let mainEditor: Client;
  let otherEditor: Client;
  let photoCount = 0;
  const host = testRootDomain;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-feedback-files-'));
    mainId = (await createTenant(database.db, { slug: 'mic', kind: 'main' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    testApp = buildTestApp(database.db, { trustProxy: true, secondFactorRoles: [], dataDir });
    const staffUser = await createUser(database.db, { boardRoles: ['standing_staff'] });
    const editorUser = await createUser(database.db, {
      memberships: [{ tenantId: mainId, roles: ['editor'] }],
    });
    const otherUser = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['editor'] }],
    });
    standingStaff = createAdminClient(testApp, host);
    mainEditor = createAdminClient(testApp, host);
    otherEditor = createAdminClient(testApp, host);
    await standingStaff.login(staffUser.email);
    await mainEditor.login(editorUser.email);
    await otherEditor.login(otherUser.email);
  });

  afterAll(async () => {
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Sends feedback with a photo of its own attached, since identical files are stored once, and
   * returns the case, the attachment's id and the photo.
   */
  async function caseWithPhoto(subject: string) {
    photoCount += 1;
    const photo = await makePng(32 + photoCount, 24);
    const sent = await postForm(testApp, host, validFields({ subject }), {
      files: [new File([new Uint8Array(photo)], 'anh-hien-truong.png', { type: 'image/png' })],
    });
    expect(sent.status).toBe(200);
    const [row] = await withTenant(database.db, mainId, (tx) =>
      tx
        .select({ id: feedbackCases.id, attachmentMediaIds: feedbackCases.attachmentMediaIds })
        .from(feedbackCases)
        .where(eq(feedbackCases.subject, subject)),
    );
    return { caseId: row!.id, mediaId: row!.attachmentMediaIds[0]!, photo };
  }

  function download(client: Client | null, caseId: string, mediaId: string, tenantId = mainId) {
    return testApp.request(
      host,
      `/api/admin/feedback/cases/${caseId}/attachments/${mediaId}?tenantId=${tenantId}`,
      { headers: client ? { cookie: client.cookie } : {} },
    );
  }

  it('keeps the attachment out of the media library', async () => {
    const { mediaId } = await caseWithPhoto('Ảnh chụp biển báo hỏng');

    const library = await mainEditor.get(`/media?tenantId=${mainId}`);
    const detail = await mainEditor.get(`/media/${mediaId}?tenantId=${mainId}`);

    expect(library.body.media.map((item: { id: string }) => item.id)).not.toContain(mediaId);
    expect(detail.status).toBe(404);
  });

  it('answers 404 for the attachment on the public media route', async () => {
    const { mediaId } = await caseWithPhoto('Ảnh chụp đường dây bị võng');

    const response = await testApp.request(host, `/media/${mediaId}/anh-hien-truong.png`);

    expect(response.status).toBe(404);
  });

  it('stores the same bytes uploaded to the library as a separate public file', async () => {
    const { mediaId, photo } = await caseWithPhoto('Ảnh chụp trạm phát sóng');
    const uploaded = await testApp.request(host, `/api/admin/media?tenantId=${mainId}`, {
      method: 'POST',
      headers: {
        cookie: mainEditor.cookie,
        origin: `http://${host}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('tram-phat-song.png'),
      },
      body: new Uint8Array(photo),
    });
    const libraryFile = (await uploaded.json()).media as { id: string; originalName: string };

    const served = await testApp.request(
      host,
      `/media/${libraryFile.id}/${libraryFile.originalName}`,
    );

    expect(uploaded.status).toBe(201);
    expect(libraryFile.id).not.toBe(mediaId);
    expect(served.status).toBe(200);
  });

  it('rejects the attachment as a picture in content', async () => {
    const { mediaId } = await caseWithPhoto('Ảnh chụp cột điện nghiêng');

    const response = await mainEditor.post('/content/items', {
      tenantId: mainId,
      type: 'article',
      titleVi: 'Bài dùng ảnh của người dân',
      fields: { coverMediaId: mediaId },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('fields');
  });

  it('lets the handling staff download it, audited', async () => {
    const { caseId, mediaId } = await caseWithPhoto('Ảnh chụp hộp cáp mở nắp');

    const response = await download(standingStaff, caseId, mediaId);
    const body = Buffer.from(await response.arrayBuffer());
    const audited = await withTenant(database.db, mainId, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'feedback.read_attachment')),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The stored copy is the image re-encoded without metadata, so its format is checked, not its bytes.
    expect(body.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(audited.map((entry) => entry.resourceId)).toContain(caseId);
  });

  it('keeps the download from other portals and signed-out users', async () => {
    const { caseId, mediaId } = await caseWithPhoto('Ảnh chụp tủ điện');

    const fromOwnPortal = await download(otherEditor, caseId, mediaId, otherUnitId);
    const throughMainPortal = await download(otherEditor, caseId, mediaId);
    const signedOut = await download(null, caseId, mediaId);
    const otherCase = await download(standingStaff, mediaId, mediaId);

    expect(fromOwnPortal.status).toBe(404);
    expect(throughMainPortal.status).toBe(403);
    expect(signedOut.status).toBe(401);
    expect(otherCase.status).toBe(404);
  });

  /** Closes a case three years ago, past the retention period. */
  async function closeLongAgo(caseId: string) {
    await withTenant(database.db, mainId, (tx) =>
      tx.execute(
        sql`update feedback_cases set status = 'rejected', updated_at = now() - interval '3 years'
             where id = ${caseId}`,
      ),
    );
  }

  let retentionRuns = 0;

  /** Runs the retention job. Each run is dated a day earlier, since one run is kept per day. */
  async function runRetention() {
    retentionRuns += 1;
    const log = createLogger({ logLevel: 'silent' });
    const worker = new JobWorker({ db: database.db, log });
    registerFeedbackJobs(
      worker,
      { ...testApp.workflow, notifier: createLogOnlyNotifier(log) },
      testApp.mediaStore,
    );
    await enqueueFeedbackRetentionRun(
      database.db,
      new Date(Date.now() - retentionRuns * 86_400_000),
    );
    await worker.runOnce();
  }

  function findMedia(mediaId: string) {
    return withTenant(database.db, mainId, (tx) =>
      tx.select().from(media).where(eq(media.id, mediaId)),
    );
  }

  it('keeps a file that an open case also refers to', async () => {
    const first = await caseWithPhoto('Ảnh chụp gửi lần đầu');
    await closeLongAgo(first.caseId);
    // The same photo again: identical files are stored once, so both cases refer to one row.
    const sent = await postForm(testApp, host, validFields({ subject: 'Ảnh chụp gửi lần hai' }), {
      files: [new File([new Uint8Array(first.photo)], 'lan-hai.png', { type: 'image/png' })],
    });
    expect(sent.status).toBe(200);

    await runRetention();

    expect(await findMedia(first.mediaId)).toHaveLength(1);
  });

  it('deletes the attachment when the personal data expires', async () => {
    const { caseId, mediaId } = await caseWithPhoto('Ảnh chụp nắp cống');
    await closeLongAgo(caseId);
    const [stored] = await findMedia(mediaId);

    await runRetention();
    const remaining = await findMedia(mediaId);

    expect(remaining).toEqual([]);
    expect(await testApp.mediaStore.get(stored!.objectKey)).toBeUndefined();
    expect((await download(standingStaff, caseId, mediaId)).status).toBe(404);
  });
});
