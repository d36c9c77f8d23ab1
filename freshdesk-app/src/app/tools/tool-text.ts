import type { LocalizedText, SetupCheckStatus } from '@rakuten-helpdesk/core';

/**
 * Words of the setup check and the support panel that only this app says: where in Freshdesk's admin a
 * setting lives, and the labels of the views. What is wrong and why comes worded from the core.
 */

const NOTIFICATION: LocalizedText = {
  de:
    'In Freshdesk: Admin → Workflows → E-Mail-Benachrichtigungen (Email Notifications) → Reiter „Anfragende“ (Requester Notifications) → ' +
    '„New Ticket Created“ ausschalten. Soll die Eingangsbestätigung für andere Kunden bleiben, legen Sie stattdessen unter ' +
    'Admin → Workflows → Automatisierungen → Ticket-Erstellung eine Regel an: Bedingung „Requester email“ ist „service@rakuten.de“, ' +
    'Aktion „Skip new ticket email notifications“, und ziehen Sie sie an die erste Stelle.',
  en:
    'In Freshdesk: Admin → Workflows → Email Notifications → Requester Notifications tab → turn off "New Ticket Created". ' +
    'To keep the acknowledgement for other customers, create a rule under Admin → Workflows → Automations → Ticket Creation ' +
    'instead: condition "Requester email" is "service@rakuten.de", action "Skip new ticket email notifications", and move it to the top.',
};

export const SETUP_REMEDY = {
  /** The rules were read and none mails Rakuten; only the notification is left to look at. */
  notificationRulesRead: {
    de: `Die Automatisierungsregeln zur Ticket-Erstellung sind geprüft: keine schreibt Rakuten an. Bitte selbst prüfen: ${NOTIFICATION.de}`,
    en: `The ticket-creation automation rules were checked: none mails Rakuten. Please check yourself: ${NOTIFICATION.en}`,
  },
  /** The rules could not be read either. */
  notification: {
    de: `${NOTIFICATION.de} Prüfen Sie dort auch die Regeln zur Ticket-Erstellung auf die Aktion „Send email to requester“.`,
    en: `${NOTIFICATION.en} Check the ticket-creation rules there for the action "Send email to requester", too.`,
  },
  offendingRules: {
    de:
      'Ergänzen Sie in jeder genannten Regel (Admin → Workflows → Automatisierungen → Ticket-Erstellung) die Bedingung ' +
      '„Requester email“ ist nicht „service@rakuten.de“, oder entfernen Sie die Aktion „Send email to requester“. ' +
      `Prüfen Sie außerdem die Benachrichtigung bei neuen Tickets: ${NOTIFICATION.de}`,
    en:
      'In each rule named (Admin → Workflows → Automations → Ticket Creation), add the condition "Requester email" is not ' +
      '"service@rakuten.de", or remove the action "Send email to requester". ' +
      `Check the new-ticket notification as well: ${NOTIFICATION.en}`,
  },
  spam: {
    de:
      'In Freshdesk: Tickets → Ansicht „Spam“ öffnen, die Rakuten-Mails auswählen und „Kein Spam“ wählen; der Spamfilter lernt daraus. ' +
      'Prüfen Sie, dass der Kontakt service@rakuten.de nicht gelöscht oder gesperrt ist (Mails gelöschter Kontakte landen automatisch im Spam) ' +
      'und keine Automatisierungsregel Rakuten-Mails als Spam markiert. Die Liste sicherer Absender gehört auch in das Postfach, das Ihre Mails ' +
      'an Freshdesk weiterleitet. Landen Rakuten-Mails trotzdem im Spam, bitten Sie den Freshdesk-Support, den Absender für Ihr Konto freizugeben.',
    en:
      'In Freshdesk: open Tickets → the "Spam" view, select the Rakuten mails and choose "Not spam"; the spam filter learns from it. ' +
      'Make sure the contact service@rakuten.de is not deleted or blocked (mail from deleted contacts goes to spam automatically) ' +
      'and that no automation rule marks Rakuten mail as spam. Put the safe senders on the list of the mailbox that forwards your mail ' +
      'to Freshdesk, too. If Rakuten mail still lands in spam, ask Freshdesk support to allow the sender for your account.',
  },
} as const satisfies Record<string, LocalizedText>;

