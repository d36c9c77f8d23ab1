import type { LocalizedText } from '@rakuten-helpdesk/core';

/** The composer's own labels; the request itself is worded by the core (composeSupportRequest). */
export const COMPOSER_TEXT = {
  heading: { de: 'Support-Anfrage verfassen', en: 'Write a support request' },
  intro: {
    de: 'Alles, was Rakutens Hilfeseite für eine schnelle Antwort verlangt. Browser und Betriebssystem sind erkannt; bitte prüfen.',
    en: 'Everything Rakuten’s help page asks for a quick answer. Browser and operating system are detected; please check them.',
  },
  language: { de: 'Sprache der Anfrage', en: 'Language of the request' },
  sid: { de: 'SID (Website-ID)', en: 'SID (site ID)' },
  sidHint: {
    de: 'Sie finden Ihre SID oben rechts in Ihrem Rakuten-Dashboard. Dauerhaft eintragen: App-Einstellung „Rakuten-SID“.',
    en: 'You find your SID at the top right of your Rakuten dashboard. To keep it: app setting "Rakuten SID".',
  },
  browser: { de: 'Browser', en: 'Browser' },
  operatingSystem: { de: 'Betriebssystem', en: 'Operating system' },
  detected: { de: 'erkannt', en: 'detected' },
  steps: { de: 'Welche Schritte haben Sie unternommen, bevor das Problem auftrat?', en: 'Which steps did you take before the problem occurred?' },
  errorMessage: { de: 'Welche Fehlermeldung erscheint (falls vorhanden)?', en: 'Which error message appears (if any)?' },
  screenshots: {
    de: 'Screenshots: Hängen Sie Bilder der Fehlermeldung oder des Problems an – an Ihre E-Mail oder an das Ticket.',
    en: 'Screenshots: attach pictures of the error message or the problem – to your e-mail or to the ticket.',
  },
  preview: { de: 'Vorschau', en: 'Preview' },
  subject: { de: 'Betreff', en: 'Subject' },
  body: { de: 'Text', en: 'Text' },
  copy: { de: 'Betreff und Text kopieren', en: 'Copy subject and text' },
  copied: { de: 'Kopiert', en: 'Copied' },
  copyFailed: { de: 'Kopieren nicht möglich', en: 'Could not copy' },
  send: { de: 'Als neues Ticket anlegen', en: 'Create as new ticket' },
  sending: { de: 'Wird angelegt …', en: 'Creating …' },
  sent: { de: 'Angelegt', en: 'Created' },
  sentTitle: { de: 'Ticket #{id} ist angelegt.', en: 'Ticket #{id} has been created.' },
  sentNext: {
    de: 'Sie sind darin der Anfragende. Fügen Sie die Support-Adresse aus Ihrem Rakuten-Portal als Empfänger hinzu und hängen Sie die Screenshots an.',
    en: 'You are its requester. Add the support address from your Rakuten portal as a recipient and attach the screenshots.',
  },
  openTicket: { de: 'Ticket öffnen', en: 'Open ticket' },
  sendFailed: {
    de: 'Das Ticket konnte nicht angelegt werden. Kopieren Sie die Anfrage stattdessen.',
    en: 'The ticket could not be created. Copy the request instead.',
  },
} as const satisfies Record<string, LocalizedText>;
