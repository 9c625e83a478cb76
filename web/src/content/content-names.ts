import type { paths } from '../api/schema';
import type { MessageKey } from '../i18n/create-i18n.ts';

type ListQuery = paths['/content/items']['get']['parameters']['query'];
export type ContentType = NonNullable<ListQuery['type']>;
export type WorkflowState = NonNullable<ListQuery['status']>;

/** The content types in the filter's order. `satisfies` rejects a name the server lacks. */
export const contentTypeNames = [
  'article',
  'announcement',
  'page',
  'legal_document',
  'draft_for_comment',
  'work_schedule',
  'procurement_notice',
  'statistics_report',
] as const satisfies readonly ContentType[];

/** The workflow states in the order an item passes through them. */
export const workflowStateNames = [
  'draft',
  'returned',
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
  'approved',
  'scheduled',
  'published',
  'updated',
  'unpublish_requested',
  'unpublished',
  'archived',
] as const satisfies readonly WorkflowState[];

// Fails the type check when the server adds a type or a state that the lists above lack.
type MissingType = Exclude<ContentType, (typeof contentTypeNames)[number]>;
type MissingState = Exclude<WorkflowState, (typeof workflowStateNames)[number]>;
const allTypesListed: [MissingType, MissingState] extends [never, never] ? true : false = true;
void allTypesListed;

export function isContentType(value: string | undefined): value is ContentType {
  return (contentTypeNames as readonly string[]).includes(value ?? '');
}

export function isWorkflowState(value: string | undefined): value is WorkflowState {
  return (workflowStateNames as readonly string[]).includes(value ?? '');
}

export const contentTypeLabel = (type: ContentType): MessageKey => `contentType.${type}`;
export const workflowStateLabel = (state: WorkflowState): MessageKey => `workflowState.${state}`;
