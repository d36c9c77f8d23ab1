import type { ThreadEntry } from '@rakuten-helpdesk/core';
import type { RestComment, Thread } from './zendesk-api';

/** Channels on which Zendesk itself writes: triggers and automations ('rule'), merges and follow-ups ('system'). */
const AUTOMATED_CHANNELS = new Set(['rule', 'system']);
const AUTOMATED_RELS = new Set(['trigger', 'automation']);
const STAFF_ROLES = new Set(['agent', 'admin']);

function isAutomated(comment: RestComment): boolean {
  return AUTOMATED_CHANNELS.has(comment.channel) || (comment.rel !== null && AUTOMATED_RELS.has(comment.rel));
}

function toEntry(comment: RestComment, role: string | undefined, subject: string): ThreadEntry {
  const id = String(comment.id);
  const at = new Date(comment.createdAt);
  if (isAutomated(comment)) return { id, role: 'automation', public: comment.public, at, text: comment.plainBody };
  if (role !== undefined && STAFF_ROLES.has(role)) {
    // Zendesk does not record per comment where a reply went; the core then takes the ticket's requester.
    return { id, role: 'agent', public: comment.public, at, to: [], cc: [], text: comment.plainBody };
  }
  return {
    id,
    role: 'incoming',
    message: {
      // Only a mail Zendesk received can vouch for its sender. A web form or API comment carries no From
      // header; its author's profile address is no proof, so it gets none and cannot pass as a forward.
      senderAddress: comment.channel === 'email' ? (comment.fromAddress ?? '') : '',
      senderName: comment.fromName ?? '',
      subject,
      receivedAt: at,
      text: comment.plainBody,
      html: comment.htmlBody ?? undefined,
    },
  };
}

/** The ticket's comments in the core's terms. Only the first comment carries the ticket's subject. */
export function threadEntries(thread: Thread, subject: string): ThreadEntry[] {
  const firstId = thread.comments.reduce<RestComment | null>(
    (first, comment) => (first === null || comment.createdAt < first.createdAt ? comment : first),
    null,
  )?.id;
  return thread.comments.map((comment) =>
    toEntry(comment, comment.authorId === null ? undefined : thread.roles.get(comment.authorId), comment.id === firstId ? subject : ''),
  );
}
