import type { I18n } from '../../i18n/create-i18n.ts';

/**
 * Names the person who took a step or saved a revision: "you" for the signed-in user, a
 * neutral word for anyone else.
 * NOTE: the item route sends user ids without names, so other people stay unnamed.
 */
export function personLabel(
  t: I18n['t'],
  meId: string | undefined,
  userId: string | null | undefined,
): string {
  if (!userId) {
    return t('editor.person.system');
  }

  return userId === meId ? t('editor.person.you') : t('editor.person.other');
}
