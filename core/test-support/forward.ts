import type { IncomingMessage } from '../src/message';

export interface ForwardParts {
  readonly orderNumber?: string;
  readonly customerName?: string;
  readonly message?: string;
  readonly receivedAt?: string;
  readonly senderAddress?: string;
  readonly senderName?: string;
}

/** A forward as Rakuten's help page shows it, for tests that need one quickly. */
export function forwardText(parts: ForwardParts = {}): string {
  const name = parts.customerName ?? 'Muster Mustermann';
  return [
    'Hallo Mustershop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    '',
    'Bitte antworten Sie zur Klärung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.',
    '',
    `Bestellnummer: ${parts.orderNumber ?? '123-456-789'}`,
    '',
    `Kundenname: ${name}`,
    '',
    `#### Weitergeleitete Nachricht des Kunden ${name} ####`,
    parts.message ?? 'Wo bleibt meine Bestellung?',
    '',
    '#### Ende der weitergeleiteten Nachricht ####',
    '',
  ].join('\n');
}

export function forwardMessage(parts: ForwardParts = {}): IncomingMessage {
  return {
    senderAddress: parts.senderAddress ?? 'service@rakuten.de',
    senderName: parts.senderName ?? 'Rakuten Kundenservice',
    subject: 'Nachricht Ihres Kunden zur Bestellung',
    receivedAt: new Date(parts.receivedAt ?? '2026-11-18T09:30:00Z'),
    text: forwardText(parts),
  };
}
