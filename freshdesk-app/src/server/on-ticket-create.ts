import { analyzeMessage, type MessageAnalysis, type Settings } from '@rakuten-helpdesk/core';
import { loadFieldNames } from '../shared/field-names';
import { freshdeskApi, type TicketUpdate } from '../shared/freshdesk-api';
import type { Requester, Ticket } from '../shared/freshdesk-schemas';
import { settingsFromIparams } from '../shared/settings';
import { TAG } from '../shared/ticket-marks';
import { ticketMessage } from '../shared/thread';
import { planForwardUpdate, planSuspicionUpdate } from '../shared/ticket-update';
import { TicketCreateEventSchema } from './events';
import { describeFailure } from './failure';
import { claimOnce, onceKey, releaseClaim } from './once';
import type { Services } from './platform';

function analyze(ticket: Ticket, requester: Requester | null | undefined, settings: Settings): MessageAnalysis {
  return analyzeMessage(ticketMessage(ticket, requester), { settings });
}

/**
 * Whether the ticket is Rakuten's business at all, from the payload alone: every other ticket of the
 * merchant must cost no API call and no store call. A cut-off mail from Rakuten's address is read whole
 * first, because the cut may have taken the forward's markers with it.
 */
function concernsRakuten(analysis: MessageAnalysis, ticket: Ticket): boolean {
  if (analysis.kind === 'customer-forward' || analysis.kind === 'spoofed') return true;
  return analysis.kind === 'rakuten-notice' && ticket.is_description_truncated === true;
}

function alreadyMarked(ticket: Ticket): boolean {
  const tags = (ticket.tags ?? []).map((tag) => tag.toLowerCase());
  return tags.includes(TAG.rakuten) || tags.includes(TAG.suspicious);
}

async function planUpdate(analysis: MessageAnalysis, ticket: Ticket, services: Services): Promise<TicketUpdate | null> {
  if (analysis.kind === 'spoofed') return planSuspicionUpdate(ticket);
  if (analysis.kind !== 'customer-forward') return null;
  const facts = {
    orderNumber: analysis.orderNumber,
    customerName: analysis.customerName,
    closingOnly: analysis.closingOnly === true,
    replyDueBy: analysis.replyDueBy,
  };
  return planForwardUpdate(ticket, facts, await loadFieldNames(services.db), 'reply-and-resolution');
}

/** onTicketCreate: a genuine forward gets fields, tags and deadline in one write; a spoof one warning tag. */
export async function onTicketCreate(payload: unknown, services: Services): Promise<void> {
  const event = TicketCreateEventSchema.parse(payload);
  const settings = settingsFromIparams(event.iparams);
  const { requester } = event.data;
  let ticket = event.data.ticket;
  let analysis = analyze(ticket, requester, settings);
  if (!concernsRakuten(analysis, ticket)) return;

  const key = onceKey('tc', ticket.id);
  const claim = await claimOnce(services.db, key, services.now());
  if (claim === 'replay') return;
  const api = freshdeskApi(services.request);
  try {
    if (claim === 'stale' || ticket.is_description_truncated === true) {
      ticket = await api.getTicket(ticket.id);
      if (claim === 'stale' && alreadyMarked(ticket)) return;
      analysis = analyze(ticket, ticket.requester ?? requester, settings);
    }
    const update = await planUpdate(analysis, ticket, services);
    if (update) await api.updateTicket(ticket.id, update);
  } catch (error) {
    services.log.error(`rakuten onTicketCreate ticket ${ticket.id}: ${describeFailure(error)}`);
    await releaseClaim(services.db, key);
    throw error;
  }
}
