import type { FlagCode } from '../findings';
import { flag } from '../flags';
import type { LocalizedText } from '../i18n';
import type { SenderVerdict } from '../sender-trust';
import { SIDEBAR_TEXT, formatBerlin, formatDeadline } from '../sidebar-model';
import { isErrorLine, type AnalysisLine, type CliErrorCode, type CliLine, type ErrorLine } from './cli-record';

const KIND_TEXT: Readonly<Record<SenderVerdict, LocalizedText>> = {
  'customer-forward': SIDEBAR_TEXT.genuine,
  'rakuten-notice': SIDEBAR_TEXT.notice,
  spoofed: SIDEBAR_TEXT.spoofed,
  unrelated: SIDEBAR_TEXT.unrelated,
};

const ERROR_TEXT: Readonly<Record<CliErrorCode, LocalizedText>> = {
  'not-found': { de: 'Datei nicht gefunden', en: 'file not found' },
  'is-a-directory': { de: 'Das ist ein Ordner, keine Datei', en: 'this is a directory, not a file' },
  'permission-denied': { de: 'Keine Leseberechtigung', en: 'permission denied' },
  'read-failed': { de: 'Datei nicht lesbar', en: 'file could not be read' },
  'empty-input': { de: 'Die Datei ist leer', en: 'the file is empty' },
  'not-a-mail': { de: 'Keine E-Mail', en: 'not an e-mail' },
  'too-large': { de: 'Zu groß', en: 'too large' },
  'parse-failed': { de: 'E-Mail nicht lesbar', en: 'the e-mail could not be parsed' },
  'analysis-failed': { de: 'Analyse fehlgeschlagen', en: 'analysis failed' },
};

const LABEL_WIDTH = 30;
const MAX_MESSAGE_LINES = 12;
const MAX_MESSAGE_CHARS = 800;

/**
 * Mail text goes to a terminal: control characters (ESC starts escape sequences that can rewrite the
 * screen or the window title) and bidi overrides (which reorder what the reader sees) are made visible.
 */
function safe(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function both(text: LocalizedText): string {
  return `${text.de} / ${text.en}`;
}

function row(label: string, value: string): string {
  const [first = '', ...rest] = value.split('\n');
  const indent = ' '.repeat(LABEL_WIDTH);
  return [`${label.padEnd(LABEL_WIDTH - 1)} ${first}`, ...rest.map((line) => (line === '' ? '' : `${indent}${line}`))].join('\n');
}

function berlin(iso: string | null, format: (date: Date, locale: 'de') => string = formatBerlin): string {
  return iso === null ? '–' : `${format(new Date(iso), 'de')} Uhr (Berlin)`;
}

function messageExcerpt(message: string): string {
  const clipped = message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
  const lines = clipped.split('\n');
  const shown = lines.length > MAX_MESSAGE_LINES ? [...lines.slice(0, MAX_MESSAGE_LINES), '…'] : lines;
  return shown.map(safe).join('\n');
}

function flagRows(codes: readonly FlagCode[]): string {
  if (codes.length === 0) return row('Hinweise / Flags', 'keine / none');
  return row('Hinweise / Flags', codes.map((code) => `• ${flag(code).text.de} [${code}]`).join('\n'));
}

function sender(line: AnalysisLine): string {
  const { name, address } = line.sender;
  return safe(name === '' ? `<${address}>` : `"${name}" <${address}>`);
}

function analysisBlock(line: AnalysisLine): string[] {
  const rows = [
    row('Art / Kind', both(KIND_TEXT[line.kind])),
    row('Absender / Sender', sender(line)),
    row('Betreff / Subject', safe(line.subject) || '–'),
    row('Eingang / Received', berlin(line.receivedAt)),
  ];
  if (line.kind === 'customer-forward') {
    const closing = line.closingOnly === null ? '–' : line.closingOnly ? `ja / yes – ${SIDEBAR_TEXT.closingOnly.de}` : 'nein / no';
    rows.push(
      row('Bestellnummer / Order', safe(line.orderNumber ?? '–')),
      row('Kunde / Customer', safe(line.customerName ?? '–')),
      row('Nachricht / Message', line.customerMessage === null ? '–' : messageExcerpt(line.customerMessage)),
      row('Nur Abschluss / Closing only', closing),
      row('Antwort an / Reply to', line.replyTo ?? '–'),
      row('Antworten bis / Reply by', berlin(line.replyDueBy, formatDeadline)),
    );
  }
  rows.push(flagRows(line.flags));
  if (line.kind === 'spoofed') rows.push(row('Rat / Advice', SIDEBAR_TEXT.spoofedAdvice.de));
  return rows;
}

function errorBlock(line: ErrorLine): string[] {
  return [row('Fehler / Error', `${both(ERROR_TEXT[line.error.code])} (${line.error.code})\n${safe(line.error.message)}`)];
}

/** One block per file for a person: German first, English labels alongside. */
export function prettyBlock(line: CliLine): string {
  const body = isErrorLine(line) ? errorBlock(line) : analysisBlock(line);
  return `── ${safe(line.file)} ──\n${body.join('\n')}\n\n`;
}
