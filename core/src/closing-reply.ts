import type { Locale } from './i18n';
import type { Settings } from './settings';

export interface ClosingReplyInput {
  readonly customerName: string | null;
  readonly settings: Pick<Settings, 'shopName' | 'signature'>;
  readonly locale: Locale;
}

/**
 * The name goes back to the customer in a mail. A name that carries markup, template braces or line breaks
 * is not a name a person typed for themselves: leave it out rather than echo a mangled version.
 */
function safeName(name: string | null): string {
  if (!name) return '';
  if (/[\u0000-\u001f\u007f<>{}[\]\\]/.test(name)) return '';
  const cleaned = name.replace(/\s+/g, ' ').trim();
  return cleaned.length > 80 ? '' : cleaned;
}

/**
 * A short, polite reply that closes the case: Rakuten marks a case done only once the merchant answered,
 * even when the customer only said thank you.
 */
export function suggestClosingReply(input: ClosingReplyInput): string {
  const name = safeName(input.customerName);
  const signature = input.settings.signature.trim() || input.settings.shopName.trim();
  if (input.locale === 'en') {
    return [
      name ? `Dear ${name},` : 'Hello,',
      '',
      'thank you very much for your message. We are glad everything has been sorted out.',
      'If you have any further questions, we are happy to help at any time.',
      '',
      'Kind regards',
      ...(signature ? [signature] : []),
    ].join('\n');
  }
  return [
    name ? `Guten Tag ${name},` : 'Guten Tag,',
    '',
    'vielen Dank für Ihre Nachricht. Schön, dass sich alles geklärt hat.',
    'Wenn Sie noch Fragen haben, sind wir jederzeit gern für Sie da.',
    '',
    'Freundliche Grüße',
    ...(signature ? [signature] : []),
  ].join('\n');
}
