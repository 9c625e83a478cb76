import { defineMessages } from '../i18n/define-messages.ts';

export const dashboardMessages = defineMessages({
  vi: {},
  en: {},
});
