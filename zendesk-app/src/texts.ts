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
} as const satisfies Record<string, LocalizedText>;
