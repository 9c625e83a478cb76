import { defineMessages } from '../i18n/define-messages.ts';

export const feedbackMessages = defineMessages({
  vi: {},
  en: {},
});
