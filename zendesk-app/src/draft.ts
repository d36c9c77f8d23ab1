import { htmlToText, type ReplyDraft } from '@rakuten-helpdesk/core';
import { isRecord, type ReadResult } from './zaf-client';

/** What the ticket editor holds right now; read before every check, never cached. */
export const DRAFT_PATHS = ['ticket.requester', 'ticket.collaborators', 'comment.type', 'comment.text', 'ticket.status'] as const;

const SOLVING_STATUSES = new Set(['solved', 'closed']);
/** Agents who follow a ticket get Zendesk's internal notifications, not the customer's mail. */
const STAFF_ROLES = new Set(['agent', 'admin']);

export class DraftUnreadable extends Error {
  constructor(paths: readonly string[]) {
    super(`The ticket editor did not answer for ${paths.join(', ')}`);
    this.name = 'DraftUnreadable';
  }
}

/** A user as the editor shows it: the address if there is one, else the name, so a stranger is never invisible. */
function recipient(user: unknown): string | null {
  if (!isRecord(user)) return null;
  const email = typeof user['email'] === 'string' ? user['email'].trim() : '';
  if (email !== '') return email;
  const name = typeof user['name'] === 'string' ? user['name'].trim() : '';
  return name === '' ? null : name;
}

/** The rich-text editor hands over HTML; the guard reads what the customer will read. */
function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return /<[a-z][^>]*>/i.test(value) ? htmlToText(value) : value;
}

export function draftFrom(read: ReadResult): ReplyDraft {
  const missing = DRAFT_PATHS.filter((path) => read.failed.includes(path));
  if (missing.length > 0) throw new DraftUnreadable(missing);
  const { values } = read;
  const requester = recipient(values['ticket.requester']);
  const collaborators = Array.isArray(values['ticket.collaborators']) ? values['ticket.collaborators'] : [];
  const cc = collaborators
    .filter((user) => !(isRecord(user) && typeof user['role'] === 'string' && STAFF_ROLES.has(user['role'])))
    .map(recipient)
    .filter((address): address is string => address !== null);
  const status = typeof values['ticket.status'] === 'string' ? values['ticket.status'].toLowerCase() : '';
  return {
    to: requester === null ? [] : [requester],
    cc,
    bcc: [],
    public: values['comment.type'] !== 'internalNote',
    text: plainText(values['comment.text']),
    solving: SOLVING_STATUSES.has(status),
  };
}
