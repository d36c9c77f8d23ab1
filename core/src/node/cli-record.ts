import type { MessageAnalysis } from '../analyze';
import type { FlagCode } from '../findings';
import type { IncomingMessage } from '../message';
import type { SenderVerdict } from '../sender-trust';
import type { ReadInputError } from './read-capped';
import type { ReadEmlError } from './eml';

export type CliErrorCode = ReadInputError | ReadEmlError | 'analysis-failed';

/** One output line for a file that was analysed. Field order is the documented one. */
export interface AnalysisLine {
  readonly file: string;
  readonly kind: SenderVerdict;
  readonly orderNumber: string | null;
  readonly orderNumberWellFormed: boolean | null;
  readonly customerName: string | null;
  readonly customerMessage: string | null;
  readonly closingOnly: boolean | null;
  readonly replyTo: string | null;
  readonly receivedAt: string | null;
  readonly replyDueBy: string | null;
  readonly subject: string;
  readonly sender: { readonly address: string; readonly name: string };
  readonly flags: readonly FlagCode[];
}

export interface ErrorLine {
  readonly file: string;
  readonly error: { readonly code: CliErrorCode; readonly message: string };
}

export type CliLine = AnalysisLine | ErrorLine;

export function isErrorLine(line: CliLine): line is ErrorLine {
  return 'error' in line;
}

export function analysisLine(file: string, message: IncomingMessage, analysis: MessageAnalysis): AnalysisLine {
  return {
    file,
    kind: analysis.kind,
    orderNumber: analysis.orderNumber,
    orderNumberWellFormed: analysis.orderNumberWellFormed,
    customerName: analysis.customerName,
    customerMessage: analysis.customerMessage,
    closingOnly: analysis.closingOnly,
    replyTo: analysis.replyTo,
    receivedAt: analysis.receivedAt?.toISOString() ?? null,
    replyDueBy: analysis.replyDueBy?.toISOString() ?? null,
    subject: message.subject,
    sender: { address: message.senderAddress, name: message.senderName },
    flags: analysis.flags.map((flag) => flag.code),
  };
}

export function errorLine(file: string, code: CliErrorCode, message: string): ErrorLine {
  return { file, error: { code, message } };
}

/**
 * Characters JSON.stringify leaves raw that a terminal or an editor acts on: C1 controls (0x9B starts
 * an escape sequence on some terminals), bidi overrides (which reorder what a reader sees), and the
 * two line separators. They can only occur inside strings, so escaping them keeps the JSON valid.
 */
const UNSAFE_IN_OUTPUT = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonLine(line: CliLine): string {
  const json = JSON.stringify(line).replace(UNSAFE_IN_OUTPUT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}
