import { defineMessages } from '../i18n/define-messages.ts';

export const policiesMessages = defineMessages({
  vi: {},
  en: {},
});
