import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import type { ContentType } from '../content-names.ts';
import type {
  EditorCategory,
  ItemDetail,
  OwnSubmission,
  PreviewLink,
  Provenance,
  RevisionDiff,
  SaveConflict,
  SubmissionDetail,
  TransitionName,
} from './item-types.ts';

type ItemBody =
  paths['/content/items/{itemId}']['put']['requestBody']['content']['application/json'];

/** The text and fields of a revision, as the create and save routes take them. */
export type RevisionInput = Omit<ItemBody, 'tenantId' | 'baseRevisionId'>;

export type SaveOutcome =
  | { kind: 'saved'; revisionId: string; number: number; slug: string | null }
  | { kind: 'conflict'; conflict: SaveConflict };

export type TransitionInput = {
  action: TransitionName;
  note?: string;
  publishAt?: string;
  unpublishAt?: string;
  categoryId?: string;
  isSensitive?: boolean;
};

export type SubmissionText = {
  type: ContentType;
  titleVi: string;
  titleEn?: string;
  leadVi?: string;
  bodyVi: string;
  fields: Record<string, unknown>;
};

export type SubmitInput = { provenance: Provenance } & ({ sourceItemId: string } | SubmissionText);

type ResubmitBody =
  paths['/content/submissions/{itemId}/resubmit']['post']['requestBody']['content']['application/json'];

export type ResubmitInput = Omit<ResubmitBody, 'tenantId'>;

/** Checks whether a 409 means that the revision the user started from is no longer the newest. */
export function isStaleRevision(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    error.fields.some((field) => field.field === 'baseRevisionId')
  );
}

function readConflict(body: unknown): SaveConflict {
  const details = (body as { error?: { details?: Partial<SaveConflict> } } | undefined)?.error
    ?.details;

  return {
    currentRevisionId: details?.currentRevisionId ?? null,
    currentRevisionNumber: details?.currentRevisionNumber ?? null,
    savedBy: details?.savedBy ?? null,
    savedAt: details?.savedAt ?? null,
  };
}

export async function fetchItemDetail(api: ApiClient, tenantId: string, itemId: string) {
  const result = await api.call(
    api.client.GET('/content/items/{itemId}', {
      params: { path: { itemId }, query: { tenantId } },
    }),
  );

  // The schema types the actions as strings; they are names from the transition table.
  return result as ItemDetail;
}

export async function fetchCategories(api: ApiClient, tenantId: string) {
  const result = await api.call(
    api.client.GET('/content/categories', { params: { query: { tenantId } } }),
  );

  return result.categories;
}

export async function createItem(
  api: ApiClient,
  tenantId: string,
  type: ContentType,
  input: RevisionInput,
) {
  return api.call(api.client.POST('/content/items', { body: { ...input, tenantId, type } }));
}

/**
 * Saves a new revision. A 409 naming the base revision comes back as a conflict with who saved
 * the newer revision and when; every other failure throws an `ApiError`.
 */
export async function saveItem(
  api: ApiClient,
  tenantId: string,
  itemId: string,
  input: RevisionInput & { baseRevisionId: string },
): Promise<SaveOutcome> {
  const request = api.client.PUT('/content/items/{itemId}', {
    params: { path: { itemId } },
    body: { ...input, tenantId },
  });
  try {
    return { kind: 'saved', ...(await api.call(request)) };
  } catch (error) {
    if (!isStaleRevision(error)) {
      throw error;
    }
    // The request has settled, so awaiting it again only reads the parsed error body.
    const outcome = await request;
    return { kind: 'conflict', conflict: readConflict(outcome.error) };
  }
}

export async function applyTransition(
  api: ApiClient,
  tenantId: string,
  itemId: string,
  input: TransitionInput,
) {
  return api.call(
    api.client.POST('/content/items/{itemId}/transitions', {
      params: { path: { itemId } },
      body: { ...input, tenantId },
    }),
  );
}

export async function fetchDiff(
  api: ApiClient,
  tenantId: string,
  itemId: string,
  from: string,
  to: string,
) {
  return api.call(
    api.client.GET('/content/items/{itemId}/diff', {
      params: { path: { itemId }, query: { tenantId, from, to } },
    }),
  );
}

export async function restoreRevision(
  api: ApiClient,
  tenantId: string,
  itemId: string,
  revisionId: string,
  baseRevisionId: string,
) {
  return api.call(
    api.client.POST('/content/items/{itemId}/restore', {
      params: { path: { itemId } },
      body: { tenantId, revisionId, baseRevisionId },
    }),
  );
}

/**
 * Looks up the names of the portal's newest files, to show the files an item refers to.
 * NOTE: only the newest 100 files are read; an older file is shown by its id.
 */
export async function fetchMediaNames(api: ApiClient, tenantId: string) {
  const result = await api.call(
    api.client.GET('/media', { params: { query: { tenantId, pageSize: 100 } } }),
  );

  return Object.fromEntries(result.media.map((media) => [media.id, media.originalName]));
}

export async function createPreviewLink(api: ApiClient, tenantId: string, itemId: string) {
  return api.call(
    api.client.POST('/content/items/{itemId}/preview-link', {
      params: { path: { itemId } },
      body: { tenantId },
    }),
  );
}

export async function submitToMainPortal(api: ApiClient, tenantId: string, input: SubmitInput) {
  return api.call(api.client.POST('/content/submissions', { body: { ...input, tenantId } }));
}

export async function listOwnSubmissions(api: ApiClient, tenantId: string) {
  const result = await api.call(
    api.client.GET('/content/submissions', { params: { query: { tenantId } } }),
  );

  return result.submissions;
}

export async function fetchSubmission(api: ApiClient, tenantId: string, itemId: string) {
  return api.call(
    api.client.GET('/content/submissions/{itemId}', {
      params: { path: { itemId }, query: { tenantId } },
    }),
  );
}

export async function resubmit(
  api: ApiClient,
  tenantId: string,
  itemId: string,
  input: ResubmitInput,
) {
  return api.call(
    api.client.POST('/content/submissions/{itemId}/resubmit', {
      params: { path: { itemId } },
      body: { ...input, tenantId },
    }),
  );
}
