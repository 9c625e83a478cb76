import { instant, z } from '../api/openapi.ts';
import { reportedStatuses } from './dossier-status.ts';
import { phoneDigits } from './lookup-secret.ts';
import { serviceCodePattern } from './service-schemas.ts';

/**
 * Dossier codes as units' systems issue them, e.g. `000.00.12.H01-260304-0001`. Stored and
 * looked up in upper case, so the applicant may type either.
 */
export const dossierCodePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export const DossierCodeSchema = z
  .string()
  .trim()
  .regex(dossierCodePattern, 'must be 3 to 64 letters, digits, dots, hyphens or underscores')
  .toUpperCase();

/** Event ids that the platform gives its own events; a caller's id may not start with them. */
export const reservedEventIdPrefixes = ['platform:', 'admin:'] as const;

const text = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);

export const ApplicantSchema = z.object({
  name: text(200),
  /** The phone number given at submission; its last four digits open the public lookup. */
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((phone) => /^\+?[\d\s().-]+$/.test(phone), 'must contain only digits and separators')
    .refine((phone) => {
      const count = phoneDigits(phone).length;
      return count >= 8 && count <= 15;
    }, 'must have 8 to 15 digits'),
  email: z.email().max(320).optional(),
  idNumber: z.string().trim().min(6).max(20).optional(),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

/** A dossier received by a unit, as its own system or its staff report it. */
export const CreateDossierSchema = z.object({
  code: DossierCodeSchema,
  serviceCode: z.string().trim().regex(serviceCodePattern, 'is not a valid service code'),
  /** When the dossier was received, with its UTC offset, e.g. `2026-03-02T09:15:00+07:00`. */
  receivedAt: instant(),
  applicant: ApplicantSchema,
});
export type CreateDossierInput = z.infer<typeof CreateDossierSchema>;

/** One step in the handling of a dossier, sent by the unit's system. */
export const DossierEventSchema = z.object({
  /** The caller's own id of this event; sending it again is a replay, not a second event. */
  eventId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1 to 128 letters, digits or . _ : -')
    .refine(
      (id) => !reservedEventIdPrefixes.some((prefix) => id.startsWith(prefix)),
      `must not start with ${reservedEventIdPrefixes.join(' or ')}`,
    ),
  /** `done` is recorded as done on time or done late, from the due date. */
  status: z.enum(reportedStatuses),
  occurredAt: instant(),
  note: text(2000).optional(),
});
export type DossierEventInput = z.infer<typeof DossierEventSchema>;
