import type { ContentType } from '../content-names.ts';

/**
 * One type-specific field of the item form. The names and limits follow `contentFieldSchemas`
 * in `server/content/content-types.ts`; a test compares the two, so a field the server adds or
 * drops fails it.
 */
export type FieldDefinition =
  | { name: string; kind: 'text'; isRequired: boolean; maxLength: number; suggests?: boolean }
  | { name: string; kind: 'textarea'; isRequired: boolean; maxLength: number }
  | { name: string; kind: 'date'; isRequired: boolean }
  /** An instant sent with the +07:00 offset, typed as Vietnam's wall-clock time. */
  | { name: string; kind: 'datetime'; isRequired: boolean }
  | { name: string; kind: 'select'; options: readonly string[]; defaultValue: string }
  | { name: string; kind: 'media'; accept: 'image' | 'any'; isMultiple: boolean }
  | { name: string; kind: 'schedule' };

const attachments: FieldDefinition = {
  name: 'attachmentMediaIds',
  kind: 'media',
  accept: 'any',
  isMultiple: true,
};

export const legalStatuses = ['in_force', 'expired'] as const;

/** The type-specific fields of each content type, in the order the form shows them. */
export const typeFieldDefinitions: Record<ContentType, readonly FieldDefinition[]> = {
  page: [],
  article: [
    { name: 'coverMediaId', kind: 'media', accept: 'image', isMultiple: false },
    { name: 'galleryMediaIds', kind: 'media', accept: 'image', isMultiple: true },
    { name: 'source', kind: 'text', isRequired: false, maxLength: 300 },
  ],
  announcement: [{ name: 'validUntil', kind: 'date', isRequired: false }, attachments],
  legal_document: [
    { name: 'documentType', kind: 'text', isRequired: true, maxLength: 100, suggests: true },
    { name: 'numberSymbol', kind: 'text', isRequired: true, maxLength: 100 },
    { name: 'issuingAuthority', kind: 'text', isRequired: true, maxLength: 300 },
    { name: 'signer', kind: 'text', isRequired: true, maxLength: 200 },
    { name: 'issuedOn', kind: 'date', isRequired: true },
    { name: 'effectiveOn', kind: 'date', isRequired: true },
    { name: 'expiresOn', kind: 'date', isRequired: false },
    { name: 'legalStatus', kind: 'select', options: legalStatuses, defaultValue: 'in_force' },
    { name: 'summary', kind: 'textarea', isRequired: true, maxLength: 2000 },
    attachments,
  ],
  draft_for_comment: [
    { name: 'opensOn', kind: 'date', isRequired: true },
    { name: 'closesOn', kind: 'date', isRequired: true },
    { name: 'draftingUnit', kind: 'text', isRequired: false, maxLength: 300 },
    attachments,
  ],
  work_schedule: [
    { name: 'weekStart', kind: 'date', isRequired: true },
    { name: 'entries', kind: 'schedule' },
  ],
  procurement_notice: [
    { name: 'noticeType', kind: 'text', isRequired: true, maxLength: 100 },
    { name: 'investor', kind: 'text', isRequired: true, maxLength: 300 },
    { name: 'packageName', kind: 'text', isRequired: false, maxLength: 500 },
    { name: 'closingAt', kind: 'datetime', isRequired: false },
    attachments,
  ],
  statistics_report: [
    { name: 'period', kind: 'text', isRequired: true, maxLength: 100 },
    attachments,
  ],
};

/** The fields of one work-schedule entry; `date`, `time` and `content` are required. */
export const scheduleEntryFields = [
  'date',
  'time',
  'content',
  'host',
  'location',
  'participants',
] as const;

export type ScheduleEntryField = (typeof scheduleEntryFields)[number];
export type ScheduleEntryValues = Record<ScheduleEntryField, string>;

export const scheduleEntryLimits: Record<ScheduleEntryField, number> = {
  date: 10,
  time: 5,
  content: 1000,
  host: 200,
  location: 300,
  participants: 1000,
};

export const requiredScheduleEntryFields: readonly ScheduleEntryField[] = [
  'date',
  'time',
  'content',
];

/** Common kinds of legal document, offered while typing; other kinds may be typed too. */
export const documentTypeSuggestions = [
  'Luật',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Thông tư',
  'Chỉ thị',
  'Kế hoạch',
  'Công văn',
] as const;
