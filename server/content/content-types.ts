import { z } from 'zod';

import type { ContentType } from '../db/schema/index.ts';
import { calendarDate, instant } from '../api/openapi.ts';

const isoDate = calendarDate();
const mediaIds = z.array(z.uuid()).max(50).default([]);
const shortText = (max: number) => z.string().trim().min(1).max(max);

const NoFields = z.object({}).strict();

const ArticleFields = z
  .object({
    coverMediaId: z.uuid().optional(),
    galleryMediaIds: mediaIds,
    source: shortText(300).optional(),
  })
  .strict();

const AnnouncementFields = z
  .object({ validUntil: isoDate.optional(), attachmentMediaIds: mediaIds })
  .strict();

const LegalDocumentFields = z
  .object({
    documentType: shortText(100),
    issuingAuthority: shortText(300),
    numberSymbol: shortText(100),
    issuedOn: isoDate,
    effectiveOn: isoDate,
    expiresOn: isoDate.optional(),
    summary: shortText(2000),
    signer: shortText(200),
    attachmentMediaIds: mediaIds,
    legalStatus: z.enum(['in_force', 'expired']).default('in_force'),
  })
  .strict()
  .refine((fields) => fields.effectiveOn >= fields.issuedOn, {
    message: 'must not be before the issue date',
    path: ['effectiveOn'],
  })
  .refine((fields) => !fields.expiresOn || fields.expiresOn > fields.effectiveOn, {
    message: 'must be after the effective date',
    path: ['expiresOn'],
  });

const DraftForCommentFields = z
  .object({
    opensOn: isoDate,
    closesOn: isoDate,
    draftingUnit: shortText(300).optional(),
    attachmentMediaIds: mediaIds,
  })
  .strict()
  .refine((fields) => fields.closesOn >= fields.opensOn, {
    message: 'must not be before the opening date',
    path: ['closesOn'],
  });

const ScheduleEntry = z
  .object({
    date: isoDate,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 08:30'),
    content: shortText(1000),
    host: shortText(200).optional(),
    location: shortText(300).optional(),
    participants: shortText(1000).optional(),
  })
  .strict();

const WorkScheduleFields = z
  .object({
    weekStart: isoDate.refine((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1, {
      message: 'must be a Monday',
    }),
    entries: z.array(ScheduleEntry).max(200),
  })
  .strict();

const ProcurementNoticeFields = z
  .object({
    noticeType: shortText(100),
    investor: shortText(300),
    packageName: shortText(500).optional(),
    closingAt: instant().optional(),
    attachmentMediaIds: mediaIds,
  })
  .strict();

const StatisticsReportFields = z
  .object({ period: shortText(100), attachmentMediaIds: mediaIds })
  .strict();

/** The type-specific fields of each content type. */
export const contentFieldSchemas: Record<ContentType, z.ZodType<Record<string, unknown>>> = {
  page: NoFields,
  article: ArticleFields,
  announcement: AnnouncementFields,
  legal_document: LegalDocumentFields,
  draft_for_comment: DraftForCommentFields,
  work_schedule: WorkScheduleFields,
  procurement_notice: ProcurementNoticeFields,
  statistics_report: StatisticsReportFields,
};

/** The text every revision has, in Vietnamese and optionally in English. */
export const RevisionTextSchema = z.object({
  titleVi: shortText(300),
  titleEn: shortText(300).optional(),
  leadVi: z.string().trim().max(1000).optional(),
  leadEn: z.string().trim().max(1000).optional(),
  bodyVi: z.string().max(500_000).default(''),
  bodyEn: z.string().max(500_000).optional(),
});

export type RevisionText = z.input<typeof RevisionTextSchema>;

/** The media ids a revision's fields refer to, for the media usage records. */
export function mediaIdsOf(fields: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(fields)) {
    if (key.endsWith('MediaId') && typeof value === 'string') {
      ids.add(value);
    }
    if (key.endsWith('MediaIds') && Array.isArray(value)) {
      value.filter((id): id is string => typeof id === 'string').forEach((id) => ids.add(id));
    }
  }

  return [...ids];
}

/** Normalises every string in a value to NFC, so composed and decomposed input compare equal. */
export function normaliseStrings<T>(value: T): T {
  if (typeof value === 'string') {
    return value.normalize('NFC') as T;
  }
  if (Array.isArray(value)) {
    return value.map((entry) => normaliseStrings(entry)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, normaliseStrings(entry)]),
    ) as T;
  }

  return value;
}