export const STATUS_LABEL: Readonly<Record<SetupCheckStatus, LocalizedText>> = {
  ok: { de: 'In Ordnung', en: 'OK' },
  problem: { de: 'Problem', en: 'Problem' },
  manual: { de: 'Bitte selbst prüfen', en: 'Please check' },
  error: { de: 'Nicht geprüft', en: 'Not checked' },
};

export const TOOL_TEXT = {
  setupTitle: { de: 'Einrichtung prüfen', en: 'Check the setup' },
  setupIntro: {
    de: 'Prüft über die Freshdesk-API, ob die App und Ihr Helpdesk für Rakuten-Anfragen richtig eingerichtet sind.',
    en: 'Checks through the Freshdesk API whether the app and your helpdesk are set up right for Rakuten messages.',
  },
  checking: { de: 'Prüfe die Einrichtung …', en: 'Checking the setup …' },
  checkAgain: { de: 'Erneut prüfen', en: 'Check again' },
  fix: { de: 'So beheben Sie es', en: 'How to fix it' },
  tip: { de: 'Tipp: so bleibt es so', en: 'Tip: how to keep it that way' },
  moreLinks: { de: 'weitere', en: 'more' },
  summaryOk: { de: 'Alles in Ordnung.', en: 'All good.' },
  summaryProblems: { de: 'Problem(e)', en: 'problem(s)' },
  summaryManual: { de: 'selbst zu prüfen', en: 'to check yourself' },
  summaryErrors: { de: 'nicht prüfbar', en: 'not checkable' },
  back: { de: '← Zurück zum Ticket', en: '← Back to the ticket' },
  supportTitle: { de: 'Rakuten-Support kontaktieren', en: 'Contact Rakuten support' },
  rewardsNotice: {
    de: 'Anfragen zu Rakuten Rewards (Ebates) oder Cashback beantwortet Rakuten selbst:',
    en: 'Rakuten answers questions about Rakuten Rewards (Ebates) or cashback itself:',
  },
  channels: { de: 'Kontaktwege', en: 'Channels' },
  tips: { de: 'So geht es schneller', en: 'For a faster answer' },
  composerTitle: { de: 'Support-Anfrage verfassen', en: 'Write a support request' },
  language: { de: 'Sprache der Anfrage', en: 'Language of the request' },
  sid: { de: 'SID (Website-ID)', en: 'SID (site ID)' },
  sidHint: { de: 'Steht oben rechts in Ihrem Rakuten-Dashboard.', en: 'Shown at the top right of your Rakuten dashboard.' },
  browser: { de: 'Browser', en: 'Browser' },
  operatingSystem: { de: 'Betriebssystem', en: 'Operating system' },
  detected: { de: 'erkannt, bitte prüfen', en: 'detected, please check' },
  steps: { de: 'Welche Schritte führten zum Problem?', en: 'Which steps led to the problem?' },
  errorMessage: { de: 'Fehlermeldung (falls vorhanden)', en: 'Error message (if any)' },
  screenshots: {
    de: 'Fügen Sie möglichst Screenshots der Fehlermeldung oder des Problems bei.',
    en: 'Attach screenshots of the error message or the problem where you can.',
  },
  preview: { de: 'Vorschau', en: 'Preview' },
  subject: { de: 'Betreff', en: 'Subject' },
  copyRequest: { de: 'Anfrage kopieren', en: 'Copy request' },
  copied: { de: 'Betreff und Text kopiert.', en: 'Subject and text copied.' },
  copyFailed: { de: 'Kopieren nicht möglich; bitte den Text markieren und kopieren.', en: 'Could not copy; please select the text and copy it.' },
  sendAsTicket: { de: 'Als neues Ticket anlegen', en: 'Create as new ticket' },
  sendHint: {
    de: 'Legt die Anfrage als Ticket in Ihrem Freshdesk an (Sie als Anfragende:r), damit Sie sie nachverfolgen können. An Rakuten geht dabei nichts.',
    en: 'Creates the request as a ticket in your Freshdesk (you as the requester) so you can track it. Nothing is sent to Rakuten.',
  },
  sending: { de: 'Ticket wird angelegt …', en: 'Creating the ticket …' },
  sent: { de: 'Ticket angelegt:', en: 'Ticket created:' },
  sendFailed: { de: 'Das Ticket konnte nicht angelegt werden.', en: 'The ticket could not be created.' },
  noAgentEmail: { de: 'Ihre E-Mail-Adresse ist nicht bekannt; bitte kopieren Sie die Anfrage.', en: 'Your e-mail address is unknown; please copy the request.' },
} as const satisfies Record<string, LocalizedText>;
