import { dossierStates, type DossierState } from '../db/schema/index.ts';

export { dossierStates, type DossierState };

/**
 * The statuses a unit's system or staff may report. `done` is not stored as is: the platform
 * records it as done on time or done late by comparing the finish time with the due date.
 */
export const reportedStatuses = [
  'received',
  'in_processing',
  'additional_documents_requested',
  'paused',
  'done',
  'rejected',
  'returned',
] as const;
export type ReportedStatus = (typeof reportedStatuses)[number];

/** The statuses that close a dossier; a dossier in one of them has a finish time. */
export const terminalStates: readonly DossierState[] = [
  'done_on_time',
  'done_late',
  'rejected',
  'returned',
];

/** Vietnamese labels of the statuses, as the public pages show them. */
export const dossierStateLabels: Record<DossierState, string> = {
  received: 'Đã tiếp nhận',
  in_processing: 'Đang giải quyết',
  additional_documents_requested: 'Yêu cầu bổ sung hồ sơ',
  paused: 'Tạm dừng giải quyết',
  done_on_time: 'Đã giải quyết đúng hạn',
  done_late: 'Đã giải quyết quá hạn',
  rejected: 'Từ chối giải quyết',
  returned: 'Đã trả lại hồ sơ',
};

export function isTerminalState(status: DossierState): boolean {
  return terminalStates.includes(status);
}

/**
 * Returns the status to store for a reported one. A dossier finished at or before its due date
 * is done on time; one without a due date cannot be late.
 */
export function resolveReportedStatus(
  reported: ReportedStatus,
  occurredAt: Date,
  dueAt: Date | null,
): DossierState {
  if (reported !== 'done') {
    return reported;
  }
  const isLate = dueAt !== null && occurredAt.getTime() > dueAt.getTime();

  return isLate ? 'done_late' : 'done_on_time';
}

/** Returns whether a stored status is what a reported status resolves to. */
export function matchesReportedStatus(stored: DossierState, reported: ReportedStatus): boolean {
  if (reported === 'done') {
    return stored === 'done_on_time' || stored === 'done_late';
  }

  return stored === reported;
}

/**
 * Decides whether a new event sets the dossier's current status. Events may arrive out of
 * order, so only one that happened no earlier than the latest recorded event does. An older one
 * is kept in the history only, and on a tie the event recorded last wins.
 */
export function becomesCurrent(occurredAt: Date, latestOccurredAt: Date | null): boolean {
  return latestOccurredAt === null || occurredAt.getTime() >= latestOccurredAt.getTime();
}
