import type { IncomingMessage, ThreadEntry } from '@rakuten-helpdesk/core';
import type { Conversation, Requester, Ticket } from './freshdesk-schemas';
import { parseMailbox } from './mailbox';

/** Conversation sources that are mail leaving the helpdesk: a reply (0) or a forward (8). */
const OUTGOING_MAIL_SOURCES: ReadonlySet<number> = new Set([0, 8]);
const NOTE_SOURCE = 2;

function dateOrNull(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The mail that opened the ticket, as the core reads mail: the requester is its sender. */
export function ticketMessage(ticket: Ticket, requester: Requester | null | undefined): IncomingMessage {
  return {
    senderAddress: requester?.email ?? '',
    senderName: requester?.name ?? '',
    subject: ticket.subject ?? '',
    receivedAt: dateOrNull(ticket.created_at),
    text: ticket.description_text ?? '',
    html: ticket.description ?? undefined,
  };
}

/** A later mail on the same ticket (Rakuten forwards the customer's next message into the same thread). */
export function conversationMessage(conversation: Conversation): IncomingMessage {
  const from = parseMailbox(conversation.from_email ?? '');
  return {
    senderAddress: from.address,
    senderName: from.name,
    subject: '',
    receivedAt: dateOrNull(conversation.created_at),
    text: conversation.body_text ?? '',
    html: conversation.body ?? undefined,
  };
}

/**
 * A note never reaches Rakuten, whatever its `private` flag says: a public note is only shown in the portal,
 * not mailed. Only a reply or forward leaves as mail, and the core then checks where it went.
 */
function reachesRakuten(conversation: Conversation): boolean {
  if (conversation.private === true || conversation.source === NOTE_SOURCE) return false;
  return conversation.source === null || conversation.source === undefined || OUTGOING_MAIL_SOURCES.has(conversation.source);
}

export function conversationEntry(conversation: Conversation): ThreadEntry {
  const entryId = `conversation-${conversation.id}`;
  if (conversation.incoming === true) return { id: entryId, role: 'incoming', message: conversationMessage(conversation) };
  return {
    id: entryId,
    role: 'agent',
    public: reachesRakuten(conversation),
    at: dateOrNull(conversation.created_at) ?? new Date(0),
    to: conversation.to_emails ?? [],
    cc: conversation.cc_emails ?? [],
    text: conversation.body_text ?? '',
  };
}

export function ticketThread(ticket: Ticket, requester: Requester | null | undefined, conversations: readonly Conversation[]): ThreadEntry[] {
  return [
    { id: `ticket-${ticket.id}`, role: 'incoming', message: ticketMessage(ticket, requester) },
    ...conversations.map(conversationEntry),
  ];
}
