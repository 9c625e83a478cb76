import type { I18n } from '../../i18n/create-i18n.ts';

/**
 * Names the person who took a step or saved a revision: "you" for the signed-in user, else the
 * name the server gave, else a neutral word (for an account that no longer exists).
 */
export function personLabel(
  t: I18n['t'],
  meId: string | undefined,
  userId: string | null | undefined,
  name?: string | null,
): string {
  if (!userId) {
    return t('editor.person.system');
  }
  if (userId === meId) {
    return t('editor.person.you');
  }

  return name ?? t('editor.person.other');
}
