import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import { feedbackCases, feedbackEvents, type FeedbackState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { rejectionReasonOf, type FeedbackKind, type RejectionReason } from './case-labels.ts';
import { hashTrackingCode } from './tracking-code.ts';

/** What the holder of a tracking code sees: never the sender's details. */
export type PublicCaseView = {
  kind: FeedbackKind;
  subject: string;
  status: FeedbackState;
  receivedAt: Date;
  dueAt: Date | null;
  progressNotes: { note: string; occurredAt: Date }[];
  answer: { body: string; publishedAt: Date } | null;
  rejectionReason: RejectionReason | null;
};

async function findPublishedAnswer(tx: Tx, tenantId: string, caseId: string) {
  const [row] = await tx
    .select({ body: feedbackCases.answerBody, publishedAt: feedbackCases.publishedAt })
    .from(feedbackCases)
    .where(
      and(
        eq(feedbackCases.tenantId, tenantId),
        eq(feedbackCases.id, caseId),
        eq(feedbackCases.status, 'published'),
      ),
    );

  return row?.body && row.publishedAt ? { body: row.body, publishedAt: row.publishedAt } : null;
}

/**
 * Finds the case a tracking code names among the cases this portal received. A malformed
 * code, a wrong one and one of another portal all return null, so the page cannot tell them
 * apart. A case merged into another shows that case's answer once it is published.
 */
export async function lookUpCase(
  db: Db,
  tenantId: string,
  code: string,
): Promise<PublicCaseView | null> {
  const hash = hashTrackingCode(code);
  if (!hash) {
    return null;
  }

  return withTenant(db, tenantId, async (tx) => {
    // The tenant condition matters: a unit may read cases forwarded to it under row-level
    // security, but their codes belong to the portal that received them.
    const [row] = await tx
      .select()
      .from(feedbackCases)
      .where(and(eq(feedbackCases.tenantId, tenantId), eq(feedbackCases.trackingCodeHash, hash)));
    if (!row) {
      return null;
    }
    const notes = await tx
      .select({ note: feedbackEvents.note, occurredAt: feedbackEvents.occurredAt })
      .from(feedbackEvents)
      .where(
        and(
          eq(feedbackEvents.tenantId, tenantId),
          eq(feedbackEvents.caseId, row.id),
          eq(feedbackEvents.isPublic, true),
          eq(feedbackEvents.action, 'progress_note'),
        ),
      )
      .orderBy(asc(feedbackEvents.occurredAt));
    const answer =
      row.status === 'published' && row.answerBody && row.publishedAt
        ? { body: row.answerBody, publishedAt: row.publishedAt }
        : row.status === 'merged' && row.mergedIntoId
          ? await findPublishedAnswer(tx, tenantId, row.mergedIntoId)
          : null;

    return {
      kind: row.kind,
      subject: row.subject,
      status: row.status,
      receivedAt: row.receivedAt,
      dueAt: row.dueAt,
      progressNotes: notes.map((note) => ({ note: note.note ?? '', occurredAt: note.occurredAt })),
      answer,
      rejectionReason: row.status === 'rejected' ? rejectionReasonOf(row.rejectionReason) : null,
    };
  });
}

/** A published answer as the public answers page lists it: no sender data. */
export type PublishedAnswer = {
  id: string;
  kind: FeedbackKind;
  subject: string;
  topic: string | null;
  answer: string;
  receivedAt: Date;
  publishedAt: Date;
};

/** Lists the answers this portal published, newest first. */
export async function listPublishedAnswers(
  db: Db,
  tenantId: string,
  options: { limit: number; offset: number },
): Promise<PublishedAnswer[]> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        id: feedbackCases.id,
        kind: feedbackCases.kind,
        subject: feedbackCases.subject,
        topic: feedbackCases.topic,
        answer: feedbackCases.answerBody,
        receivedAt: feedbackCases.receivedAt,
        publishedAt: feedbackCases.publishedAt,
      })
      .from(feedbackCases)
      .where(
        and(
          eq(feedbackCases.tenantId, tenantId),
          eq(feedbackCases.status, 'published'),
          inArray(feedbackCases.kind, ['feedback', 'petition']),
        ),
      )
      .orderBy(desc(feedbackCases.publishedAt), desc(feedbackCases.id))
      .limit(options.limit)
      .offset(options.offset),
  );

  return rows.map((row) => ({
    ...row,
    answer: row.answer ?? '',
    publishedAt: row.publishedAt ?? row.receivedAt,
  }));
}
