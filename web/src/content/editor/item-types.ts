// The content API's responses, from the generated schema. Only what the schema cannot express
// is added here: the allowed actions are names from the one transition table.
import type { TransitionName } from '../../../../server/workflow/transitions.ts';
import type { components } from '../../api/schema';

export type { TransitionName };

type Schemas = components['schemas'];

/** The sender of a unit's item to the main portal, and the purpose. */
export type Provenance = NonNullable<Schemas['Provenance']>;

/** `GET /content/items/{itemId}`. */
export type ItemDetail = Omit<Schemas['ContentItemDetail'], 'allowedActions'> & {
  allowedActions: TransitionName[];
};

export type EditorItem = ItemDetail['item'];
// The generator marks the shared revision schema nullable, because one route may send none.
export type Revision = NonNullable<Schemas['ContentRevision']>;
export type RevisionSummary = ItemDetail['revisions'][number];

/**
 * One step in an item's history. The item route names the actor by user id and name; the
 * unit's view of a submission leaves the actor out.
 */
export type WorkflowEvent = Schemas['ContentSubmissionDetail']['events'][number] & {
  actorUserId?: string | null;
  actorName?: string | null;
};

/** `GET /content/items/{itemId}/diff`. */
export type RevisionDiff = Schemas['ContentRevisionDiff'];
export type DiffField = RevisionDiff['fields'][number];

/** A field compared side by side: one of the server's diff, or one the admin compared itself. */
export type ComparedField = Omit<DiffField, 'parts'> & { parts: DiffPart[] };

/** A part of a word diff; the parts the admin computes itself leave the flags out when false. */
export type DiffPart = { value: string; added?: boolean; removed?: boolean };

/** One entry of `GET /content/categories`. */
export type EditorCategory = Schemas['ContentCategoryList']['categories'][number];

/** The 409 body's `details` when someone saved a newer revision first. */
export type SaveConflict = {
  currentRevisionId: string | null;
  currentRevisionNumber: number | null;
  savedBy: string | null;
  savedAt: string | null;
};

/** One entry of `GET /content/submissions`: an item the unit sent to the main portal. */
export type OwnSubmission = Schemas['ContentSubmissionList']['submissions'][number];

/** `GET /content/submissions/{itemId}`: the submission's current text and its history. */
export type SubmissionDetail = Schemas['ContentSubmissionDetail'];

/** The text of a revision, as both the item and the submission routes send it. */
export type RevisionText = Pick<
  Revision,
  'id' | 'number' | 'titleVi' | 'titleEn' | 'leadVi' | 'leadEn' | 'bodyVi' | 'bodyEn' | 'fields'
>;

export type PreviewLink = Schemas['ContentPreviewLink'];
