import type { LocalizedText } from '@rakuten-helpdesk/core';

/** The few words only this app says; everything about Rakuten's rules comes worded from the core. */
export const APP_TEXT = {
  loading: { de: 'Rakuten-Prüfung läuft …', en: 'Checking for Rakuten …' },
  settingsInvalid: {
    de: 'Die App-Einstellungen sind ungültig (z. B. das Bundesland). Es gelten die Standardwerte.',
    en: 'The app settings are invalid (the state, for example). The defaults apply.',
  },
  fieldsNotSaved: {
    de: 'Bestellnummer und Kundenname sind eingetragen und werden mit Ihrer nächsten Aktualisierung gespeichert.',
    en: 'Order number and customer name are filled in and will be saved with your next update.',
  },
  copyFailed: { de: 'Kopieren nicht möglich', en: 'Could not copy' },
  closingInserted: { de: 'Abschlussantwort eingefügt', en: 'Closing reply inserted' },
  rewardsLink: { de: 'Rakuten-Hilfe öffnen (rakuten.com/help)', en: 'Open Rakuten help (rakuten.com/help)' },
  copyLink: { de: 'Link kopieren', en: 'Copy link' },
  supportContact: { de: 'Rakuten-Support kontaktieren', en: 'Contact Rakuten support' },
  composerHint: {
    de: 'Eine Support-Anfrage mit SID, Browser und Fehlermeldung verfassen Sie im Rakuten-Assistenten in der linken Navigationsleiste.',
    en: 'Write a support request with SID, browser and error message in the Rakuten assistant in the navigation bar on the left.',
  },
} as const satisfies Record<string, LocalizedText>;
