import type { LocalizedText, SetupCheckStatus } from '@rakuten-helpdesk/core';

/**
 * What only the Zendesk app says in its nav bar view: where in Zendesk a setting lives, and the view's own
 * labels. What is wrong and why comes worded from the core.
 */
export const ZENDESK_REMEDY = {
  autoReplies: {
    de:
      'Ergänzen Sie in jeder genannten Regel unter „Alle diese Bedingungen müssen erfüllt sein“: „Ticket > Anfragender – Ist nicht – service@rakuten.de“. ' +
      'Alternativ „Ticket > Tags – Enthält keine der folgenden – rakuten“; dann muss der Auslöser „Rakuten: weitergeleitete Kundennachrichten markieren“ in der Liste darüber stehen. ' +
      'Sie finden die Auslöser im Admin Center unter Objekte und Regeln → Geschäftsregeln → Auslöser.',
    en:
      'In each rule named, add under "Meet ALL of the following conditions": "Ticket > Requester – Is not – service@rakuten.de". ' +
      'Or add "Ticket > Tags – Contains none of the following – rakuten"; the trigger "Rakuten: weitergeleitete Kundennachrichten markieren" must then sit above it in the list. ' +
      'Triggers are in Admin Center under Objects and rules → Business rules → Triggers.',
  },
  spam: {
    de:
      'In Zendesk: Admin Center → Personen → Konfiguration → Endbenutzer, in der Allowlist (Zulassungsliste): rakuten.de rakuten.com eintragen (ohne @, durch Leerzeichen getrennt) und speichern. ' +
      'Schon gesperrte Mails holen Sie unter Ansichten → Gesperrte Tickets mit „Wiederherstellen“ zurück.',
    en:
      'In Zendesk: Admin Center → People → Configuration → End users, field "Allowlist": enter rakuten.de rakuten.com (no @, separated by spaces) and save. ' +
      'Mail already suspended comes back from Views → Suspended tickets with "Recover".',
  },
  adminNeeded: {
    de: 'Lassen Sie die Prüfung von einem Zendesk-Administrator ausführen.',
    en: 'Have a Zendesk administrator run the check.',
  },
} as const satisfies Record<string, LocalizedText>;

/** Why a check could not run, after the retries; the core puts it after "Could not check:". */
export function failureReason(status: number | null): LocalizedText {
  if (status === 429) return { de: 'Zendesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen.', en: 'Zendesk is limiting requests right now (HTTP 429), even after several attempts.' };
  if (status === 401 || status === 403) return { de: `Zendesk verweigert den Zugriff (HTTP ${status}).`, en: `Zendesk refuses access (HTTP ${status}).` };
  if (status !== null && status >= 500) return { de: `Zendesk antwortet gerade nicht (HTTP ${status}).`, en: `Zendesk is not answering right now (HTTP ${status}).` };
  if (status === 0) return { de: 'Zendesk hat nicht geantwortet.', en: 'Zendesk did not answer.' };
  if (status !== null) return { de: `Zendesk antwortete mit HTTP ${status}.`, en: `Zendesk answered HTTP ${status}.` };
  return { de: 'Zendesk gab eine unerwartete Antwort.', en: 'Zendesk gave an unexpected answer.' };
}

export const TOO_MANY: Record<'triggers' | 'suspended', LocalizedText> = {
  triggers: { de: 'Zu viele aktive Auslöser, um alle zu lesen.', en: 'Too many active triggers to read them all.' },
  suspended: { de: 'Zu viele gesperrte Tickets, um alle zu lesen.', en: 'Too many suspended tickets to read them all.' },
};

export const STATUS_LABEL: Readonly<Record<SetupCheckStatus | 'pending', LocalizedText>> = {
  ok: { de: 'In Ordnung', en: 'OK' },
  problem: { de: 'Handlungsbedarf', en: 'Action needed' },
  manual: { de: 'Bitte selbst prüfen', en: 'Please check yourself' },
  error: { de: 'Nicht prüfbar', en: 'Could not check' },
  pending: { de: 'Wird geprüft …', en: 'Checking …' },
};

export const NAV_TEXT = {
  title: { de: 'Rakuten-Antwortassistent', en: 'Rakuten Reply Assistant' },
  setupHeading: { de: 'Einrichtung prüfen', en: 'Setup check' },
  setupIntro: {
    de: 'Prüft über die Zendesk-API, ob Rakuten-Nachrichten ankommen, richtig abgelegt werden und keine automatische Antwort an Rakuten geht.',
    en: 'Checks through the Zendesk API that Rakuten messages arrive, are filed correctly and that no automatic answer goes to Rakuten.',
  },
  rerun: { de: 'Erneut prüfen', en: 'Check again' },
  howToFix: { de: 'So beheben Sie es:', en: 'How to fix it:' },
  whatToDo: { de: 'Was tun:', en: 'What to do:' },
  tip: { de: 'Tipp:', en: 'Tip:' },
  supportHeading: { de: 'Rakuten-Support kontaktieren', en: 'Contact Rakuten support' },
  suspendedLink: { de: 'Gesperrte Tickets öffnen', en: 'Open suspended tickets' },
  fieldsLink: { de: 'Ticketfelder öffnen', en: 'Open ticket fields' },
  formsLink: { de: 'Ticketformulare öffnen', en: 'Open ticket forms' },
  startFailed: {
    de: 'Die Ansicht konnte nicht starten. Bitte laden Sie die Seite neu.',
    en: 'The view could not start. Please reload the page.',
  },
} as const satisfies Record<string, LocalizedText>;
