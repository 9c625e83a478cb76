import type { CaseDetail } from './feedback-names.ts';

/** The props of every step's dialog: the case, the portal acting on it, and what follows. */
export type StepDialogBaseProps = {
  detail: CaseDetail;
  /** The portal the user works on, which the step acts for. */
  tenantId: string;
  /** Called once the server has taken the step. */
  onDone: () => void;
  onClose: () => void;
};

/** Returns the key of a step's draft, per user, step and case, so two cases never share one. */
export function stepDraftKey(userId: string | undefined, step: string, caseId: string) {
  return `${userId}.feedback-${step}.${caseId}`;
}
