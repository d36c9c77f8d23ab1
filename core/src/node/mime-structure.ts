/**
 * A linear look at the raw bytes for two shapes that only hostile mail has: a line far longer than any
 * mail system passes on, and MIME parts nested far deeper than any mail client writes. Both are decided
 * here, before mailparser, so that such input costs one scan instead of a parse.
 *
 * The scan follows MIME only as far as depth needs: a header block's Content-Type (multipart boundary,
 * message/rfc822) and the delimiter lines of the multiparts that are open. It never decodes a body.
 */

export interface StructureLimits {
  readonly maxLineBytes: number;
  readonly maxMimeDepth: number;
}

export interface StructureProblem {
  readonly code: 'too-large';
  readonly message: string;
}

const LF = 0x0a;
const CR = 0x0d;
/** Content-Type values longer than this are not real ones; only their start is read. */
const MAX_CONTENT_TYPE_CHARS = 4096;

/** Null when the input is within both limits. */
export function checkStructure(bytes: Buffer, limits: StructureLimits): StructureProblem | null {
  const longLine = firstLineLongerThan(bytes, limits.maxLineBytes);
  if (longLine >= 0) {
    return {
      code: 'too-large',
      message: `The line at byte ${longLine} is longer than ${limits.maxLineBytes} bytes (mail allows 998).`,
    };
  }
  if (mimeDepth(bytes, limits.maxMimeDepth) > limits.maxMimeDepth) {
    return { code: 'too-large', message: `The MIME parts are nested more than ${limits.maxMimeDepth} levels deep.` };
  }
  return null;
}

/**
 * Byte offset of the first line with more than `max` bytes before its line feed, or -1. Jumps `max` bytes
 * at a time and looks back for a line feed, so short lines cost one native backwards search per `max` bytes.
 */
export function firstLineLongerThan(bytes: Buffer, max: number): number {
  let start = 0;
  while (bytes.length - start > max) {
    const lf = bytes.lastIndexOf(LF, start + max);
    if (lf < start) return start;
    start = lf + 1;
  }
  return -1;
}

interface ContentType {
  readonly multipartBoundary: string | null;
  readonly embeddedMessage: boolean;
}

/** An open level: a multipart waiting for its delimiter lines, or an embedded message (boundary null). */
type Level = string | null;

/**
 * How deeply multiparts and embedded messages (message/rfc822) nest, counted until it exceeds `limit`
 * (then limit + 1 is returned at once). The top-level message is depth 0; each multipart body and each
 * embedded message inside it is one level more.
 */
export function mimeDepth(bytes: Buffer, limit: number): number {
  const open: Level[] = [];
  let deepest = 0;
  let position = 0;
  let inHeader = true;
  while (position <= bytes.length) {
    if (inHeader) {
      const header = readHeaderBlock(bytes, position);
      position = header.end;
      inHeader = false;
      if (header.type.multipartBoundary !== null) open.push(header.type.multipartBoundary);
      else if (header.type.embeddedMessage) {
        open.push(null);
        inHeader = true; // the body of an embedded message starts with its own header block
      }
      deepest = Math.max(deepest, open.length);
      if (deepest > limit) return deepest;
      continue;
    }
    // In a body: only a delimiter line of an open multipart changes anything.
    if (!open.some((level) => level !== null)) break;
    const line = nextDashLine(bytes, position);
    if (line === null) break;
    position = line.next;
    const match = matchDelimiter(line.text, open);
    if (match === null) continue;
    open.length = match.closing ? match.level : match.level + 1;
    if (!match.closing) inHeader = true;
  }
  return deepest;
}

/** The next line (from `from` on) that starts with "--", as latin1 text without its line ending. */
function nextDashLine(bytes: Buffer, from: number): { text: string; next: number } | null {
  let start: number;
  if (from < bytes.length && bytes[from] === 0x2d && bytes[from + 1] === 0x2d && (from === 0 || bytes[from - 1] === LF)) {
    start = from;
  } else {
    const found = bytes.indexOf('\n--', Math.max(0, from - 1), 'latin1');
    if (found < 0) return null;
    start = found + 1;
  }
  const lf = bytes.indexOf(LF, start);
  const end = lf < 0 ? bytes.length : lf;
  // A delimiter line is short (RFC 2046: boundary of at most 70 characters); only its start is read.
  const text = bytes.toString('latin1', start, Math.min(end, start + 1100));
  return { text: text.endsWith('\r') ? text.slice(0, -1) : text, next: lf < 0 ? bytes.length + 1 : lf + 1 };
}

/** Which open multipart (innermost first) a "--boundary" or "--boundary--" line belongs to, if any. */
function matchDelimiter(line: string, open: readonly Level[]): { level: number; closing: boolean } | null {
  const value = trimBlanksEnd(line);
  for (let level = open.length - 1; level >= 0; level--) {
    const boundary = open[level];
    if (boundary === null || boundary === undefined) continue;
    if (value === `--${boundary}`) return { level, closing: false };
    if (value === `--${boundary}--`) return { level, closing: true };
  }
  return null;
}

function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return text.slice(0, end);
}

/** Reads a header block from `start` to its blank line; returns where the body starts and what it holds. */
function readHeaderBlock(bytes: Buffer, start: number): { end: number; type: ContentType } {
  let position = start;
  let field = ''; // the current field's name, lower-cased
  let contentType = '';
  let encoding = '';
  while (position < bytes.length) {
    const lf = bytes.indexOf(LF, position);
    const end = lf < 0 ? bytes.length : lf;
    const next = lf < 0 ? bytes.length : lf + 1;
    const length = end > position && bytes[end - 1] === CR ? end - 1 - position : end - position;
    if (length === 0) return { end: next, type: parseContentType(contentType, encoding) };
    const first = bytes[position];
    if (first === 0x20 || first === 0x09) {
      // A folded continuation of the field before.
      if (field === 'content-type' && contentType.length < MAX_CONTENT_TYPE_CHARS) {
        contentType += bytes.toString('latin1', position, Math.min(position + length, position + MAX_CONTENT_TYPE_CHARS));
      }
    } else {
      const head = bytes.toString('latin1', position, Math.min(position + length, position + MAX_CONTENT_TYPE_CHARS));
      const colon = head.indexOf(':');
      field = colon < 0 ? '' : head.slice(0, colon).trim().toLowerCase();
      if (field === 'content-type') contentType = head.slice(colon + 1);
      if (field === 'content-transfer-encoding') encoding = head.slice(colon + 1).trim().toLowerCase();
    }
    position = next;
  }
  return { end: bytes.length + 1, type: parseContentType(contentType, encoding) };
}

// Anchored at a parameter start (";" or the value's start), no nested quantifiers: linear.
const BOUNDARY_PARAMETER = /(?:^|;)[ \t\r\n]*boundary[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|([^;\s"]+))/i;

function parseContentType(value: string, encoding: string): ContentType {
  const type = (value.split(';', 1)[0] ?? '').trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const match = BOUNDARY_PARAMETER.exec(value);
    const boundary = (match?.[1] ?? match?.[2] ?? '').trimEnd();
    // As mailsplit: a multipart without a usable boundary is read as a single part.
    return { multipartBoundary: boundary === '' ? null : boundary, embeddedMessage: false };
  }
  // An encoded embedded message is an attachment to mailparser, not a nested tree.
  const embedded = type === 'message/rfc822' && encoding !== 'base64' && encoding !== 'quoted-printable';
  return { multipartBoundary: null, embeddedMessage: embedded };
}
