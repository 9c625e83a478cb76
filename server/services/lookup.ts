import { and, eq } from 'drizzle-orm';

import { services, type DossierState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { listDossierEvents } from './dossier-queries.ts';
import { dossierStateLabels } from './dossier-status.ts';
import { findDossierByCode } from './dossiers.ts';
import { hashLookupSecret, isSameHash } from './lookup-secret.ts';
import type { UnitRef } from './statistics.ts';

/**
 * A dossier as the public lookup shows it: its progress and nothing about the applicant. The
 * history carries statuses and times only, since staff notes may name people.
 */
export type PublicDossierView = {
  code: string;
  unit: { slug: string; nameVi: string };
  service: { code: string; nameVi: string };
  status: DossierState;
  statusLabel: string;
  receivedOn: string;
  dueAt: Date | null;
  finishedAt: Date | null;
  history: { status: DossierState; statusLabel: string; occurredAt: Date }[];
};

/** A hash no dossier has, compared when the code matches nothing, so both cases cost the same. */
const unmatchableHash = '0'.repeat(64);

async function findInUnit(db: Db, unit: UnitRef, code: string, digits: string) {
  return withTenant(db, unit.id, async (tx) => {
    const dossier = await findDossierByCode(tx, unit.id, code);
    const expected = dossier?.lookupSecretHash ?? unmatchableHash;
    const isMatch = isSameHash(expected, hashLookupSecret(unit.id, code, digits));
    if (!dossier || !isMatch) {
      return null;
    }
    const [service] = await tx
      .select({ code: services.code, nameVi: services.nameVi })
      .from(services)
      .where(and(eq(services.tenantId, unit.id), eq(services.id, dossier.serviceId)));
    const events = await listDossierEvents(tx, dossier);
    const view: PublicDossierView = {
      code: dossier.code,
      unit: { slug: unit.slug, nameVi: unit.nameVi },
      service: { code: service?.code ?? '', nameVi: service?.nameVi ?? '' },
      status: dossier.status,
      statusLabel: dossierStateLabels[dossier.status],
      receivedOn: dossier.receivedOn,
      dueAt: dossier.dueAt,
      finishedAt: dossier.finishedAt,
      history: events.map((event) => ({
        status: event.status,
        statusLabel: dossierStateLabels[event.status],
        occurredAt: event.occurredAt,
      })),
    };

    return view;
  });
}

/**
 * Looks a dossier up by its code and the last four digits of the applicant's phone, in each of
 * `units` in turn. A member portal passes itself and the main portal every unit. Returns null
 * both for an unknown code and for wrong digits, so the result is the same in both cases.
 */
export async function lookUpDossier(
  db: Db,
  units: readonly UnitRef[],
  code: string,
  digits: string,
): Promise<PublicDossierView | null> {
  for (const unit of units) {
    const view = await findInUnit(db, unit, code, digits);
    if (view) {
      return view;
    }
  }

  return null;
}
