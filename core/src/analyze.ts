import { isClosingOnly } from './closing';
import { replyDueBy } from './deadline';
import { extractForward, hasForwardStructure } from './extract';
import type { Flag, FlagCode } from './findings';
import { flag } from './flags';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './holidays';
import type { IncomingMessage } from './message';
import { RAKUTEN_DE, type MarketplaceProfile } from './profile';
import { mentionsRewards } from './rakuten-support';
import { judgeSender, type SenderVerdict } from './sender-trust';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { htmlToText, normalizeText } from './text';

export interface AnalyzeOptions {
  readonly settings?: Settings | undefined;
  readonly profile?: MarketplaceProfile | undefined;
  /**
   * Characters of body text read at most. Genuine forwards are a few KB; a cap keeps a hostile 20 MB body
   * from costing the sidebar seconds, and the header block and markers always sit at the top.
   */
  readonly maxTextLength?: number | undefined;
}

export const DEFAULT_MAX_TEXT_LENGTH = 1_000_000;

export interface MessageAnalysis {
  readonly kind: SenderVerdict;
  readonly orderNumber: string | null;
  readonly orderNumberWellFormed: boolean | null;
  readonly customerName: string | null;
  readonly customerMessage: string | null;
  readonly closingOnly: boolean | null;
  /** Where the answer must go; only for a genuine customer forward. */
  readonly replyTo: string | null;
  readonly receivedAt: Date | null;
  readonly replyDueBy: Date | null;
  readonly flags: readonly Flag[];
}

/** Any character that trim() keeps. */
const NOT_BLANK = /\S/;

/** The body a person would read: the plain part, or the HTML part when only it carries the forward. */
export function readableBody(message: IncomingMessage, profile: MarketplaceProfile, maxLength: number): { text: string; truncated: boolean } {
  const cap = (value: string) => ({ text: value.slice(0, maxLength), truncated: value.length > maxLength });
  const plain = cap(normalizeText(message.text.slice(0, maxLength + 1)));
  // NOT_BLANK.test(x) is x.trim() !== '' without copying the whole text.
  if (!message.html || (NOT_BLANK.test(plain.text) && hasForwardStructure(plain.text, profile))) return plain;
  const fromHtml = cap(htmlToText(message.html.slice(0, maxLength * 4)));
  return hasForwardStructure(fromHtml.text, profile) || !NOT_BLANK.test(plain.text) ? fromHtml : plain;
}

/** Holiday rules are known for these years only; a broken Date header outside them gets no deadline. */
function withinCalendar(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= FIRST_SUPPORTED_YEAR && year < LAST_SUPPORTED_YEAR;
}

export function analyzeMessage(message: IncomingMessage, options: AnalyzeOptions = {}): MessageAnalysis {
  const profile = options.profile ?? RAKUTEN_DE;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const body = readableBody(message, profile, options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH);
  const structured = hasForwardStructure(body.text, profile);
  const trust = judgeSender(message, structured, profile);
  const flagCodes: FlagCode[] = [...trust.reasons];
  if (body.truncated) flagCodes.push('input-truncated');
  const receivedAt = message.receivedAt && !Number.isNaN(message.receivedAt.getTime()) ? message.receivedAt : null;
  // Both results are written out field by field: `{ ...base, more }` took microseconds per message in V8
  // (a slow path for spread-plus-properties), more than the rest of a short analysis.
  if (trust.verdict !== 'customer-forward') {
    return {
      kind: trust.verdict,
      orderNumber: null,
      orderNumberWellFormed: null,
      customerName: null,
      customerMessage: null,
      closingOnly: null,
      replyTo: null,
      receivedAt,
      replyDueBy: null,
      flags: flagCodes.map(flag),
    };
  }

  const forward = extractForward(body.text, profile);
  flagCodes.push(...forward.flags);
  if (forward.customerMessage !== null && mentionsRewards(forward.customerMessage)) flagCodes.push('rewards-matter');
  const closing = forward.customerMessage === null ? null : isClosingOnly(forward.customerMessage);
  return {
    kind: trust.verdict,
    orderNumber: forward.orderNumber,
    orderNumberWellFormed: forward.orderNumberWellFormed,
    customerName: forward.customerName,
    customerMessage: forward.customerMessage,
    closingOnly: closing,
    replyTo: profile.replyAddress,
    receivedAt,
    replyDueBy: receivedAt && withinCalendar(receivedAt)
      ? replyDueBy(receivedAt, {
          bundesland: settings.bundesland,
          saturdayIsWorkingDay: settings.saturdayIsWorkingDay,
          workingDays: profile.deadline.workingDays,
        })
      : null,
    flags: flagCodes.map(flag),
  };
}
