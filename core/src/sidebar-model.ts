import type { ConversationState } from './conversation';
import type { Finding } from './findings';
import { addDays, berlinDateKey, berlinPartsOf, dayOfWeek, parseDateKey } from './berlin-time';
import type { Locale, LocalizedText } from './i18n';

/** Everything a helpdesk sidebar shows, already decided and worded; the apps only draw it in their look. */
export type Tone = 'neutral' | 'ok' | 'warning' | 'danger';

export interface Countdown {
  readonly text: string;
  readonly tone: Tone;
  /** Milliseconds left; negative when overdue. */
  readonly msLeft: number;
}

const HOUR = 3_600_000;
/** Under this much time left the deadline turns amber. */
export const SOON_MS = 12 * HOUR;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function spell(ms: number, locale: Locale): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const de = locale === 'de';
  const parts: string[] = [];
  if (days > 0) parts.push(plural(days, de ? 'Tag' : 'day', de ? 'Tage' : 'days'));
  if (hours > 0 || days > 0) parts.push(plural(hours, de ? 'Std.' : 'h', de ? 'Std.' : 'h'));
  if (days === 0) parts.push(plural(mins, de ? 'Min.' : 'min', de ? 'Min.' : 'min'));
  return parts.join(' ');
}

export function countdown(dueBy: Date, now: Date, locale: Locale): Countdown {
  const msLeft = dueBy.getTime() - now.getTime();
  if (msLeft < 0) {
    return { msLeft, tone: 'danger', text: locale === 'de' ? `Überfällig seit ${spell(-msLeft, locale)}` : `Overdue by ${spell(-msLeft, locale)}` };
  }
  return { msLeft, tone: msLeft < SOON_MS ? 'warning' : 'ok', text: locale === 'de' ? `Noch ${spell(msLeft, locale)}` : `${spell(msLeft, locale)} left` };
}

/** Berlin wall time, as merchants read deadlines ("Mo., 24.11.2026, 10:00"). */
export function formatBerlin(date: Date, locale: Locale): string {
  try {
    return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  de: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/**
 * A deadline in Berlin wall time. One that falls on 00:00 is shown as 24:00 of the day before
 * ("Di., 24.11.2026, 24:00"): "Mi., 00:00" reads as Wednesday to an agent, who would then answer a day late.
 */
export function formatDeadline(date: Date, locale: Locale): string {
  const parts = berlinPartsOf(date);
  const midnight = parts.hour === 0 && parts.minute === 0 && parts.second === 0 && parts.millisecond === 0;
  const key = midnight ? addDays(berlinDateKey(date), -1) : berlinDateKey(date);
  const { year, month, day } = parseDateKey(key);
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = midnight ? '24:00' : `${pad(parts.hour)}:${pad(parts.minute)}`;
  const weekday = WEEKDAYS[locale][dayOfWeek(key)] ?? '';
  return locale === 'de' ? `${weekday}, ${pad(day)}.${pad(month)}.${year}, ${time}` : `${weekday}, ${pad(day)}/${pad(month)}/${year}, ${time}`;
}

export const SIDEBAR_TEXT = {
  genuine: { de: 'Echte Rakuten-Weiterleitung', en: 'Genuine Rakuten forward' },
  spoofed: {
    de: 'Sieht aus wie Rakuten, kommt aber nicht von service@rakuten.de',
    en: 'Looks like Rakuten but is not from service@rakuten.de',
  },
  spoofedAdvice: {
    de: 'Nicht antworten und keine Daten übernehmen. Felder wurden nicht befüllt.',
    en: 'Do not reply or copy any data from it. Fields were left untouched.',
  },
  notice: { de: 'Mitteilung von Rakuten (keine Kundennachricht)', en: 'Notice from Rakuten (not a customer message)' },
  unrelated: { de: 'Kein Rakuten-Ticket', en: 'Not a Rakuten ticket' },
  orderNumber: { de: 'Bestellnummer', en: 'Order number' },
  customerName: { de: 'Kundenname', en: 'Customer name' },
  customerMessage: { de: 'Nachricht des Kunden', en: "Customer's message" },
  replyTo: { de: 'Antwort an', en: 'Reply to' },
  dueBy: { de: 'Antworten bis', en: 'Reply by' },
  unanswered: { de: 'Unbeantwortet', en: 'Unanswered' },
  allAnswered: { de: 'Alle Kundennachrichten sind beantwortet.', en: 'Every customer message has been answered.' },
  closingOnly: {
    de: 'Kurze Abschlussantwort genügt — aber antworten Sie',
    en: 'A short closing reply is enough — but do reply',
  },
  insertClosingReply: { de: 'Abschlussantwort einfügen', en: 'Insert closing reply' },
  copy: { de: 'Kopieren', en: 'Copy' },
  copied: { de: 'Kopiert', en: 'Copied' },
  findings: { de: 'Hinweise zur Antwort', en: 'About your reply' },
  appFailed: {
    de: 'Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.',
    en: 'The Rakuten assistant is not working right now. You can keep working as usual.',
  },
  fieldsSaved: { de: 'Bestellnummer und Kundenname übernommen', en: 'Order number and customer name saved' },
} as const satisfies Record<string, LocalizedText>;

export function t(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

export interface UnansweredLine {
  readonly entryId: string;
  readonly receivedAt: Date | null;
  readonly preview: string;
}

/** The unanswered customer messages, oldest first, each cut to a one-line preview. */
export function unansweredLines(state: ConversationState): UnansweredLine[] {
  return state.unanswered.map((forward) => {
    const message = (forward.analysis.customerMessage ?? '').replace(/\s+/g, ' ').trim();
    return {
      entryId: forward.entryId,
      receivedAt: forward.analysis.receivedAt,
      preview: message.length > 80 ? `${message.slice(0, 80)}…` : message,
    };
  });
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}
