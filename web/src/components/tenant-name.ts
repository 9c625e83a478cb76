import type { Tenant } from '../api/client.ts';
import type { Locale } from '../i18n/create-i18n.ts';

/** A portal's name in the interface language; English falls back to the Vietnamese name. */
export function tenantName(tenant: Pick<Tenant, 'nameVi' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && tenant.nameEn ? tenant.nameEn : tenant.nameVi;
}
