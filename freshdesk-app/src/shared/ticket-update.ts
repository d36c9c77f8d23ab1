import type { ConversationState } from '@rakuten-helpdesk/core';
import type { Ticket } from './freshdesk-schemas';
import type { TicketUpdate } from './freshdesk-api';
import { TAG, type FieldNames } from './ticket-marks';

// The write a Rakuten ticket gets, planned in one place for both writers: the serverless handlers, and the
// sidebar's "fill in now" when the handler's write was lost (429/5xx beyond the template's retries).

/** What the core found in a genuine forward, as far as the ticket's fields are concerned. */
export interface ForwardFacts {
  readonly orderNumber: string | null;
  readonly customerName: string | null;
  readonly closingOnly: boolean;
  readonly replyDueBy: Date | null;
}

/**
 * The facts of a whole thread: the newest forward's order number and name, the deadline of the first message
 * still unanswered. For a thread of one forward they are that forward's own.
 */
export function threadFacts(state: ConversationState): ForwardFacts {
  const latest = state.latest?.analysis;
  return {
    orderNumber: latest?.orderNumber ?? null,
    customerName: latest?.customerName ?? null,
    closingOnly: state.closingOnly,
    replyDueBy: state.replyDueBy,
  };
}

export type DeadlineScope = 'reply-and-resolution' | 'resolution';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Freshdesk takes UTC without milliseconds ("2026-03-04T09:00:00Z"). */
function freshdeskTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function sameInstant(current: string | null | undefined, wanted: Date): boolean {
  return !!current && Math.floor(Date.parse(current) / 1000) === Math.floor(wanted.getTime() / 1000);
}

function withTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] | null {
  const lower = (tag: string) => tag.toLowerCase();
  const dropped = new Set(remove.map(lower));
  const next = current.filter((tag) => !dropped.has(lower(tag)));
  for (const tag of add) if (!next.some((existing) => lower(existing) === lower(tag))) next.push(tag);
  const unchanged = next.length === current.length && next.every((tag, index) => tag === current[index]);
  return unchanged ? null : next;
}

/** Only empty fields are filled: a value an agent typed or corrected is theirs. */
export function fieldsToFill(ticket: Ticket, facts: ForwardFacts, names: FieldNames): Record<string, string> {
  const current = ticket.custom_fields ?? {};
  const fill: Record<string, string> = {};
  const wanted: [string | null, string | null][] = [
    [names.orderNumber, facts.orderNumber],
    [names.customerName, facts.customerName],
  ];
  for (const [name, value] of wanted) {
    if (name !== null && value !== null && isEmpty(current[name])) fill[name] = value;
  }
  return fill;
}

/**
 * The deadline goes to `fr_due_by` (first reply) and `due_by` when a forward opens the ticket. On a later
 * forward only `due_by` moves: Freshdesk keeps the first-response time once a reply went out, and needs
 * `fr_due_by` ≤ `due_by`, so `fr_due_by` is only pulled forward when it would end up later.
 */
function deadlineChange(ticket: Ticket, dueBy: Date | null, scope: DeadlineScope): Pick<TicketUpdate, 'due_by' | 'fr_due_by'> {
  if (dueBy === null) return {};
  const change: { due_by?: string; fr_due_by?: string } = {};
  if (!sameInstant(ticket.due_by, dueBy)) change.due_by = freshdeskTime(dueBy);
  const currentFirstReply = ticket.fr_due_by ? Date.parse(ticket.fr_due_by) : Number.NaN;
  const firstReplyTooLate = !Number.isNaN(currentFirstReply) && currentFirstReply > dueBy.getTime();
  if ((scope === 'reply-and-resolution' && !sameInstant(ticket.fr_due_by, dueBy)) || firstReplyTooLate) {
    change.fr_due_by = freshdeskTime(dueBy);
  }
  return change;
}

/** Fields, tags and deadline for a genuine forward, as one update; null when the ticket already says it all. */
export function planForwardUpdate(ticket: Ticket, facts: ForwardFacts, names: FieldNames, scope: DeadlineScope): TicketUpdate | null {
  const fill = fieldsToFill(ticket, facts, names);
  const tags = facts.closingOnly
    ? withTags(ticket.tags ?? [], [TAG.rakuten, TAG.closingOnly], [])
    : withTags(ticket.tags ?? [], [TAG.rakuten], [TAG.closingOnly]);
  const update: TicketUpdate = {
    ...(Object.keys(fill).length > 0 ? { custom_fields: fill } : {}),
    ...(tags ? { tags } : {}),
    ...deadlineChange(ticket, facts.replyDueBy, scope),
  };
  return Object.keys(update).length > 0 ? update : null;
}

/** A spoof gets a warning tag and nothing else: no field, no deadline may come from it. */
export function planSuspicionUpdate(ticket: Ticket): TicketUpdate | null {
  const tags = withTags(ticket.tags ?? [], [TAG.suspicious], []);
  return tags ? { tags } : null;
}
