import { z } from 'zod/mini';
import {
  ConversationSchema,
  TicketFieldSchema,
  TicketSchema,
  type Conversation,
  type Ticket,
  type TicketField,
} from './freshdesk-schemas';

/** `$request` on the server and `client.request` in the sidebar both invoke templates this way. */
export interface TemplateResponse {
  readonly status: number;
  /** The body as a string, as the platform hands it over. */
  readonly response: string;
}

export interface TemplateCall {
  readonly context?: Readonly<Record<string, string | number>>;
  readonly body?: string;
}

export interface RequestService {
  invokeTemplate(name: string, call: TemplateCall): Promise<TemplateResponse>;
}

/** What one PUT /api/v2/tickets/{id} changes: everything the app writes goes in a single request. */
export interface TicketUpdate {
  readonly custom_fields?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly due_by?: string;
  readonly fr_due_by?: string;
}

export interface NewTicketField {
  readonly label: string;
  readonly label_for_customers: string;
  readonly type: 'custom_text';
  readonly customers_can_edit: boolean;
  readonly displayed_to_customers: boolean;
  readonly required_for_agents: boolean;
  readonly required_for_customers: boolean;
  readonly required_for_closure: boolean;
}

export class UnexpectedAnswer extends Error {
  override readonly name = 'UnexpectedAnswer';
}

/** 100 is the most Freshdesk returns per page; a Rakuten thread longer than 10 pages is not a real one. */
export const PAGE_SIZE = 100;
const MAX_PAGES = 10;

const PlatformFailureSchema = z.object({ status: z.number() });

/** The HTTP status a rejected template call carries (`{status, response, attempts}`), or null. */
export function failureStatus(error: unknown): number | null {
  const parsed = PlatformFailureSchema.safeParse(error);
  return parsed.success ? parsed.data.status : null;
}

export function parseAnswer<T>(schema: z.ZodMiniType<T>, response: string, what: string): T {
  let body: unknown;
  try {
    body = JSON.parse(response);
  } catch {
    throw new UnexpectedAnswer(`${what}: not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedAnswer(`${what}: unexpected shape`);
  return parsed.data;
}

/** The Freshdesk REST calls the app makes, each through a request template of config/requests.json. */
export function freshdeskApi(request: RequestService) {
  return {
    async getTicket(ticketId: number): Promise<Ticket> {
      const answer = await request.invokeTemplate('getTicket', { context: { ticket_id: ticketId } });
      return parseAnswer(TicketSchema, answer.response, 'getTicket');
    },

    async listConversations(ticketId: number): Promise<Conversation[]> {
      const conversations: Conversation[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await request.invokeTemplate('listConversations', { context: { ticket_id: ticketId, page } });
        const batch = parseAnswer(z.array(ConversationSchema), answer.response, 'listConversations');
        conversations.push(...batch);
        if (batch.length < PAGE_SIZE) break;
      }
      return conversations;
    },

    async updateTicket(ticketId: number, update: TicketUpdate): Promise<void> {
      await request.invokeTemplate('updateTicket', { context: { ticket_id: ticketId }, body: JSON.stringify(update) });
    },

    async listTicketFields(): Promise<TicketField[]> {
      const answer = await request.invokeTemplate('listTicketFields', {});
      return parseAnswer(z.array(TicketFieldSchema), answer.response, 'listTicketFields');
    },

    async createTicketField(field: NewTicketField): Promise<TicketField> {
      const answer = await request.invokeTemplate('createTicketField', { body: JSON.stringify(field) });
      return parseAnswer(TicketFieldSchema, answer.response, 'createTicketField');
    },

  };
}

export type FreshdeskApi = ReturnType<typeof freshdeskApi>;
