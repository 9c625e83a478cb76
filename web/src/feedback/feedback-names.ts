import type { paths } from '../api/schema';
import type { MessageKey } from '../i18n/create-i18n.ts';

type ListQuery = NonNullable<paths['/feedback/cases']['get']['parameters']['query']>;
type RejectBody =
  paths['/feedback/cases/{caseId}/reject']['post']['requestBody']['content']['application/json'];

export type FeedbackState = NonNullable<ListQuery['status']>;
export type FeedbackTopic = NonNullable<ListQuery['topic']>;
export type FeedbackKind = NonNullable<ListQuery['kind']>;
export type RejectionReason = RejectBody['reason'];

/** The states in the order a case passes through them. `satisfies` rejects a name the server lacks. */
export const feedbackStateNames = [
  'received',
  'classified',
  'forwarded',
  'answered',
  'published',
  'rejected',
  'merged',
] as const satisfies readonly FeedbackState[];

export const feedbackTopicNames = [
  'official_conduct',
  'regulation',
  'proposal',
  'other',
] as const satisfies readonly FeedbackTopic[];

export const rejectionReasonNames = [
  'spam',
  'out_of_scope',
  'duplicate',
] as const satisfies readonly RejectionReason[];

// Fails the type check when the server adds a state, topic or reason that the lists above lack.
type Missing = [
  Exclude<FeedbackState, (typeof feedbackStateNames)[number]>,
  Exclude<FeedbackTopic, (typeof feedbackTopicNames)[number]>,
  Exclude<RejectionReason, (typeof rejectionReasonNames)[number]>,
];
const allNamesListed: Missing extends [never, never, never] ? true : false = true;
void allNamesListed;

/** The handling steps as `availableSteps` names them. */
export type CaseStepName =
  | 'classify'
  | 'forward'
  | 'reject'
  | 'merge'
  | 'answer'
  | 'return'
  | 'approve'
  | 'publish'
  | 'progress_note';

/** A portal as the feedback API names it. */
export type PortalName = { id: string; slug: string; nameVi: string; nameEn: string | null };

/** One case of a queue, as `GET /feedback/cases` returns it: no personal data. */
export type CaseSummary = {
  id: string;
  tenantId: string;
  assignedTenantId: string | null;
  responsibleTenantId: string;
  kind: FeedbackKind;
  senderKind: 'individual' | 'organisation' | 'removed';
  subject: string;
  topic: FeedbackTopic | null;
  status: FeedbackState;
  receivedAt: string;
  dueAt: string | null;
  nextProgressDueAt: string | null;
  publishedAt: string | null;
  isAnswerOverdue: boolean;
  isProgressOverdue: boolean;
  answerWorkingDaysLeft: number | null;
  answerWorkingDaysOverdue: number | null;
};

export type CaseList = { cases: CaseSummary[]; total: number; units: PortalName[] };

export type CaseEvent = {
  id: string;
  action: CaseStepName | 'receive' | 'reminder' | 'remove_personal_data';
  fromState: FeedbackState | null;
  toState: FeedbackState;
  note: string | null;
  isPublic: boolean;
  actorUserId: string | null;
  actorName: string | null;
  assignedTenantId: string | null;
  occurredAt: string;
};

/** A case for the staff handling it, as `GET /feedback/cases/{caseId}` returns it. */
export type CaseDetail = CaseSummary & {
  body: string;
  sender: {
    name: string | null;
    email: string | null;
    phone: string | null;
    organisation: string | null;
    consentAt: string;
    personalDataRemovedAt: string | null;
  };
  /** Every attachment's id; a unit the case was forwarded to gets these but not the files. */
  attachmentMediaIds: string[];
  attachments: { id: string; originalName: string; contentType: string; sizeBytes: number }[];
  answer: string | null;
  answeredAt: string | null;
  rejectionReason: string | null;
  mergedIntoId: string | null;
  events: CaseEvent[];
  availableSteps: CaseStepName[];
  units: PortalName[];
  forwardTargets: PortalName[];
};

export function isFeedbackState(value: string | undefined): value is FeedbackState {
  return (feedbackStateNames as readonly string[]).includes(value ?? '');
}

export function isFeedbackTopic(value: string | undefined): value is FeedbackTopic {
  return (feedbackTopicNames as readonly string[]).includes(value ?? '');
}

export const stateLabel = (state: FeedbackState): MessageKey => `feedback.state.${state}`;
export const topicLabel = (topic: FeedbackTopic): MessageKey => `feedback.topic.${topic}`;
export const kindLabel = (kind: FeedbackKind): MessageKey => `feedback.kind.${kind}`;
export const reasonLabel = (reason: RejectionReason): MessageKey => `feedback.reason.${reason}`;
export const senderKindLabel = (kind: CaseSummary['senderKind']): MessageKey =>
  `feedback.senderKind.${kind}`;
export const eventLabel = (action: CaseEvent['action']): MessageKey => `feedback.event.${action}`;

/**
 * Returns a short reference of a case for lists and conversation: the first eight digits of its
 * id. Staff never see the tracking code, because only its hash is stored.
 */
export function caseReference(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}
