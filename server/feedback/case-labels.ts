import type { FeedbackState } from '../db/schema/index.ts';

/**
 * Topics of petitions about administrative regulations: conduct of officials (late,
 * obstructive or incorrect handling), regulations and procedures (unsuitable, inconsistent or
 * unlawful), proposals and initiatives, and anything else.
 */
export const feedbackTopics = ['official_conduct', 'regulation', 'proposal', 'other'] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

export const topicLabels: Record<FeedbackTopic, string> = {
  official_conduct: 'Hành vi, thái độ, thời gian giải quyết của cán bộ, công chức',
  regulation: 'Quy định, thủ tục hành chính',
  proposal: 'Đề xuất, sáng kiến',
  other: 'Nội dung khác',
};

export const feedbackKinds = ['feedback', 'petition', 'draft_comment'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export const kindLabels: Record<FeedbackKind, string> = {
  feedback: 'Phản ánh',
  petition: 'Kiến nghị',
  draft_comment: 'Góp ý dự thảo',
};

/** What the sender sees for each state on the public lookup page. */
export const publicStateLabels: Record<FeedbackState, string> = {
  received: 'Đã tiếp nhận',
  classified: 'Đang phân loại, xử lý',
  forwarded: 'Đã chuyển đơn vị có thẩm quyền xử lý',
  answered: 'Đang hoàn thiện nội dung trả lời',
  published: 'Đã trả lời',
  rejected: 'Không thụ lý',
  merged: 'Đã gộp với phản ánh, kiến nghị cùng nội dung',
};

export const rejectionReasons = ['spam', 'out_of_scope', 'duplicate'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const rejectionReasonLabels: Record<RejectionReason, string> = {
  spam: 'Nội dung quảng cáo, spam hoặc không có nội dung phản ánh',
  out_of_scope: 'Không thuộc phạm vi, thẩm quyền xử lý',
  duplicate: 'Trùng với phản ánh, kiến nghị đã gửi',
};

/** The states in which a case still needs work; every other state is final. */
export const openStates: readonly FeedbackState[] = [
  'received',
  'classified',
  'forwarded',
  'answered',
];

export function isOpenState(state: FeedbackState): boolean {
  return openStates.includes(state);
}

/** Reads the reason code back from a stored rejection reason (`<code>: <text>`). */
export function rejectionReasonOf(stored: string | null): RejectionReason | null {
  const code = stored?.split(':', 1)[0];

  return rejectionReasons.find((reason) => reason === code) ?? null;
}
