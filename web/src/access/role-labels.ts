import type { I18n } from '../i18n/create-i18n.ts';
import type { BoardRole, TenantRole } from './roles.ts';

/** The name of a role in the interface language. */
export function roleLabel(role: TenantRole | BoardRole, t: I18n['t']): string {
  return t(`role.${role}`);
}

/** One line on what a role may do, for the role pickers and the dashboard. */
export function roleDescription(role: TenantRole | BoardRole, t: I18n['t']): string {
  return t(`roleHint.${role}`);
}
