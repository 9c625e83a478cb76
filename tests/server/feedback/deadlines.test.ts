import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { feedbackCases, jobs } from '../../../server/db/schema/index.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import {
  computeAnswerDueAt,
  computeProgressDueAt,
  loadFeedbackDeadlines,
} from '../../../server/feedback/deadlines.ts';
import type { FeedbackDependencies } from '../../../server/feedback/dependencies.ts';
import { submitFeedback } from '../../../server/feedback/intake.ts';
import type { DeadlineReminder } from '../../../server/feedback/notifier.ts';
import { sendDeadlineReminder } from '../../../server/feedback/reminders.ts';
import { loadWorkingCalendar, type WorkingCalendar } from '../../../server/workflow/calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { testWorkflow } from '../../helpers/workflow.ts';

/** An instant given in Vietnam's local time. */
const local = (dateTime: string) => new Date(`${dateTime}+07:00`);

describe('feedback deadlines', () => {
  let calendar: WorkingCalendar;

  beforeAll(async () => {
    calendar = await loadWorkingCalendar();
  });

  it('counts 20 calendar days and moves a deadline off Tết', () => {
    // 26/1/2026 + 20 days is Sunday 15/2, inside the Tết break (14/2 to 22/2).
    const dueAt = computeAnswerDueAt(calendar, local('2026-01-26T10:00:00'), 20);

    expect(dueAt).toEqual(local('2026-02-23T17:00:00'));
  });

  it('ends on the 20th day when that day is a working day', () => {
    const dueAt = computeAnswerDueAt(calendar, local('2026-03-02T08:30:00'), 20);

    expect(dueAt).toEqual(local('2026-03-23T17:00:00'));
  });

  it('counts progress notes in working days across Tết', () => {
    // Received Tuesday 10/2: 11, 12, 13 count, the break does not, then 23 to 26.
    const dueAt = computeProgressDueAt(calendar, local('2026-02-10T15:00:00'), 7);

    expect(dueAt).toEqual(local('2026-02-26T17:00:00'));
  });

  it('has no deadline where the holiday calendar ends', () => {
    expect(computeAnswerDueAt(calendar, local('2030-06-01T09:00:00'), 20)).toBeNull();
  });
});

describe('feedback reminders', () => {
  let database: TestDatabase;
  let deps: FeedbackDependencies;
  let tenantId: string;
  const reminders: DeadlineReminder[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    tenantId = (await createTenant(database.db, { slug: 'mic', kind: 'main' })).id;
    deps = {
      ...testWorkflow(database.db).deps,
      notifier: {
        canMailSenders: false,
        sendTrackingCode: async () => {},
        remindStaff: async (reminder) => {
          reminders.push(reminder);
        },
      },
    };
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function submitAt(receivedAt: Date) {
    return submitFeedback(deps, {
      tenantId,
      kind: 'petition',
      intake: {
        kind: 'petition',
        senderName: 'Lê Thị Hồng',
        senderEmail: 'le.thi.hong@example.vn',
        senderPhone: null,
        senderOrganisation: null,
        subject: 'Kiến nghị gửi trước Tết',
        body: 'Đề nghị rút ngắn thời gian giải quyết hồ sơ trong dịp cuối năm.',
      },
      attachmentMediaIds: [],
      challenge: { signature: `test:${receivedAt.toISOString()}`, expiresAt: new Date() },
      requestId: 'test-request',
      receivedAt,
    });
  }

  it('stores both deadlines of a case received before Tết', async () => {
    const submitted = await submitAt(local('2026-02-10T15:00:00'));
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(feedbackCases).where(eq(feedbackCases.id, submitted.caseId)),
    );

    const deadlines = await withTenant(database.db, tenantId, (tx) =>
      loadFeedbackDeadlines(tx, tenantId),
    );

    expect(deadlines).toEqual({ answerWithinDays: 20, progressEveryWorkingDays: 7 });
    // 10/2 + 20 days is Monday 2/3, a working day.
    expect(row?.dueAt).toEqual(local('2026-03-02T17:00:00'));
    expect(row?.nextProgressDueAt).toEqual(local('2026-02-26T17:00:00'));
  });

  it('enqueues a reminder before each deadline', async () => {
    const submitted = await submitAt(local('2026-01-26T10:00:00'));
    const queued = await database.db
      .select({ runAt: jobs.runAt, payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.kind, 'feedback.reminder'), eq(jobs.tenantId, tenantId)));
    const forCase = queued.filter((job) => job.payload.caseId === submitted.caseId);
    const answer = forCase.find((job) => job.payload.deadline === 'answer');

    expect(forCase).toHaveLength(2);
    // Three days before Monday 23/2 17:00; in the past here, so it runs at once.
    expect(answer?.payload.dueAt).toBe(local('2026-02-23T17:00:00').toISOString());
  });

  it('sends a reminder once, and none for a moved deadline', async () => {
    const submitted = await submitAt(local('2026-03-02T09:00:00'));
    const payload = {
      caseId: submitted.caseId,
      deadline: 'answer',
      dueAt: submitted.dueAt!.toISOString(),
    };

    const first = await sendDeadlineReminder(deps, tenantId, payload);
    const again = await sendDeadlineReminder(deps, tenantId, payload);
    const moved = await sendDeadlineReminder(deps, tenantId, {
      ...payload,
      dueAt: new Date(0).toISOString(),
    });
    const events = await queryRows<{ action: string }>(
      database.db,
      sql`select action from feedback_events where case_id = ${submitted.caseId} order by occurred_at`,
    );

    expect([first, again, moved]).toEqual([true, false, false]);
    expect(events.map((event) => event.action)).toEqual(['receive', 'reminder']);
    expect(reminders.map((reminder) => reminder.caseId)).toEqual([submitted.caseId]);
  });
});
