import type { Flag, FlagCode } from './findings';
import type { LocalizedText } from './i18n';

const FLAG_TEXT: Readonly<Record<FlagCode, LocalizedText>> = {
  'order-number-unusual-shape': {
    de: 'Die Bestellnummer hat nicht die übliche Form 123-456-789. Bitte prüfen.',
    en: 'The order number does not have the usual shape 123-456-789. Please check it.',
  },
  'order-number-missing': { de: 'Keine Bestellnummer gefunden.', en: 'No order number found.' },
  'customer-name-missing': { de: 'Kein Kundenname gefunden.', en: 'No customer name found.' },
  'end-marker-missing': {
    de: 'Das Ende der weitergeleiteten Nachricht fehlt; die Kundennachricht ist evtl. unvollständig.',
    en: 'The end marker of the forwarded message is missing; the customer message may be incomplete.',
  },
  'customer-message-empty': { de: 'Die Kundennachricht ist leer.', en: 'The customer message is empty.' },
  'display-name-impersonation': {
    de: 'Der Absendername gibt sich als Rakuten aus, die Adresse ist aber nicht service@rakuten.de.',
    en: 'The sender name pretends to be Rakuten, but the address is not service@rakuten.de.',
  },
  'lookalike-domain': {
    de: 'Die Absenderdomain ahmt Rakuten nach, ist aber nicht rakuten.de.',
    en: 'The sender domain imitates Rakuten but is not rakuten.de.',
  },
  'authentication-failed': {
    de: 'Die Absenderprüfung (SPF/DKIM/DMARC) für rakuten.de ist fehlgeschlagen.',
    en: 'Sender authentication (SPF/DKIM/DMARC) for rakuten.de failed.',
  },
  'marketplace-look-without-genuine-sender': {
    de: 'Sieht aus wie eine Rakuten-Weiterleitung, kommt aber nicht von service@rakuten.de.',
    en: 'Looks like a Rakuten forward but does not come from service@rakuten.de.',
  },
  'rewards-matter': {
    de: 'Es geht um Rakuten Rewards, Ebates oder Cashback – das ist Sache von Rakuten, nicht des Händlers. Antworten Sie trotzdem und verweisen Sie auf https://www.rakuten.com/help.',
    en: 'This is about Rakuten Rewards, Ebates or cashback – Rakuten’s matter, not the merchant’s. Still reply, and point to https://www.rakuten.com/help.',
  },
  'input-truncated': {
    de: 'Die Nachricht war sehr lang; nur ihr Anfang wurde gelesen.',
    en: 'The message was very long; only its beginning was read.',
  },
};

export function flag(code: FlagCode): Flag {
  return { code, text: FLAG_TEXT[code] };
}
