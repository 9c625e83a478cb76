import { z } from '../api/openapi.ts';
import { nationalTargets } from './national-portal.ts';

/** Letters, digits, dots, hyphens and underscores, e.g. `1.004424` or `ais-ma-so-quang-cao`. */
export const serviceCodePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const text = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);
const textList = (maxItems: number, maxLength: number) =>
  z.array(text(maxLength)).max(maxItems).default([]);

/** The ways an applicant may hand in a dossier or receive the result. */
export const deliveryModes = ['in_person', 'post', 'online'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/**
 * The parts of an administrative procedure's published record that have no column of their
 * own: steps, submission and return modes, applicants, result, conditions, forms, legal basis
 * and the decision that published the procedure.
 */
export const ServiceDetailsSchema = z
  .object({
    steps: textList(30, 1000),
    submissionModes: z.array(z.enum(deliveryModes)).max(3).default([]),
    returnModes: z.array(z.enum(deliveryModes)).max(3).default([]),
    targetApplicants: text(1000).optional(),
    result: text(1000).optional(),
    conditions: text(3000).optional(),
    forms: textList(20, 500),
    legalBasis: textList(30, 500),
    publishingDecision: text(500).optional(),
    /** The national systems that receive this service's dossier statuses. */
    nationalTargets: z.array(z.enum(nationalTargets)).max(2).default(['public_service_portal']),
  })
  .strict();
export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;

/** The editable fields of a service, without the rule that ties provision to legacy level. */
export const ServiceFieldsSchema = z.object({
  code: z.string().trim().regex(serviceCodePattern, 'must be letters, digits, dots or hyphens'),
  nameVi: text(500),
  nameEn: text(500).optional(),
  procedureName: text(500),
  /** Full-process (toàn trình) or partial (một phần); derived from `legacyLevel` if absent. */
  provision: z.enum(['full', 'partial']).optional(),
  /** The level 1–4 of the older classification, kept for historical data. */
  legacyLevel: z.number().int().min(1).max(4).optional(),
  field: text(200),
  agency: text(300),
  fees: text(1000).optional(),
  processingDays: z.number().int().min(0).max(365),
  requiredDocuments: textList(50, 500),
  howToApply: text(5000).optional(),
  externalUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  details: ServiceDetailsSchema.default(ServiceDetailsSchema.parse({})),
});

/** Adds the rule that a service states its provision or a legacy level to derive it from. */
export function requireProvision<
  T extends z.ZodType<{ provision?: unknown; legacyLevel?: unknown }>,
>(schema: T) {
  return schema.refine(
    (input) => input.provision !== undefined || input.legacyLevel !== undefined,
    {
      message: 'give provision, or legacyLevel to derive it from',
      path: ['provision'],
    },
  );
}

/** The editable fields of a service, for creating and for updating one. */
export const ServiceInputSchema = requireProvision(ServiceFieldsSchema);
export type ServiceInput = z.infer<typeof ServiceFieldsSchema>;

/**
 * Maps a level of the older classification onto the current pair. Level 4 (online submission,
 * payment and result) meets the full-process definition; levels 1–3 leave a step offline.
 */
export function provisionFromLegacyLevel(level: number): 'full' | 'partial' {
  return level === 4 ? 'full' : 'partial';
}

export const provisionLabels = { full: 'Toàn trình', partial: 'Một phần' } as const;

export const deliveryModeLabels: Record<DeliveryMode, string> = {
  in_person: 'Trực tiếp',
  post: 'Qua dịch vụ bưu chính',
  online: 'Trực tuyến',
};

/** Returns the columns of a `services` row that a service input sets. */
export function toServiceColumns(input: ServiceInput) {
  return {
    code: input.code,
    nameVi: input.nameVi,
    nameEn: input.nameEn ?? null,
    procedureName: input.procedureName,
    provision: input.provision ?? provisionFromLegacyLevel(input.legacyLevel!),
    legacyLevel: input.legacyLevel ?? null,
    field: input.field,
    agency: input.agency,
    fees: input.fees ?? null,
    processingDays: input.processingDays,
    requiredDocuments: input.requiredDocuments,
    howToApply: input.howToApply ?? null,
    externalUrl: input.externalUrl ?? null,
    details: input.details,
  };
}

/** Reads a stored `details` column, filling the defaults of fields added since it was saved. */
export function readServiceDetails(details: Record<string, unknown>): ServiceDetails {
  const parsed = ServiceDetailsSchema.safeParse(details);

  return parsed.success ? parsed.data : ServiceDetailsSchema.parse({});
}
