import { parseAddressHeader, simpleParser, type AddressObject, type EmailAddress, type HeaderLines, type ParsedMail } from 'mailparser';
import type { IncomingMessage } from '../message';
import { err, excerpt, ok, type Result } from '../result';
import { parseDateHeader } from './date-header';
import { readEmlLimits, type ReadEmlLimits, type ReadEmlOptions } from './eml-options';
import { checkMailShape, isBlank, withoutBom } from './mail-shape';
import { checkStructure } from './mime-structure';

export type ReadEmlError = 'empty-input' | 'not-a-mail' | 'too-large' | 'parse-failed';

/**
 * Reads a raw RFC 5322 message (.eml) into the core's `IncomingMessage`. A string is taken as UTF-8;
 * pass a Buffer for 8-bit mail, so that its bytes reach the charset decoder unchanged.
 * Invalid options throw (a caller's bug); everything wrong with the input comes back as an error value.
 */
export async function readEml(source: Buffer | string, options?: ReadEmlOptions): Promise<Result<IncomingMessage, ReadEmlError>> {
  const limits = readEmlLimits(options);
  const size = typeof source === 'string' ? Buffer.byteLength(source, 'utf8') : source.length;
  if (size > limits.maxBytes) return err('too-large', `The input has ${size} bytes; at most ${limits.maxBytes} are read.`);
  const bytes = withoutBom(typeof source === 'string' ? Buffer.from(source, 'utf8') : source);
  if (isBlank(bytes)) return err('empty-input', 'The input is empty.');
  const problem = checkMailShape(bytes, limits) ?? checkStructure(bytes, limits);
  if (problem) return err(problem.code, problem.message);

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(bytes, parserOptions(limits));
  } catch (cause) {
    return parseFailure(cause);
  }
  return ok(toIncomingMessage(parsed));
}

function parserOptions(limits: ReadEmlLimits) {
  return {
    // The core reads HTML itself, linearly; mailparser's converter is slow on hostile markup.
    skipHtmlToText: true,
    maxHtmlLengthToParse: limits.maxHtmlLengthToParse,
    // Neither is read by the core; both cost time and memory proportional to the body.
    skipTextToHtml: true,
    skipTextLinks: true,
    // Inlining images as data: URLs would blow up `html` with bytes nobody reads.
    skipImageLinks: true,
    keepCidLinks: true,
    maxHeadSize: limits.maxHeaderBytes,
    maxChildNodes: limits.maxMimeParts,
    checksumAlgo: false as const,
  };
}

function parseFailure(cause: unknown): Result<never, ReadEmlError> {
  const message = cause instanceof Error ? cause.message : String(cause);
  // mailsplit tags its limit overflows (header size, MIME part count) with EMAXLEN.
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  if (code === 'EMAXLEN') return err('too-large', `The mail exceeds a parser limit: ${excerpt(message)}`);
  return err('parse-failed', `The mail could not be parsed: ${excerpt(message)}`);
}

function toIncomingMessage(parsed: ParsedMail): IncomingMessage {
  const sender = senderOf(parsed);
  const date = headerValues(parsed.headerLines, 'date')[0];
  const authentication = headerValues(parsed.headerLines, 'authentication-results');
  return {
    senderAddress: sender.address,
    senderName: sender.name,
    subject: parsed.subject ?? '',
    receivedAt: date === undefined ? null : parseDateHeader(date),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    authenticationResults: authentication.length > 0 ? authentication.join('\n') : undefined,
  };
}

/** Values of every occurrence of a top-level header, unfolded (a fold is not a line break in the value). */
function headerValues(lines: HeaderLines, key: string): string[] {
  return lines
    .filter((line) => line.key === key)
    .map((line) => line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '').trim());
}

/**
 * The first mailbox of From. Its display name is kept as written (decoded), because that is where a
 * spoof puts "service@rakuten.de". Two From fields (RFC 5322 allows one) are a known trick to show
 * one sender to the reader and another to the filter: then no address counts as the sender, and all
 * of them go into the name so the core sees what is being imitated.
 */
function senderOf(parsed: ParsedMail): { address: string; name: string } {
  const fromFields = headerValues(parsed.headerLines, 'from');
  if (fromFields.length > 1) {
    const all = parseAddressHeader(fromFields, { flatten: true }).value;
    const distinct = new Set(all.map((entry) => (entry.address ?? '').toLowerCase()));
    // A relay that merely duplicated the field is no spoof.
    if (distinct.size === 1) return firstMailbox(parsed.from);
    return { address: '', name: all.map((entry) => [entry.name, entry.address ?? ''].filter(Boolean).join(' ')).join(', ') };
  }
  return firstMailbox(parsed.from);
}

function firstMailbox(from: AddressObject | undefined): { address: string; name: string } {
  const entries: readonly EmailAddress[] = from?.value ?? [];
  for (const entry of entries) {
    if (entry.address) return { address: entry.address, name: entry.name };
    const member = entry.group?.find((candidate) => candidate.address);
    if (member?.address) return { address: member.address, name: member.name || entry.name };
  }
  return { address: '', name: entries[0]?.name ?? '' };
}
