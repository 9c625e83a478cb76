import { randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { feedbackCases, jobs } from '../../../server/db/schema/index.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { classifyCase, forwardCase } from '../../../server/feedback/case-commands.ts';
import type { FeedbackDependencies } from '../../../server/feedback/dependencies.ts';
import { registerFeedbackJobs } from '../../../server/feedback/jobs.ts';
import { trackingCodeMailJobKind } from '../../../server/feedback/mail-jobs.ts';
import { createFeedbackNotifier } from '../../../server/feedback/notifier.ts';
import { sendDeadlineReminder } from '../../../server/feedback/reminders.ts';
import { JobWorker } from '../../../server/jobs/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';
import { lookUp, postForm, trackingCodeIn, validFields } from './feedback-test-kit.ts';
import { startTestSmtpRelay, type ReceivedMail, type TestSmtpRelay } from './smtp-test-kit.ts';

describe('feedback mail over SMTP', () => {
  let database: TestDatabase;
  let relay: TestSmtpRelay;
  let testApp: ReturnType<typeof buildTestApp>;
  let deps: FeedbackDependencies;
  let worker: JobWorker;
  let main: { id: string; slug: string; kind: 'main' };
  let unitId: string;
  let oddlyNamedHost: string;
  const host = testRootDomain;
  const from = 'Cổng thông tin điện tử <no-reply@portal.test>';

  beforeAll(async () => {
    database = await createTestDatabase();
    relay = await startTestSmtpRelay();
    main = { ...(await createTenant(database.db, { slug: 'mic', kind: 'main' })), kind: 'main' };
    unitId = (await createTenant(database.db, { slug: 'ais', nameVi: 'Cục An toàn thông tin' })).id;
    oddlyNamedHost = (await createTenant(database.db, { nameVi: 'Cục <Thử> & "Kiểm tra"' }))
      .canonicalHost;
    testApp = buildTestApp(database.db, {
      trustProxy: true,
      mail: { smtpUrl: relay.url, from },
    });
    const log = createLogger({ logLevel: 'silent' });
    deps = { ...testApp.workflow, notifier: createFeedbackNotifier(testApp.config, log) };
    worker = new JobWorker({ db: database.db, log });
    registerFeedbackJobs(worker, deps, testApp.mediaStore);
  });

  afterAll(async () => {
    await relay?.close();
    await database?.destroy();
  });

  function mailsTo(address: string): ReceivedMail[] {
    return relay.received.filter((mail) => mail.recipients.includes(address));
  }

  async function submit(fields: Record<string, string>) {
    const result = await postForm(testApp, host, fields);
    expect(result.status).toBe(200);
    const [row] = await database.db
      .select({ id: feedbackCases.id, status: feedbackCases.status })
      .from(feedbackCases)
      .where(eq(feedbackCases.subject, fields.subject!));

    return { html: result.html, code: trackingCodeIn(result.html), caseId: row!.id };
  }

  async function mailJobOf(caseId: string) {
    const rows = await database.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.kind, trackingCodeMailJobKind), sql`${jobs.payload}->>'caseId' = ${caseId}`),
      );

    return rows[0]!;
  }

  it('mails the tracking code to the sender only', async () => {
    const first = validFields({ subject: 'Phản ánh về thời hạn cấp phép' });
    const second = validFields({
      senderName: 'Đỗ Thị Thu',
      senderPhone: '0903 111 222',
      senderOrganisation: 'Công ty Cổ phần Thu Đô',
      subject: 'Kiến nghị về lệ phí cấp phép',
    });
    const submitted = await submit(first);
    const other = await submit(second);

    await worker.runOnce();
    const mails = mailsTo(first.senderEmail!);
    const mail = mails[0]!;
    const job = await mailJobOf(submitted.caseId);

    expect(submitted.html).toContain('Cổng cũng gửi mã này đến địa chỉ thư điện tử bạn đã nhập.');
    expect(mails).toHaveLength(1);
    expect(mail.recipients).toEqual([first.senderEmail]);
    expect(mail.headers.get('to')).toBe(first.senderEmail);
    expect(mail.headers.get('from')).toContain('no-reply@portal.test');
    expect(mail.headers.get('subject')).toBe(
      'Mã tra cứu phản ánh, kiến nghị / Feedback tracking code: Đơn vị mic',
    );
    expect(mail.text).toContain(submitted.code);
    expect(mail.html).toContain(submitted.code);
    expect(mail.text).toContain(`http://${host}/tra-cuu-gop-y`);
    expect(mail.text.indexOf('Mã tra cứu:')).toBeLessThan(mail.text.indexOf('Tracking code:'));
    expect(mail.text).not.toContain(other.code);
    for (const value of [
      first.senderName,
      first.senderPhone,
      first.senderOrganisation,
      first.subject,
      first.body,
      second.senderEmail,
      second.senderName,
      second.subject,
    ]) {
      expect(mail.text).not.toContain(value);
      expect(mail.html).not.toContain(value);
    }
    expect(mailsTo(second.senderEmail!)).toHaveLength(1);
    expect(job.status).toBe('done');
    expect(job.payload).not.toHaveProperty('trackingCode');
  });

  it('escapes the portal name in the HTML part', async () => {
    const fields = validFields({ subject: 'Phản ánh trên cổng có tên đặc biệt' });
    const result = await postForm(testApp, oddlyNamedHost, fields);
    expect(result.status).toBe(200);

    await worker.runOnce();
    const mail = mailsTo(fields.senderEmail!)[0]!;

    expect(mail.html).toContain('Cục &lt;Thử&gt; &amp; &quot;Kiểm tra&quot;');
    expect(mail.html).not.toContain('<Thử>');
  });

  it('sends nothing to a sender who gave only a phone number', async () => {
    const fields = validFields({ senderEmail: '', subject: 'Phản ánh chỉ có số điện thoại' });
    const before = relay.received.length;
    const submitted = await submit(fields);

    await worker.runOnce();
    const queued = await queryRows<{ id: string }>(
      database.db,
      sql`select id from jobs where kind = ${trackingCodeMailJobKind}
            and payload->>'caseId' = ${submitted.caseId}`,
    );

    expect(submitted.html).toContain('Cổng không gửi mã này qua thư điện tử.');
    expect(queued).toHaveLength(0);
    expect(relay.received.length).toBe(before);
  });

  it('keeps the case and retries when the relay rejects the mail', async () => {
    const fields = validFields({ subject: 'Phản ánh khi máy chủ thư từ chối' });
    relay.reject(fields.senderEmail!);
    const submitted = await submit(fields);

    await worker.runOnce();
    const failed = await mailJobOf(submitted.caseId);
    const [stored] = await database.db
      .select({ status: feedbackCases.status })
      .from(feedbackCases)
      .where(eq(feedbackCases.id, submitted.caseId));
    const lookup = await lookUp(testApp, host, submitted.code);

    relay.accept(fields.senderEmail!);
    await database.db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, failed.id));
    await worker.runOnce();
    const retried = await mailJobOf(submitted.caseId);
    const mails = mailsTo(fields.senderEmail!);

    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('554');
    expect(failed.payload.trackingCode).toBe(submitted.code);
    expect(stored?.status).toBe('received');
    expect(lookup.status).toBe(200);
    expect(retried.status).toBe('done');
    expect(retried.attempts).toBe(2);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(submitted.code);
  });

  it('forgets the tracking code after the last failed attempt', async () => {
    const fields = validFields({ subject: 'Phản ánh mà thư không bao giờ đến' });
    relay.reject(fields.senderEmail!);
    const submitted = await submit(fields);
    const job = await mailJobOf(submitted.caseId);
    await database.db
      .update(jobs)
      .set({ attempts: job.maxAttempts - 1 })
      .where(eq(jobs.id, job.id));

    await worker.runOnce();
    const failed = await mailJobOf(submitted.caseId);
    relay.accept(fields.senderEmail!);

    expect(failed.status).toBe('failed');
    expect(failed.payload).not.toHaveProperty('trackingCode');
    expect(failed.payload.caseId).toBe(submitted.caseId);
  });

  it("mails a deadline reminder to the handling unit's staff", async () => {
    const editor = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const author = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const fields = validFields({ subject: 'Phản ánh cần nhắc hạn trả lời' });
    const submitted = await submit(fields);
    const standingStaff = actingAs(randomUUID(), { board: ['standing_staff'] });
    await classifyCase(deps, standingStaff, tenantRef(main), submitted.caseId, {
      topic: 'regulation',
    });
    await forwardCase(deps, standingStaff, tenantRef(main), submitted.caseId, {
      toTenantId: unitId,
    });
    const [row] = await database.db
      .select({ dueAt: feedbackCases.dueAt })
      .from(feedbackCases)
      .where(eq(feedbackCases.id, submitted.caseId));
    const payload = {
      caseId: submitted.caseId,
      deadline: 'answer',
      dueAt: row!.dueAt!.toISOString(),
    };

    relay.reject(editor.email);
    const rejected = await sendDeadlineReminder(deps, main.id, payload).catch(
      (error: Error) => error,
    );
    const afterRejection = await queryRows<{ action: string }>(
      database.db,
      sql`select action from feedback_events where case_id = ${submitted.caseId}
            and action = 'reminder'`,
    );
    relay.accept(editor.email);
    const sent = await sendDeadlineReminder(deps, main.id, payload);
    const again = await sendDeadlineReminder(deps, main.id, payload);
    const mails = mailsTo(editor.email);

    expect(rejected).toBeInstanceOf(Error);
    expect(afterRejection).toHaveLength(0);
    expect([sent, again]).toEqual([true, false]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipients).toEqual([editor.email]);
    expect(mails[0]!.text).toContain(submitted.caseId);
    expect(mails[0]!.text).toContain('Cục An toàn thông tin');
    expect(mailsTo(author.email)).toHaveLength(0);
    for (const value of [fields.senderName, fields.senderEmail, fields.subject, fields.body]) {
      expect(mails[0]!.text).not.toContain(value);
      expect(mails[0]!.html).not.toContain(value);
    }
  });
});
