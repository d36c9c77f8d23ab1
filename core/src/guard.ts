import type { ConversationState } from './conversation';
import type { Finding, FindingCode, Severity } from './findings';
import type { LocalizedText } from './i18n';
import { RAKUTEN_DE, type MarketplaceProfile } from './profile';
import { isReplyAddress, normalizeAddress } from './sender-trust';

/** What the agent is about to send or save, as the helpdesk shows it. */
export interface ReplyDraft {
  /** The reply's recipients: in most helpdesks the ticket's requester. */
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly public: boolean;
  readonly text: string;
  /** The save also sets the ticket solved, resolved or closed. */
  readonly solving: boolean;
}

function finding(code: FindingCode, severity: Severity, text: LocalizedText): Finding {
  return { code, severity, text };
}

// "Hallo Rakuten", "Sehr geehrtes Rakuten-Team", "Dear Rakuten team": the reply reaches the customer unfiltered.
function greetsMarketplace(text: string, profile: MarketplaceProfile): boolean {
  const firstLine = text.trimStart().slice(0, 200).split(/[\n,!:]/, 1)[0]?.toLowerCase() ?? '';
  if (!/^(hallo|hello|hi|hey|liebe[rs]?|sehr geehrte[rs]?|guten tag|dear|moin|servus)\b/.test(firstLine)) return false;
  return profile.wrongGreetingWords.some((word) => firstLine.includes(word.toLowerCase()));
}

const PLACEHOLDER = /\{\{[^{}\n]{0,80}\}\}|\[(?:name|kundenname|vorname|nachname|customer|customer name|bestellnummer|order number|datum|date)\]|\b(?:xxx|XXX)\b/i;

/**
 * Findings for a draft. Nothing is ever found on a ticket that is not a marketplace forward: the guard must
 * never stand in the way of the merchant's other work.
 */
export function guardReply(draft: ReplyDraft, state: ConversationState, profile: MarketplaceProfile = RAKUTEN_DE): Finding[] {
  if (!state.isMarketplaceTicket) return [];
  const findings: Finding[] = [];
  const recipients = [...draft.to, ...draft.cc, ...draft.bcc].map(normalizeAddress).filter((address) => address !== '');
  const strangers = [...new Set(recipients.filter((address) => !isReplyAddress(address, profile)))];
  if (strangers.length > 0) {
    const list = strangers.slice(0, 5).join(', ') + (strangers.length > 5 ? ' …' : '');
    findings.push(
      finding('wrong-recipient', 'block', {
        de: `Antworten auf Rakuten-Weiterleitungen dürfen nur an ${profile.replyAddress} gehen, nicht an ${list}. Bitte Empfänger korrigieren.`,
        en: `Replies to Rakuten forwards may only go to ${profile.replyAddress}, not to ${list}. Please correct the recipients.`,
      }),
    );
  }
  const body = draft.text.trim();
  if (draft.solving && state.unanswered.length > 0) {
    const count = state.unanswered.length;
    if (draft.public && body === '') {
      findings.push(
        finding('empty-public-reply', 'block', {
          de: 'Die öffentliche Antwort ist leer. Rakuten schließt den Vorgang nur mit einer Antwort – auch ein kurzer Abschlussgruß genügt.',
          en: 'The public reply is empty. Rakuten only closes the case with a reply – a short closing note is enough.',
        }),
      );
    } else if (!draft.public) {
      findings.push(
        finding('unanswered-on-solve', 'block', {
          de: `${count === 1 ? 'Eine weitergeleitete Kundennachricht ist' : `${count} weitergeleitete Kundennachrichten sind`} noch unbeantwortet. Bitte zuerst öffentlich antworten – interne Notizen zählen nicht.`,
          en: `${count === 1 ? 'A forwarded customer message has' : `${count} forwarded customer messages have`} no public reply yet. Please reply publicly first – internal notes do not count.`,
        }),
      );
    }
  }
  if (draft.public && body !== '') {
    if (greetsMarketplace(body, profile)) {
      findings.push(
        finding('greets-marketplace', 'warn', {
          de: 'Die Antwort geht ungefiltert an den Kunden: bitte den Kunden ansprechen, nicht Rakuten.',
          en: 'The reply reaches the customer unfiltered: address the customer, not Rakuten.',
        }),
      );
    }
    if (PLACEHOLDER.test(body)) {
      findings.push(
        finding('unfilled-placeholder', 'warn', {
          de: 'Die Antwort enthält einen nicht ausgefüllten Platzhalter (z. B. {{…}} oder [Name]).',
          en: 'The reply contains an unfilled placeholder (such as {{…}} or [Name]).',
        }),
      );
    }
  }
  return findings;
}

export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((item) => item.severity === 'block');
}
