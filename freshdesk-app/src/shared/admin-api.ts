import { z } from 'zod/mini';
import {
  AgentSchema,
  AutomationRulesSchema,
  CreatedTicketSchema,
  ListedTicketSchema,
  TicketFormDetailSchema,
  TicketFormSchema,
  type Agent,
  type AutomationRule,
  type ListedTicket,
  type TicketForm,
  type TicketFormDetail,
} from './admin-schemas';
import { PAGE_SIZE, parseAnswer, type RequestService } from './freshdesk-api';

/** POST /api/v2/tickets: a ticket the merchant opens for their own tracking. */
export interface NewTicket {
  readonly email: string;
  readonly subject: string;
  /** HTML. */
  readonly description: string;
  readonly status: 2;
  readonly priority: 1;
  readonly tags: readonly string[];
}

/** Freshdesk deletes spam after 30 days; three pages are more than a helpdesk keeps. */
const MAX_SPAM_PAGES = 3;

/** The calls of the setup check and the support composer, each through a request template. */
export function adminApi(request: RequestService) {
  return {
    async getCurrentAgent(): Promise<Agent> {
      const answer = await request.invokeTemplate('getCurrentAgent', {});
      return parseAnswer(AgentSchema, answer.response, 'getCurrentAgent');
    },

    async listTicketForms(): Promise<TicketForm[]> {
      const answer = await request.invokeTemplate('listTicketForms', {});
      return parseAnswer(z.array(TicketFormSchema), answer.response, 'listTicketForms');
    },

    async getTicketForm(formId: number): Promise<TicketFormDetail> {
      const answer = await request.invokeTemplate('getTicketForm', { context: { form_id: formId } });
      return parseAnswer(TicketFormDetailSchema, answer.response, 'getTicketForm');
    },

    /** The automation rules that run on ticket creation (automation type 1). */
    async listTicketCreationRules(): Promise<AutomationRule[]> {
      const answer = await request.invokeTemplate('listTicketCreationRules', {});
      const rules = parseAnswer(AutomationRulesSchema, answer.response, 'listTicketCreationRules');
      return Array.isArray(rules) ? rules : 'rules' in rules ? rules.rules : rules.automation_rules;
    },

    async listSpamTickets(): Promise<ListedTicket[]> {
      const tickets: ListedTicket[] = [];
      for (let page = 1; page <= MAX_SPAM_PAGES; page++) {
        const answer = await request.invokeTemplate('listSpamTickets', { context: { page } });
        const batch = parseAnswer(z.array(ListedTicketSchema), answer.response, 'listSpamTickets');
        tickets.push(...batch);
        if (batch.length < PAGE_SIZE) break;
      }
      return tickets;
    },

    async createTicket(ticket: NewTicket): Promise<{ id: number }> {
      const answer = await request.invokeTemplate('createTicket', { body: JSON.stringify(ticket) });
      return parseAnswer(CreatedTicketSchema, answer.response, 'createTicket');
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
