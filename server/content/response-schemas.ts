import { z } from '../api/openapi.ts';
import { contentTypes, workflowStates } from '../db/schema/index.ts';
import { transitionNames } from '../workflow/transitions.ts';

// The bodies the content routes return, named in the OpenAPI document so the admin's generated
// types follow every change here.

const timestamp = z.string().describe('ISO 8601 time');
const contentType = z.enum(contentTypes);
const workflowState = z.enum(workflowStates);
const fields = z.record(z.string(), z.unknown());

export const ProvenanceSchema = z
  .object({
    senderName: z.string(),
    senderTitle: z.string(),
    senderEmail: z.string().optional(),
    senderPhone: z.string().optional(),
    purpose: z.string(),
    sourceItemId: z.string().optional(),
  })
  .openapi('Provenance');

export const ItemSummarySchema = z
  .object({
    id: z.uuid(),
    type: contentType,
    slug: z.string(),
    status: workflowState,
    titleVi: z.string(),
    categoryId: z.uuid().nullable(),
    sourceTenantId: z.uuid().nullable(),
    isSensitive: z.boolean(),
    dueAt: timestamp.nullable(),
    publishAt: timestamp.nullable(),
    unpublishAt: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    updatedAt: timestamp,
    createdBy: z.uuid().nullable(),
  })
  .openapi('ContentItemSummary');

export const ItemListSchema = z
  .object({ items: z.array(ItemSummarySchema), total: z.number().int() })
  .openapi('ContentItemList');

export const RevisionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    titleVi: z.string(),
    titleEn: z.string().nullable(),
    leadVi: z.string().nullable(),
    leadEn: z.string().nullable(),
    bodyVi: z.string(),
    bodyEn: z.string().nullable(),
    fields,
    basedOnRevisionId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp,
  })
  .openapi('ContentRevision');

const WorkflowEventSchema = z.object({
  action: z.string(),
  fromState: workflowState.nullable(),
  toState: workflowState,
  note: z.string().nullable(),
  occurredAt: timestamp,
});

export const ItemDetailSchema = z
  .object({
    item: ItemSummarySchema.extend({ provenance: ProvenanceSchema.nullable() }),
    currentRevision: RevisionSchema.nullable(),
    publishedRevisionId: z.uuid().nullable(),
    revisions: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        createdBy: z.uuid().nullable(),
        createdByName: z.string().nullable(),
        createdAt: timestamp,
      }),
    ),
    events: z.array(
      WorkflowEventSchema.extend({
        actorUserId: z.uuid().nullable(),
        actorName: z.string().nullable(),
      }),
    ),
    allowedActions: z.array(z.enum(transitionNames as [string, ...string[]])),
  })
  .openapi('ContentItemDetail');

export const CreatedSchema = z
  .object({ itemId: z.uuid(), revisionId: z.uuid(), slug: z.string() })
  .openapi('ContentItemCreated');

export const SavedSchema = z
  .object({ revisionId: z.uuid(), number: z.number().int(), slug: z.string() })
  .openapi('ContentRevisionSaved');

export const RestoredSchema = z
  .object({ revisionId: z.uuid(), number: z.number().int() })
  .openapi('ContentRevisionRestored');

export const DiffSchema = z
  .object({
    from: z.object({ id: z.uuid(), number: z.number().int() }),
    to: z.object({ id: z.uuid(), number: z.number().int() }),
    fields: z.array(
      z.object({
        field: z.string(),
        before: z.string(),
        after: z.string(),
        isChanged: z.boolean(),
        parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
      }),
    ),
  })
  .openapi('ContentRevisionDiff');

export const TransitionedSchema = z
  .object({ id: z.uuid(), status: workflowState, dueAt: timestamp.nullable() })
  .openapi('ContentItemTransitioned');

export const PreviewLinkSchema = z
  .object({ url: z.string(), expiresAt: timestamp })
  .openapi('ContentPreviewLink');

export const CategoryListSchema = z
  .object({
    categories: z.array(
      z.object({
        id: z.uuid(),
        parentId: z.uuid().nullable(),
        slug: z.string(),
        nameVi: z.string(),
        nameEn: z.string().nullable(),
        isStanding: z.boolean(),
        deadline: z
          .object({
            amount: z.number(),
            unit: z.enum(['working_days', 'working_hours']),
            from: z.enum(['signing', 'submission']),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('ContentCategoryList');

export const SubmittedSchema = z
  .object({ itemId: z.uuid(), status: workflowState })
  .openapi('ContentSubmitted');

export const ResubmittedSchema = SubmittedSchema.extend({ revisionId: z.uuid() }).openapi(
  'ContentResubmitted',
);

export const SubmissionListSchema = z
  .object({
    submissions: z.array(
      z.object({
        id: z.uuid(),
        type: contentType,
        titleVi: z.string(),
        status: workflowState,
        provenance: ProvenanceSchema.nullable(),
        dueAt: timestamp.nullable(),
        submittedAt: timestamp,
        notes: z.array(z.object({ action: z.string(), note: z.string(), occurredAt: timestamp })),
      }),
    ),
  })
  .openapi('ContentSubmissionList');

export const SubmissionDetailSchema = z
  .object({
    item: z.object({
      id: z.uuid(),
      type: contentType,
      status: workflowState,
      provenance: ProvenanceSchema.nullable(),
      dueAt: timestamp.nullable(),
      submittedAt: timestamp,
      updatedAt: timestamp,
    }),
    revision: RevisionSchema.omit({ basedOnRevisionId: true, createdBy: true }).nullable(),
    events: z.array(WorkflowEventSchema),
  })
  .openapi('ContentSubmissionDetail');

export const ReviewQueueSchema = z
  .object({
    items: z.array(
      ItemSummarySchema.extend({
        source: z.object({ slug: z.string(), nameVi: z.string().nullable() }).nullable(),
        provenance: ProvenanceSchema.nullable(),
        ageHours: z.number().int(),
        isOverdue: z.boolean(),
      }),
    ),
  })
  .openapi('ContentReviewQueue');
