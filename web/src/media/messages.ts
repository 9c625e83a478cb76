import { defineMessages } from '../i18n/define-messages.ts';

export const mediaMessages = defineMessages({
  vi: {},
  en: {},
});
