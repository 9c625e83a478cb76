import { Temporal } from '@js-temporal/polyfill';
import type { Context } from 'hono';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { findPublished } from '../content/public-queries.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { calendarTimeZone } from '../workflow/calendar.ts';

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);
const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
/** A draft for public comment, with the dates between which it takes comments. */
export type DraftTarget = {
  id: string;
  slug: string;
  title: string;
  opensOn: string;
  closesOn: string;
};

export function todayInVietnam(): string {
  return Temporal.Now.plainDateISO(calendarTimeZone).toString();
}

async function findDraft(c: Context<AppEnv>, slug: string): Promise<DraftTarget | null> {
  const { db, tenant } = c.var;
  const item = await withTenant(db, tenant.id, (tx) =>
    findPublished(tx, tenant.id, 'draft_for_comment', slug),
  );
  const { opensOn, closesOn } = item?.fields ?? {};
  if (!item || typeof opensOn !== 'string' || typeof closesOn !== 'string') {
    return null;
  }

  return { id: item.id, slug, title: item.titleVi, opensOn, closesOn };
}

export function isDraftOpen(draft: DraftTarget): boolean {
  const today = todayInVietnam();

  return draft.opensOn <= today && today <= draft.closesOn;
}

/** Finds the published draft the request's `:slug` names, or returns null. */
export async function findDraftOfRequest(c: Context<AppEnv>) {
  const slug = slugSchema.safeParse(c.req.param('slug'));

  return slug.success ? findDraft(c, slug.data) : null;
}
