import { z } from 'zod';

import { contentTypes } from '../db/schema/content.ts';

/** A text in Vietnamese, with an optional English version. */
export const LocalizedTextSchema = z.object({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});

const hostnamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

export const HostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(hostnamePattern, 'must be a lower-case hostname such as vnta.gov.vn');

/** Operator details that the footer of every public page shows. */
export const OperatorSchema = z.object({
  /** The owning agency (cơ quan chủ quản). */
  agency: LocalizedTextSchema,
  /** The person responsible for the portal's content. */
  responsiblePerson: z.string().trim().min(1),
  responsibleTitle: LocalizedTextSchema.optional(),
  address: LocalizedTextSchema,
  phone: z.string().trim().min(1),
  fax: z.string().trim().min(1).optional(),
  email: z.email(),
});

export const ThemeSchema = z.object({
  /** The header colour as a six-digit hex value. */
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1d4f91')
    .default('#1d4f91'),
});

const slugPattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * One portal as it is kept in `tenants/portals/<slug>.yaml`.
 *
 * The canonical host defaults to the root domain for the main portal and to `<slug>.<root>` for
 * a member portal; `aliases` list other hosts (custom domains a unit already owns) that answer
 * with a redirect to the canonical one.
 */
export const TenantFileSchema = z
  .object({
    slug: z.string().regex(slugPattern, 'must be lower-case letters, digits and hyphens'),
    kind: z.enum(['main', 'hosted', 'independent']),
    status: z.enum(['active', 'suspended']).default('active'),
    name: LocalizedTextSchema,
    abbreviation: z.string().trim().min(1),
    /** A one-paragraph description shown in the directory of member portals. */
    description: LocalizedTextSchema,
    /** The site that an independent portal runs itself. */
    externalUrl: z.url({ protocol: /^https?$/ }).optional(),
    domains: z
      .object({
        canonical: HostnameSchema.optional(),
        aliases: z.array(HostnameSchema).default([]),
      })
      .default({ aliases: [] }),
    theme: ThemeSchema.default({ primaryColor: '#1d4f91' }),
    operator: OperatorSchema,
    /** The order in the directory of member portals, smallest first. */
    sortOrder: z.number().int().min(0).default(100),
  })
  .strict()
  .superRefine((tenant, ctx) => {
    if (tenant.kind === 'independent' && !tenant.externalUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalUrl'],
        message: 'is required for an independent portal',
      });
    }
    if (tenant.kind !== 'independent' && tenant.externalUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalUrl'],
        message: 'is only allowed for an independent portal',
      });
    }
  });

export type TenantFile = z.infer<typeof TenantFileSchema>;

const isoDate = z.iso.date();

/** Public holidays of one year, as kept in `tenants/holidays/<year>.yaml`. */
export const HolidayFileSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z
      .array(
        z
          .object({
            date: isoDate,
            name: LocalizedTextSchema,
          })
          .strict(),
      )
      .min(1),
    /** Weekend days that the government swapped into working days. */
    workingWeekends: z
      .array(z.object({ date: isoDate, reason: LocalizedTextSchema }).strict())
      .default([]),
  })
  .strict();

export type HolidayFile = z.infer<typeof HolidayFileSchema>;

/** Demo content of one portal, as kept in `tenants/demo/<slug>.yaml`. */
export const DemoContentFileSchema = z
  .object({
    tenant: z.string().regex(slugPattern),
    items: z.array(
      z
        .object({
          type: z.enum(contentTypes),
          slug: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be ASCII words joined by hyphens'),
          title: LocalizedTextSchema,
          lead: LocalizedTextSchema.optional(),
          /** Body in a small HTML subset: p, h2, h3, ul, ol, li, strong, em, a. */
          body: LocalizedTextSchema,
          publishedAt: z.iso.datetime({ offset: true }),
          /** The slug of the category; by default one that fits the type. */
          category: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .optional(),
          /** The type's own fields, checked against its schema when the folder is loaded. */
          fields: z.record(z.string(), z.unknown()).default({}),
        })
        .strict(),
    ),
  })
  .strict();

export type DemoContentFile = z.infer<typeof DemoContentFileSchema>;
