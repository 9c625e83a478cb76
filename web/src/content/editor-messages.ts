import { defineMessages } from '../i18n/define-messages.ts';

export const editorMessages = defineMessages({
  vi: {},
  en: {},
});
