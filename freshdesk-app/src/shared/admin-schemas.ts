import { z } from 'zod/mini';
import { RequesterSchema } from './freshdesk-schemas';

/**
 * What the setup check and the support composer read from Freshdesk's admin and ticket APIs. Kept apart from
 * the ticket schemas so that the sidebar's first bundle does not carry them.
 */

const id = z.int().check(z.positive());
const nullishText = z.nullish(z.string());

/** GET /api/v2/agents/me: who the API key belongs to. */
export const AgentSchema = z.object({
  id,
  contact: z.nullish(z.object({ email: nullishText, name: nullishText })),
});
export type Agent = z.infer<typeof AgentSchema>;

/** GET /api/v2/ticket-forms lists the forms without their fields. */
export const TicketFormSchema = z.object({
  id,
  name: nullishText,
  title: nullishText,
  default: z.nullish(z.boolean()),
});
export type TicketForm = z.infer<typeof TicketFormSchema>;

/** GET /api/v2/ticket-forms/{id}: the form with the fields on it. */
export const TicketFormDetailSchema = z.object({
  id,
  fields: z.nullish(z.array(z.object({ id: z.nullish(z.number()), name: nullishText }))),
});
export type TicketFormDetail = z.infer<typeof TicketFormDetailSchema>;

const ConditionSetSchema = z.object({
  match_type: nullishText,
  properties: z.nullish(
    z.array(z.object({ field_name: nullishText, operator: nullishText, value: z.optional(z.unknown()) })),
  ),
});

/** An automation rule (GET /api/v2/automations/{type}/rules); actions vary by `field_name`, only that is read. */
export const AutomationRuleSchema = z.object({
  id,
  name: nullishText,
  active: z.nullish(z.boolean()),
  /** How the condition sets combine: "AND" or "OR". */
  operator: nullishText,
  conditions: z.nullish(z.array(ConditionSetSchema)),
  actions: z.nullish(z.array(z.object({ field_name: nullishText }))),
});
export type AutomationRule = z.infer<typeof AutomationRuleSchema>;

/** The rules come as a bare list or wrapped, depending on the account's API version. */
export const AutomationRulesSchema = z.union([
  z.array(AutomationRuleSchema),
  z.object({ automation_rules: z.array(AutomationRuleSchema) }),
  z.object({ rules: z.array(AutomationRuleSchema) }),
]);

/** A ticket in the spam view, read with `include=requester`. */
export const ListedTicketSchema = z.object({
  id,
  subject: nullishText,
  requester: z.nullish(RequesterSchema),
});
export type ListedTicket = z.infer<typeof ListedTicketSchema>;

export const CreatedTicketSchema = z.object({ id });
