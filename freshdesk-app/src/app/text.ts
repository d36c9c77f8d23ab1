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
  autoFillMissed: {
    de: 'Die automatische Übernahme hat dieses Ticket nicht erreicht (zum Beispiel, weil die Freshdesk-API ausgelastet war).',
    en: 'The automatic fill did not reach this ticket (for example because the Freshdesk API was busy).',
  },
  autoFillWhat: {
    de: 'Übernimmt Bestellnummer, Kundenname, das Tag „rakuten“ und die Antwortfrist. Was schon im Ticket steht, bleibt.',
    en: 'Fills in order number, customer name, the tag "rakuten" and the reply deadline. What the ticket already says stays.',
  },
  fillNow: { de: 'Jetzt übernehmen', en: 'Fill in now' },
  filling: { de: 'Wird übernommen …', en: 'Filling in …' },
  filled: { de: 'Rakuten-Angaben in das Ticket übernommen.', en: 'Rakuten details filled in on the ticket.' },
  nothingToFill: {
    de: 'Nichts zu übernehmen: Das Ticket enthält die Rakuten-Angaben schon.',
    en: 'Nothing to fill in: the ticket already has the Rakuten details.',
  },
  fillFailed: { de: 'Nicht übernommen:', en: 'Not filled in:' },
  unreachable: { de: 'Freshdesk war nicht erreichbar.', en: 'Freshdesk could not be reached.' },
  tryAgain: { de: 'Bitte gleich noch einmal versuchen.', en: 'Please try again in a moment.' },
  checkSetup: { de: 'Bitte „Einrichtung prüfen“ öffnen.', en: 'Please open "Check setup".' },
} as const satisfies Record<string, LocalizedText>;
