/**
 * A cheap look at the top of the raw bytes before mailparser sees them. mailparser accepts anything
 * (a PNG "parses" into a message with a garbage header), so whether the input is a mail at all, and
 * whether its header block is of sane size, is decided here.
 */

export type ShapeProblem =
  | { readonly code: 'not-a-mail'; readonly message: string }
  | { readonly code: 'too-large'; readonly message: string };

export interface HeaderLimits {
  readonly maxHeaderBytes: number;
  readonly maxHeaderFields: number;
  readonly maxAddressesPerField: number;
}

/** A field line: RFC 5322 field name (printable ASCII except colon), optional blanks, colon. */
const FIELD_LINE = /^[!-9;-~]+[ \t]*:/;
const FIELD_NAME = /^([!-9;-~]+)[ \t]*:/;

/**
 * Fields every real mail carries at least one of. Requiring one keeps "Note: buy milk" or a text file
 * that happens to start with "x:" from counting as a mail.
 */
const MAIL_FIELDS = new Set([
  'from', 'to', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'content-type',
  'delivered-to', 'reply-to', 'sender',
]);

/** Fields that hold address lists, which mailparser parses address by address. */
const ADDRESS_FIELDS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc']);

/**
 * Counts the entries of the address list being read, line by line (a field may be folded over many):
 * commas outside quoted strings, plus one. Comments are not parsed, so a comma in one counts too; an
 * upper bound is all a limit needs.
 */
class AddressLists {
  /** The address field being read, or null. */
  field: string | null = null;
  entries = 0;
  private quoted = false;
  private escaped = false;

  /** Takes the next header line (a field line or a folded continuation). */
  read(line: string): void {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (this.field !== null) this.count(line);
      return;
    }
    const name = FIELD_NAME.exec(line)?.[1]?.toLowerCase() ?? '';
    this.field = ADDRESS_FIELDS.has(name) ? name : null;
    if (this.field === null) return;
    this.entries = 1;
    this.quoted = false;
    this.escaped = false;
    this.count(line.slice(line.indexOf(':') + 1));
  }

  overflow(max: number): ShapeProblem | null {
    if (this.field === null || this.entries <= max) return null;
    return { code: 'too-large', message: `The ${this.field} field names more than ${max} addresses.` };
  }

  private count(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.escaped) this.escaped = false;
      else if (code === 0x5c) this.escaped = this.quoted; // a backslash escapes only inside quotes
      else if (code === 0x22) this.quoted = !this.quoted;
      else if (code === 0x2c && !this.quoted) this.entries += 1;
    }
  }
}

/** Editors on Windows save .eml files with a UTF-8 BOM; mailparser would read it as part of the first field name. */
export function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

export function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x0b) return false;
  }
  return true;
}

/**
 * Checks the top-level header block: it must start with a field line, name at least one mail field,
 * hold no NUL byte (binary data), and stay within the limits. Returns null when the input looks like a mail.
 */
export function checkMailShape(bytes: Uint8Array, limits: HeaderLimits): ShapeProblem | null {
  const window = Math.min(bytes.length, limits.maxHeaderBytes + 1);
  // latin1 maps every byte to one char, so offsets are byte offsets and nothing can fail to decode.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, window).toString('latin1');
  let position = 0;
  // An mbox export starts with a "From " separator line that is not part of the message.
  if (head.startsWith('From ')) position = nextLine(head, position);

  let fields = 0;
  let knownField = false;
  const addresses = new AddressLists();
  let first = true;
  let ended = false;
  while (position < head.length) {
    const end = head.indexOf('\n', position);
    if (end < 0 && window < bytes.length) {
      // The block goes on past the window. An address list that already overflows is named as the cause.
      addresses.read(head.slice(position));
      const overflow = addresses.overflow(limits.maxAddressesPerField);
      if (overflow) return overflow;
      break;
    }
    const line = head.slice(position, end < 0 ? head.length : end).replace(/\r$/, '');
    if (line === '') {
      ended = true;
      break;
    }
    if (line.includes('\u0000')) return notAMail('the header block contains binary data');
    const isField = FIELD_LINE.test(line);
    if (first && !isField) return notAMail('it does not start with a header field such as "From:"');
    first = false;
    if (isField) {
      fields += 1;
      if (fields > limits.maxHeaderFields) {
        return { code: 'too-large', message: `The mail has more than ${limits.maxHeaderFields} header fields.` };
      }
      const name = FIELD_NAME.exec(line)?.[1]?.toLowerCase() ?? '';
      if (MAIL_FIELDS.has(name)) knownField = true;
    }
    addresses.read(line);
    const overflow = addresses.overflow(limits.maxAddressesPerField);
    if (overflow) return overflow;
    position = end < 0 ? head.length : end + 1;
  }
  if (!ended && window < bytes.length) {
    return { code: 'too-large', message: `The header block is longer than ${limits.maxHeaderBytes} bytes.` };
  }
  if (fields === 0) return notAMail('it has no header fields');
  if (!knownField) return notAMail('none of its header fields is a mail header (From, Date, Subject, …)');
  return null;
}

function nextLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end + 1;
}

function notAMail(reason: string): ShapeProblem {
  return { code: 'not-a-mail', message: `Not an e-mail: ${reason}.` };
}
