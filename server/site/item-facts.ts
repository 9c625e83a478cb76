import { z } from 'zod';

import type { ContentType } from '../db/schema/index.ts';

/**
 * Readers of the type-specific fields that public pages show. Revisions are validated when
 * saved, and these schemas only pick the fields a page shows. A field the page does not know
 * never reaches it, and a revision that no longer fits shows without its facts instead of
 * failing.
 */
const isoDate = z.iso.date();
const text = z.string().trim().min(1);
const idList = z.array(z.uuid()).catch([]);

const LegalDocumentFacts = z.object({
  documentType: text,
  issuingAuthority: text,
  numberSymbol: text,
  issuedOn: isoDate,
  effectiveOn: isoDate,
  expiresOn: isoDate.optional(),
  summary: text,
  signer: text,
  legalStatus: z.enum(['in_force', 'expired']).catch('in_force'),
});

const DraftForCommentFacts = z.object({
  opensOn: isoDate,
  closesOn: isoDate,
  draftingUnit: text.optional(),
});

const AnnouncementFacts = z.object({ validUntil: isoDate.optional() });

const ProcurementNoticeFacts = z.object({
  noticeType: text,
  investor: text,
  packageName: text.optional(),
  closingAt: z.iso.datetime({ offset: true }).optional(),
});

const StatisticsReportFacts = z.object({ period: text });

const ArticleFacts = z.object({ source: text.optional() });

const MediaReferences = z.object({
  coverMediaId: z.uuid().optional().catch(undefined),
  galleryMediaIds: idList,
  attachmentMediaIds: idList,
});

/** Whether a legal document applies today. */
export type LegalState = 'not_yet_in_force' | 'in_force' | 'expired';

export const legalStateLabels: Record<LegalState, string> = {
  not_yet_in_force: 'Chưa có hiệu lực',
  in_force: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
};

/** The colour of a status badge. Its text names the state as well, so colour is never alone. */
export type BadgeTone = 'positive' | 'neutral' | 'ended';

export const legalStateTone: Record<LegalState, BadgeTone> = {
  not_yet_in_force: 'neutral',
  in_force: 'positive',
  expired: 'ended',
};

/** The phase of a consultation on a draft on a given day. */
export type CommentPhase = 'upcoming' | 'open' | 'closed';

export type ItemFacts =
  | { type: 'legal_document'; state: LegalState; fields: z.infer<typeof LegalDocumentFacts> }
  | {
      type: 'draft_for_comment';
      phase: CommentPhase;
      fields: z.infer<typeof DraftForCommentFacts>;
    }
  | {
      type: 'announcement';
      isStillValid: boolean;
      fields: z.infer<typeof AnnouncementFacts>;
    }
  | {
      type: 'procurement_notice';
      isClosed: boolean;
      closingAt: Date | undefined;
      fields: z.infer<typeof ProcurementNoticeFacts>;
    }
  | { type: 'statistics_report'; fields: z.infer<typeof StatisticsReportFacts> }
  | { type: 'article'; fields: z.infer<typeof ArticleFacts> };

/**
 * Returns a legal document's state on `today`: expired once its expiry date is reached or
 * once it is marked expired, not yet in force before its effective date.
 */
export function legalStateOf(
  fields: { effectiveOn: string; expiresOn?: string | undefined; legalStatus: string },
  today: string,
): LegalState {
  if (fields.legalStatus === 'expired' || (fields.expiresOn && fields.expiresOn <= today)) {
    return 'expired';
  }

  return fields.effectiveOn > today ? 'not_yet_in_force' : 'in_force';
}

/**
 * Returns the day a legal document stopped being in force, or null while it is in force. It
 * is the same rule as the `expiredSince` SQL of the public queries: the expiry date once
 * reached, else the day the live revision was published if that revision marks it expired.
 */
export function expiredSinceOf(
  fields: { expiresOn?: string | undefined; legalStatus: string },
  publishedDay: string | null,
  today: string,
): string | null {
  if (fields.expiresOn && fields.expiresOn <= today) {
    return fields.expiresOn;
  }

  return fields.legalStatus === 'expired' ? publishedDay : null;
}

/** Returns the phase of a consultation: open from its opening day through its closing day. */
export function commentPhaseOf(fields: { opensOn: string; closesOn: string }, today: string) {
  if (today < fields.opensOn) {
    return 'upcoming';
  }

  return today > fields.closesOn ? 'closed' : 'open';
}

/** Reads the facts a page shows for an item, or returns null when its type has none. */
export function readItemFacts(
  type: ContentType,
  fields: Record<string, unknown>,
  now: { today: string; instant: Date },
): ItemFacts | null {
  switch (type) {
    case 'legal_document': {
      const parsed = LegalDocumentFacts.safeParse(fields);
      return parsed.success
        ? { type, state: legalStateOf(parsed.data, now.today), fields: parsed.data }
        : null;
    }
    case 'draft_for_comment': {
      const parsed = DraftForCommentFacts.safeParse(fields);
      return parsed.success
        ? { type, phase: commentPhaseOf(parsed.data, now.today), fields: parsed.data }
        : null;
    }
    case 'announcement': {
      const parsed = AnnouncementFacts.safeParse(fields);
      if (!parsed.success) {
        return null;
      }
      const validUntil = parsed.data.validUntil;
      return { type, isStillValid: !validUntil || validUntil >= now.today, fields: parsed.data };
    }
    case 'procurement_notice': {
      const parsed = ProcurementNoticeFacts.safeParse(fields);
      if (!parsed.success) {
        return null;
      }
      const closingAt = parsed.data.closingAt ? new Date(parsed.data.closingAt) : undefined;
      const isClosed = closingAt !== undefined && closingAt.getTime() <= now.instant.getTime();
      return { type, isClosed, closingAt, fields: parsed.data };
    }
    case 'statistics_report': {
      const parsed = StatisticsReportFacts.safeParse(fields);
      return parsed.success ? { type, fields: parsed.data } : null;
    }
    case 'article': {
      const parsed = ArticleFacts.safeParse(fields);
      return parsed.success ? { type, fields: parsed.data } : null;
    }
    default:
      return null;
  }
}

/** The files an item's fields point at, by the role each plays on the page. */
export type MediaReferenceIds = {
  coverId: string | undefined;
  galleryIds: string[];
  attachmentIds: string[];
};

export function readMediaReferences(fields: Record<string, unknown>): MediaReferenceIds {
  const parsed = MediaReferences.parse(fields);

  return {
    coverId: parsed.coverMediaId,
    galleryIds: parsed.galleryMediaIds,
    attachmentIds: parsed.attachmentMediaIds,
  };
}
