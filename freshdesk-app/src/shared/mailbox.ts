export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

/**
 * Splits Freshdesk's `from_email` ("Rakuten Service <service@rakuten.de>" or a bare address). The display
 * name is kept apart because the core judges it separately: it is where spoofs hide a Rakuten address.
 */
export function parseMailbox(value: string): Mailbox {
  const trimmed = value.trim();
  const open = trimmed.lastIndexOf('<');
  if (open < 0 || !trimmed.endsWith('>')) return { name: '', address: trimmed };
  const name = trimmed
    .slice(0, open)
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return { name, address: trimmed.slice(open + 1, -1).trim() };
}
