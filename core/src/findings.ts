import type { LocalizedText } from './i18n';

/** Stable codes: apps and tests match on these, never on the texts. */
export type FindingCode =
  | 'wrong-recipient'
  | 'unanswered-on-solve'
  | 'empty-public-reply'
  | 'greets-marketplace'
  | 'unfilled-placeholder';

export type Severity = 'block' | 'warn';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly text: LocalizedText;
}

/** Facts about one analysed message that a person should know (not errors: the analysis still ran). */
export type FlagCode =
  | 'order-number-unusual-shape'
  | 'order-number-missing'
  | 'customer-name-missing'
  | 'end-marker-missing'
  | 'customer-message-empty'
  | 'display-name-impersonation'
  | 'lookalike-domain'
  | 'authentication-failed'
  | 'marketplace-look-without-genuine-sender'
  | 'input-truncated'
  | 'rewards-matter';

export interface Flag {
  readonly code: FlagCode;
  readonly text: LocalizedText;
}
