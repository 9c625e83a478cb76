import type { Db } from '../db/types.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import type { NationalTarget } from './national-portal.ts';

/** The process resources that the dossier commands use. */
export type ServiceDependencies = {
  db: Db;
  /** The holiday calendar that due dates are counted on. */
  getCalendar: () => Promise<WorkingCalendar>;
  /** The national systems with an endpoint configured; deliveries are queued for these only. */
  nationalTargets: readonly NationalTarget[];
};

/** The source of a change to a dossier, for its history and the audit log. */
export type DossierOrigin = {
  source: 'admin' | 'inbound';
  /** The staff member who made the change; null for a call of the inbound API. */
  actorUserId: string | null;
  /** The integration token of an inbound call. */
  tokenId?: string | undefined;
  ipAddress: string | null;
  requestId: string;
};
