import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { feedbackCases } from '../../../server/db/schema/index.ts';
import {
  answerCase,
  approveAnswer,
  classifyCase,
  publishAnswer,
} from '../../../server/feedback/case-commands.ts';
import type { FeedbackDependencies } from '../../../server/feedback/dependencies.ts';
import {
  enqueueFeedbackRetentionRun,
  registerFeedbackJobs,
} from '../../../server/feedback/jobs.ts';
import { createLogOnlyNotifier } from '../../../server/feedback/notifier.ts';
import { JobWorker } from '../../../server/jobs/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { actingAs, tenantRef, testWorkflow } from '../../helpers/workflow.ts';
import { lookUp, postForm, trackingCodeIn, validFields } from './feedback-test-kit.ts';

describe('personal data of senders', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let deps: FeedbackDependencies;
  let main: TenantRef;
  let standing: ActingContext;
  const host = testRootDomain;
  const sender = {
    senderName: 'Phạm Quốc Bảo',
    senderEmail: 'pham.quoc.bao@example.vn',
    senderPhone: '0987 654 321',
    senderOrganisation: 'Hợp tác xã Bảo An',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    main = tenantRef(await createTenant(database.db, { slug: 'mic', kind: 'main' }));
    testApp = buildTestApp(database.db, { trustProxy: true });
    const log = createLogger({ logLevel: 'silent' });
    deps = { ...testWorkflow(database.db).deps, notifier: createLogOnlyNotifier(log) };
    standing = actingAs(randomUUID(), { board: ['standing_staff'] });
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function publishedCase(subject: string) {
    const result = await postForm(testApp, host, validFields({ ...sender, subject }));
    const code = trackingCodeIn(result.html);
    const [row] = await database.db
      .select({ id: feedbackCases.id })
      .from(feedbackCases)
      .where(eq(feedbackCases.subject, subject));
    const caseId = row!.id;
    await classifyCase(deps, standing, main, caseId, { topic: 'regulation' });
    await answerCase(deps, standing, main, caseId, {
      answer: 'Nội dung trả lời đã được Cổng công khai theo quy định.',
    });
    await approveAnswer(deps, standing, main, caseId, {});
    await publishAnswer(deps, standing, main, caseId);

    return { code, caseId };
  }

  function expectNoSenderData(html: string) {
    for (const value of Object.values(sender)) {
      expect(html).not.toContain(value);
    }
  }

  it('never shows sender details on public pages', async () => {
    const { code } = await publishedCase('Kiến nghị về phí thẩm định hồ sơ');

    const lookup = await lookUp(testApp, host, code);
    const answers = await (await testApp.request(host, '/tra-loi-phan-anh')).text();

    expect(lookup.html).toContain('Nội dung trả lời đã được Cổng công khai');
    expect(answers).toContain('Kiến nghị về phí thẩm định hồ sơ');
    expectNoSenderData(lookup.html);
    expectNoSenderData(answers);
  });

  it('removes sender details after the retention period and keeps the case', async () => {
    const recent = await publishedCase('Phản ánh đóng gần đây');
    const old = await publishedCase('Phản ánh đóng từ lâu');
    await database.db.execute(
      sql`update feedback_cases set published_at = now() - interval '3 years'
           where id = ${old.caseId}`,
    );
    const worker = new JobWorker({ db: database.db, log: createLogger({ logLevel: 'silent' }) });
    registerFeedbackJobs(worker, deps, testApp.mediaStore);
    await enqueueFeedbackRetentionRun(database.db, new Date());

    await worker.runOnce();
    const rows = await database.db
      .select()
      .from(feedbackCases)
      .where(sql`${feedbackCases.id} in (${old.caseId}, ${recent.caseId})`);
    const cleared = rows.find((row) => row.id === old.caseId)!;
    const kept = rows.find((row) => row.id === recent.caseId)!;
    const lookup = await lookUp(testApp, host, old.code);

    expect(cleared.senderName).toBeNull();
    expect(cleared.senderEmail).toBeNull();
    expect(cleared.senderPhone).toBeNull();
    expect(cleared.senderOrganisation).toBeNull();
    expect(cleared.personalDataRemovedAt).not.toBeNull();
    expect(cleared.subject).toBe('Phản ánh đóng từ lâu');
    expect(cleared.answerBody).toContain('Nội dung trả lời');
    expect(kept.senderName).toBe(sender.senderName);
    expect(lookup.status).toBe(200);
  });
});
