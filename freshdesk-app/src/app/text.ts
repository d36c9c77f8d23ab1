import type { LocalizedText } from '@rakuten-helpdesk/core';

/** Words only this app shows; everything about Rakuten's rules comes worded from the core. */
export const APP_TEXT = {
  loading: { de: 'Ticket wird geprüft …', en: 'Checking the ticket …' },
  missing: { de: 'nicht gefunden', en: 'not found' },
  notifyTitle: { de: 'Rakuten-Assistent', en: 'Rakuten assistant' },
  fixRecipients: { de: 'Nur an service@rakuten.de senden', en: 'Send only to service@rakuten.de' },
  sendAgain: {
    de: 'Zum Senden ohne Änderung erneut auf Senden klicken.',
    en: 'Click Send again to send it unchanged.',
  },
  flags: { de: 'Bitte prüfen', en: 'Please check' },
  rewardsTitle: { de: 'Nicht Ihre Sache: Rakuten Rewards / Cashback', en: 'Not your matter: Rakuten Rewards / cashback' },
  rewardsLink: { de: 'Rakuten-Hilfeseite öffnen', en: 'Open Rakuten’s help page' },
  tools: { de: 'Werkzeuge', en: 'Tools' },
  openSetup: { de: 'Einrichtung prüfen', en: 'Check setup' },
  openSupport: { de: 'Rakuten-Support', en: 'Rakuten support' },
} as const satisfies Record<string, LocalizedText>;
