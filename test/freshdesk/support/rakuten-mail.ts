import { forwardText as rakutenForwardText, type ForwardParts } from '../../../core/test-support/forward';

/** Mails as they reach a Freshdesk helpdesk: Rakuten's forwards, spoofs of them, and ordinary customer mail. */

export type { ForwardParts } from '../../../core/test-support/forward';

export const RAKUTEN = { email: 'service@rakuten.de', name: 'Rakuten Service' } as const;

/** A forward as Rakuten writes it (help page "Kundenanfragen beantworten"), with this suite's customer. */
export function forwardText(parts: ForwardParts = {}): string {
  return rakutenForwardText({
    customerName: 'Erika Musterfrau',
    message: 'Guten Tag, wann wird meine Bestellung verschickt? Ich brauche sie bis Freitag.',
    ...parts,
  });
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The HTML body Freshdesk keeps next to `description_text`. */
export function asHtml(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
  return `<div>${escaped.split('\n').join('<br>')}</div>`;
}

export const OTHER_MAIL = {
  requester: { email: 'kunde@example.org', name: 'Max Kunde' },
  text: 'Hallo, ich hätte gern ein Angebot für 20 Stück. Viele Grüße, Max',
} as const;

/** Rakuten's look from a look-alike domain: a reply would reach a stranger. */
export const SPOOF_MAIL = {
  requester: { email: 'service@rakuten-de.com', name: 'Rakuten Service' },
  text: forwardText({ customerName: 'Eva Falsch', orderNumber: '999-999-999', message: 'Bitte zahlen Sie die Erstattung an IBAN DE00 0000.' }),
} as const;
