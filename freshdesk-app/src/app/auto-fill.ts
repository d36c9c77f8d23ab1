import type { ConversationState, LocalizedText } from '@rakuten-helpdesk/core';
import { failureStatus, freshdeskApi, type RequestService, type TicketUpdate } from '../shared/freshdesk-api';
import type { Ticket } from '../shared/freshdesk-schemas';
import { TAG, type FieldNames } from '../shared/ticket-marks';
import { fieldsToFill, planForwardUpdate, threadFacts, type DeadlineScope } from '../shared/ticket-update';
import { failureReason } from './failure-reason';
import { APP_TEXT } from './text';

// onTicketCreate (and onConversationCreate for a later forward) fill a Rakuten ticket within seconds. When
// Freshdesk's API refuses that write beyond the template's retries, it is lost: the sidebar notices the gap and
// offers to make the same write.

/** Until this long after the newest forward, the serverless event may still be at work. */
export const AUTO_FILL_GRACE_MS = 2 * 60_000;

export interface AutoFillFacts {
  readonly ticketId: number;
  /** The ticket as the page handed it over. */
  readonly ticket: Ticket;
  readonly state: ConversationState;
  /** The fields' names as onAppInstall stored them; both null when none are stored. */
  readonly fieldNames: FieldNames;
}

/**
 * A genuine forward whose ticket lacks the tag `rakuten`, or has a Rakuten field empty where the core found the
 * value, once the server has had its time. What the page does not say (no tags or no custom fields in its data)
 * is not taken for missing.
 */
export function autoFillMissed({ ticket, state, fieldNames }: AutoFillFacts, now: Date): boolean {
  if (!state.isMarketplaceTicket) return false;
  const arrived = Math.max(Date.parse(ticket.created_at), state.latest?.analysis.receivedAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  if (!(now.getTime() - arrived > AUTO_FILL_GRACE_MS)) return false;
  const tagMissing = Array.isArray(ticket.tags) && !ticket.tags.some((tag) => tag.toLowerCase() === TAG.rakuten);
  const fieldMissing = !!ticket.custom_fields && Object.keys(fieldsToFill(ticket, threadFacts(state), fieldNames)).length > 0;
  return tagMissing || fieldMissing;
}

/**
 * Before Rakuten has an answer, the write onTicketCreate makes (first-reply and resolution due); after one, the
 * write onConversationCreate makes, because Freshdesk keeps an answered ticket's first-response time.
 */
function scopeOf(state: ConversationState): DeadlineScope {
  return state.forwards.some((forward) => forward.answered) ? 'resolution' : 'reply-and-resolution';
}

/** The server's own plan for this ticket: only empty fields are filled, and only what differs is written. */
export function planAutoFill(ticket: Ticket, state: ConversationState, fieldNames: FieldNames): TicketUpdate | null {
  return planForwardUpdate(ticket, threadFacts(state), fieldNames, scopeOf(state));
}

export type FillOutcome = 'filled' | 'nothing-to-do';

/**
 * Reads the ticket as Freshdesk holds it now (the page's copy may predate the server's late write or an agent's
 * edit) and writes what is still missing with one updateTicket.
 */
export async function fillTicket(request: RequestService, facts: Omit<AutoFillFacts, 'ticket'>): Promise<FillOutcome> {
  const api = freshdeskApi(request);
  const ticket = await api.getTicket(facts.ticketId);
  const update = planAutoFill(ticket, facts.state, facts.fieldNames);
  if (!update) return 'nothing-to-do';
  await api.updateTicket(ticket.id, update);
  return 'filled';
}

function sentence(...parts: readonly LocalizedText[]): LocalizedText {
  return { de: parts.map((part) => part.de).join(' '), en: parts.map((part) => part.en).join(' ') };
}

/** What went wrong and what to do: wait for a busy or unreachable Freshdesk, look at the setup for a refusal. */
export function fillFailure(error: unknown): LocalizedText {
  const status = failureStatus(error);
  // The platform rejects a request that never got an answer with a status; without one, the call did not get through.
  const unreachable = status === 0 || (status === null && !(error instanceof Error));
  const transient = unreachable || status === null || status === 429 || status >= 500;
  return sentence(APP_TEXT.fillFailed, unreachable ? APP_TEXT.unreachable : failureReason(error), transient ? APP_TEXT.tryAgain : APP_TEXT.checkSetup);
}
