import { analyzeMessage, conversationState } from '@rakuten-helpdesk/core';
import { loadFieldNames } from '../shared/field-names';
import { freshdeskApi, type TicketUpdate } from '../shared/freshdesk-api';
import { settingsFromIparams } from '../shared/settings';
import { conversationMessage, ticketThread } from '../shared/thread';
import { planForwardUpdate, planSuspicionUpdate, threadFacts } from '../shared/ticket-update';
import { ConversationCreateEventSchema } from './events';
import { describeFailure } from './failure';
import { claimOnce, onceKey, releaseClaim } from './once';
import type { Services } from './platform';

/**
 * onConversationCreate: Rakuten forwards the customer's next message into the same ticket. The deadline then
 * runs from the first message still unanswered, which only the whole thread tells. Replies and notes are the
 * sidebar's business; they, and mail not from or posing as Rakuten, cost no call here.
 */
export async function onConversationCreate(payload: unknown, services: Services): Promise<void> {
  const event = ConversationCreateEventSchema.parse(payload);
  const { conversation } = event.data;
  if (conversation.incoming !== true || !conversation.ticket_id) return;
  const settings = settingsFromIparams(event.iparams);
  const incoming = analyzeMessage(conversationMessage(conversation), { settings });
  if (incoming.kind !== 'customer-forward' && incoming.kind !== 'spoofed') return;

  const key = onceKey('cc', conversation.id);
  if ((await claimOnce(services.db, key, services.now())) === 'replay') return;
  const api = freshdeskApi(services.request);
  const ticketId = conversation.ticket_id;
  try {
    const ticket = await api.getTicket(ticketId);
    let update: TicketUpdate | null;
    if (incoming.kind === 'spoofed') {
      update = planSuspicionUpdate(ticket);
    } else {
      const conversations = await api.listConversations(ticketId);
      const state = conversationState(ticketThread(ticket, ticket.requester, conversations), { settings });
      update = planForwardUpdate(ticket, threadFacts(state), await loadFieldNames(services.db), 'resolution');
    }
    // Comparing with the ticket as it is makes a late replay write nothing: the values are already there.
    if (update) await api.updateTicket(ticketId, update);
  } catch (error) {
    services.log.error(`rakuten onConversationCreate ticket ${ticketId}: ${describeFailure(error)}`);
    await releaseClaim(services.db, key);
    throw error;
  }
}
