import type { FlagCode } from './findings';
import type { MarketplaceProfile } from './profile';

export interface ForwardExtraction {
  /** As written after the label (dash variants unified); null when the label is missing or empty. */
  readonly orderNumber: string | null;
  /** False when the order number does not have the marketplace's usual shape: kept, but flagged. */
  readonly orderNumberWellFormed: boolean | null;
  /** Exactly as written (trimmed). Untrusted text: render only as text. */
  readonly customerName: string | null;
  /** The customer's own words between the markers, without the wrapper. */
  readonly customerMessage: string | null;
  readonly flags: readonly FlagCode[];
}

interface Compiled {
  readonly orderLabel: RegExp;
  readonly nameLabel: RegExp;
  readonly start: RegExp;
  readonly end: RegExp;
  readonly orderShape: RegExp;
}

const cache = new WeakMap<MarketplaceProfile, Compiled>();

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal whose spaces may come back from decoding as any run of blanks (or none next to #). */
function flexible(literal: string): string {
  return literal
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('[ ]*');
}

function compile(profile: MarketplaceProfile): Compiled {
  const known = cache.get(profile);
  if (known) return known;
  const compiled: Compiled = {
    // A label at the start of a line, after optional quote marks; its value may sit on the next line.
    orderLabel: new RegExp(`^[> ]*${flexible(profile.labels.orderNumber)}[ ]*:`, 'gim'),
    nameLabel: new RegExp(`^[> ]*${flexible(profile.labels.customerName)}[ ]*:`, 'gim'),
    start: new RegExp(flexible(profile.markers.startPrefix), 'gi'),
    end: new RegExp(`^[ ]*${flexible(profile.markers.end)}`, 'gim'),
    orderShape: new RegExp(profile.orderNumberPattern),
  };
  cache.set(profile, compiled);
  return compiled;
}

function allMatches(pattern: RegExp, text: string, from = 0): { index: number; end: number }[] {
  const found: { index: number; end: number }[] = [];
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ index: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

function firstMatch(pattern: RegExp, text: string, from = 0): { index: number; end: number } | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { index: match.index, end: match.index + match[0].length } : null;
}

function lineAt(text: string, from: number): string {
  const newline = text.indexOf('\n', from);
  return text.slice(from, newline < 0 ? text.length : newline);
}

/** The value after a label: the rest of its line, or the next non-empty line when decoding broke the line. */
function labelValue(text: string, valueStart: number, stopPattern: RegExp): string | null {
  let value = lineAt(text, valueStart).trim();
  if (value === '') {
    const nextLineStart = text.indexOf('\n', valueStart);
    if (nextLineStart >= 0) {
      const next = lineAt(text, nextLineStart + 1).trim();
      stopPattern.lastIndex = 0;
      if (next !== '' && !next.startsWith('#') && !stopPattern.test(next)) value = next;
    }
  }
  return value === '' ? null : value.slice(0, 500);
}

const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

function cleanOrderNumber(raw: string): string {
  const unified = raw.replace(DASHES, '-');
  // Blanks next to a dash go, as /\s*-\s*/g → '-' did; that pattern retried every blank of a long run as
  // a start, quadratic in the run (regex-safety.test.ts shows it). trim* drop exactly what \s matches.
  const parts = unified.split('-');
  const last = parts.length - 1;
  const compact =
    last === 0 ? unified : parts.map((part, i) => (i === 0 ? part.trimEnd() : i === last ? part.trimStart() : part.trim())).join('-');
  return compact;
}

/** Stops a label value at another label written on the same line (flattened HTML). */
function cutAtNextLabel(value: string, profile: MarketplaceProfile): string {
  const lower = value.toLowerCase();
  let cut = value.length;
  for (const marker of [profile.labels.customerName, profile.labels.orderNumber, '####']) {
    const at = lower.indexOf(marker.toLowerCase());
    if (at > 0 && at < cut) cut = at;
  }
  return value.slice(0, cut).trim();
}

/**
 * The last text searched for the start marker, and the answers: one analysis asks whether the same text
 * has the wrapper two or three times, then extracts from it. A search of the whole text each time.
 */
let last: { text: string; profile: MarketplaceProfile; start: Span | null; structured: boolean | null } | null = null;

type Span = { index: number; end: number };

function remembered(text: string, profile: MarketplaceProfile): NonNullable<typeof last> {
  if (last === null || last.text !== text || last.profile !== profile) {
    last = { text, profile, start: firstMatch(compile(profile).start, text), structured: null };
  }
  return last;
}

/** True when the text carries the marketplace's forward wrapper (labels or the start marker). */
export function hasForwardStructure(text: string, profile: MarketplaceProfile): boolean {
  const known = remembered(text, profile);
  if (known.structured === null) {
    const compiled = compile(profile);
    known.structured =
      known.start !== null || (firstMatch(compiled.orderLabel, text) !== null && firstMatch(compiled.nameLabel, text) !== null);
  }
  return known.structured;
}

/**
 * Reads the top forward of a (normalised) body. The top one wins: an older forward quoted further down
 * starts a new header block, and nothing past it is read. Inside the block the customer's text ends at the
 * last end marker, so an end marker the customer typed into their message cannot cut it short.
 */
export function extractForward(text: string, profile: MarketplaceProfile): ForwardExtraction {
  const compiled = compile(profile);
  const flags: FlagCode[] = [];
  const start = remembered(text, profile).start;
  const headerEnd = start ? start.index : text.length;

  const orderAt = firstMatch(compiled.orderLabel, text);
  const nameAt = firstMatch(compiled.nameLabel, text);
  const orderInHeader = orderAt && orderAt.index < headerEnd ? orderAt : start ? null : orderAt;
  const nameInHeader = nameAt && nameAt.index < headerEnd ? nameAt : start ? null : nameAt;

  let orderNumber: string | null = null;
  let orderNumberWellFormed: boolean | null = null;
  if (orderInHeader) {
    const raw = labelValue(text, orderInHeader.end, compiled.nameLabel);
    orderNumber = raw === null ? null : cleanOrderNumber(cutAtNextLabel(raw, profile)) || null;
  }
  if (orderNumber === null) {
    flags.push('order-number-missing');
  } else {
    orderNumberWellFormed = compiled.orderShape.test(orderNumber);
    if (!orderNumberWellFormed) flags.push('order-number-unusual-shape');
  }

  let customerName: string | null = null;
  if (nameInHeader) {
    const raw = labelValue(text, nameInHeader.end, compiled.orderLabel);
    customerName = raw === null ? null : cutAtNextLabel(raw, profile) || null;
  }

  let customerMessage: string | null = null;
  if (start) {
    const line = lineAt(text, start.end);
    const suffix = profile.markers.startSuffix;
    let bodyStart: number;
    const known = customerName !== null ? line.indexOf(`${customerName} ${suffix}`) : -1;
    if (known >= 0) {
      bodyStart = start.end + known + customerName!.length + 1 + suffix.length;
    } else {
      const suffixAt = line.indexOf(suffix);
      bodyStart = suffixAt >= 0 ? start.end + suffixAt + suffix.length : start.end + line.length;
      if (customerName === null && suffixAt > 0) customerName = line.slice(0, suffixAt).trim() || null;
    }
    // A new header block (label line followed by another start marker) is an older, quoted forward.
    let blockEnd = text.length;
    const nextStart = firstMatch(compiled.start, text, bodyStart);
    if (nextStart) {
      const labelsBefore = allMatches(compiled.orderLabel, text.slice(0, nextStart.index), bodyStart);
      const lastLabel = labelsBefore[labelsBefore.length - 1];
      blockEnd = lastLabel ? lastLabel.index : nextStart.index;
    }
    const ends = allMatches(compiled.end, text.slice(0, blockEnd), bodyStart);
    const lastEnd = ends[ends.length - 1];
    if (!lastEnd) flags.push('end-marker-missing');
    customerMessage = text.slice(bodyStart, lastEnd ? lastEnd.index : blockEnd).trim();
    if (customerMessage === '') flags.push('customer-message-empty');
  }
  if (customerName === null) flags.push('customer-name-missing');

  return { orderNumber, orderNumberWellFormed, customerName, customerMessage, flags };
}
