import { analyzeMessage, conversationState, localeFrom, type ConversationState, type Locale, type Settings } from '@rakuten-helpdesk/core';
import { z } from 'zod/mini';
import { loadFieldNames, NO_FIELDS } from '../shared/field-names';
import { freshdeskApi } from '../shared/freshdesk-api';
import { RequesterSchema, TicketSchema, type Ticket } from '../shared/freshdesk-schemas';
import { settingsFromIparams } from '../shared/settings';
import type { FieldNames } from '../shared/ticket-marks';
import { ticketMessage, ticketThread } from '../shared/thread';
import type { FreshworksClient } from './client';

/** Everything the sidebar and the guards judge by, read once per ticket view and again before a close. */
export interface TicketContext {
  readonly ticketId: number;
  /** Where a reply goes when the editor does not say otherwise. */
  readonly requesterEmail: string;
  readonly settings: Settings;
  readonly state: ConversationState;
  /** The ticket as the page handed it over: tags and fields tell whether the server's write arrived. */
  readonly ticket: Ticket;
  /** The Rakuten fields' names stored on install; read only for tickets that concern Rakuten. */
  readonly fieldNames: FieldNames;
}

const TicketDataSchema = z.object({ ticket: TicketSchema });
const RequesterDataSchema = z.object({ requester: RequesterSchema });
const LoggedInUserSchema = z.object({
  loggedInUser: z.object({
    contact: z.optional(z.object({ language: z.nullish(z.string()) })),
    language: z.nullish(z.string()),
  }),
});

/** The agent's language: German for "de…", English otherwise; German when Freshdesk does not say. */
export async function agentLocale(client: FreshworksClient): Promise<Locale> {
  try {
    const parsed = LoggedInUserSchema.safeParse(await client.data.get('loggedInUser'));
    if (!parsed.success) return 'de';
    const user = parsed.data.loggedInUser;
    const language = user.contact?.language ?? user.language;
    return localeFrom(language);
  } catch {
    return 'de';
  }
}

export async function loadTicketContext(client: FreshworksClient): Promise<TicketContext> {
  const [ticketData, requesterData, iparams] = await Promise.all([
    client.data.get('ticket'),
    client.data.get('requester'),
    client.iparams.get(),
  ]);
  const { ticket } = TicketDataSchema.parse(ticketData);
  const { requester } = RequesterDataSchema.parse(requesterData);
  const settings = settingsFromIparams(iparams);
  const opening = analyzeMessage(ticketMessage(ticket, requester), { settings });
  // The sidebar opens on every ticket an agent views; only Rakuten's cost a REST call against the account's limit.
  const [conversations, fieldNames] =
    opening.kind === 'unrelated' ? [[], NO_FIELDS] : await Promise.all([freshdeskApi(client.request).listConversations(ticket.id), loadFieldNames(client.db)]);
  return {
    ticketId: ticket.id,
    requesterEmail: requester.email ?? '',
    settings,
    state: conversationState(ticketThread(ticket, requester, conversations), { settings }),
    ticket,
    fieldNames,
  };
}
