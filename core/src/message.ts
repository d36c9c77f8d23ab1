/** A normalised incoming e-mail, whatever it came from (raw .eml, a Zendesk comment, a Freshdesk ticket). */
export interface IncomingMessage {
  /** Address part of the From header as received, '' when there is none. */
  readonly senderAddress: string;
  /** Display name of the From header ('' when none). Untrusted: it is where spoofs hide an address. */
  readonly senderName: string;
  readonly subject: string;
  /** When the message was received (Date header, or the helpdesk's creation time). */
  readonly receivedAt: Date | null;
  /** Plain text body ('' when the mail only had HTML; the core then reads `html`). */
  readonly text: string;
  readonly html?: string | undefined;
  /** Raw `Authentication-Results` header value(s), joined by newlines. */
  readonly authenticationResults?: string | undefined;
}
