import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { clientIp } from '../client-ip.ts';
import { renderPage, withSite } from '../site/render.tsx';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { dossierCodePattern } from './dossier-schemas.ts';
import { lookUpDossier } from './lookup.ts';
import { lookupFields, LookupPage, type LookupOutcome } from './lookup-page.tsx';
import { lookupDigitCount } from './lookup-secret.ts';
import { lookupRateLimitPrefix } from './national-sync.ts';
import { servicePaths } from './paths.ts';
import { unitsOf, withStylesheet } from './public-shared.tsx';
import { consumeRateLimit, type RateLimitRule } from './rate-limit.ts';

const digitsPattern = new RegExp(`^\\d{${lookupDigitCount}}$`);

async function renderLookup(c: Context<AppEnv>, outcome: LookupOutcome, status: 200 | 400 | 429) {
  const site = await withSite(c, async (_tx, context) => context);

  return renderPage(c, {
    site,
    title: 'Tra cứu hồ sơ',
    description: 'Tra cứu tiến độ giải quyết hồ sơ dịch vụ công bằng mã hồ sơ.',
    canonicalPath: servicePaths.lookup,
    status,
    // Only the empty form may be kept by caches, because a result belongs to one visitor.
    caching: outcome.kind === 'form' ? 'public' : 'private',
    isNoIndex: outcome.kind !== 'form',
    body: withStylesheet(<LookupPage outcome={outcome} isMain={c.var.tenant.kind === 'main'} />),
  });
}

function readLookupForm(form: Record<string, unknown>) {
  const code = String(form[lookupFields.code] ?? '')
    .trim()
    .toUpperCase();
  const digits = String(form[lookupFields.digits] ?? '').trim();
  const problems: Extract<LookupOutcome, { kind: 'invalid' }>['problems'] = [];
  if (!dossierCodePattern.test(code)) {
    problems.push({
      field: 'code',
      message: 'Nhập mã hồ sơ gồm 3 đến 64 chữ cái, chữ số, dấu chấm hoặc dấu gạch.',
    });
  }
  if (!digitsPattern.test(digits)) {
    problems.push({ field: 'digits', message: `Nhập đúng ${lookupDigitCount} chữ số.` });
  }

  return { code, digits, problems };
}

/**
 * Creates the handlers of `/tra-cuu-ho-so`: the form, and the lookup it submits. Every
 * submission counts against the client address's rate limit, found or not, so the limit caps
 * guessing of both the code and the digits.
 */
export function createLookupHandlers(options: {
  directory: TenantDirectory;
  rateLimit: RateLimitRule;
}) {
  const showForm = (c: Context<AppEnv>) => renderLookup(c, { kind: 'form' }, 200);

  const submit = async (c: Context<AppEnv>) => {
    const key = `${lookupRateLimitPrefix}${clientIp(c) ?? 'unknown'}`;
    const limit = await consumeRateLimit(c.var.db, key, options.rateLimit);
    if (!limit.isAllowed) {
      c.header('Retry-After', String(limit.retryAfterSeconds));
      const retryAfterMinutes = Math.ceil(limit.retryAfterSeconds / 60);
      // Logged once per window and address, not for every rejected attempt.
      if (limit.count === options.rateLimit.limit + 1) {
        c.var.log.warn({ limit: options.rateLimit.limit }, 'dossier lookup rate limit reached');
      }
      return renderLookup(c, { kind: 'rate_limited', retryAfterMinutes }, 429);
    }
    const { code, digits, problems } = readLookupForm(await c.req.parseBody());
    if (problems.length > 0) {
      return renderLookup(c, { kind: 'invalid', problems }, 400);
    }

    const units = await unitsOf(c, options.directory);
    const dossier = await lookUpDossier(c.var.db, units, code, digits);
    const outcome: LookupOutcome = dossier ? { kind: 'found', dossier } : { kind: 'not_found' };
    return renderLookup(c, outcome, 200);
  };

  return { showForm, submit };
}
