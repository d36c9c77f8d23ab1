import { z } from 'zod/mini';

/**
 * What the app reads from Freshdesk (event payloads, REST answers, the front end's data API), checked at the
 * boundary. Freshdesk sends null for empty values, so nearly everything is nullish; only what the app cannot
 * work without is required.
 */

const id = z.int().check(z.positive());
const nullishText = z.nullish(z.string());
const addressList = z.nullish(z.array(z.string()));

export const RequesterSchema = z.object({
  email: nullishText,
  name: nullishText,
});
export type Requester = z.infer<typeof RequesterSchema>;

export const TicketSchema = z.object({
  id,
  subject: nullishText,
  /** HTML. */
  description: nullishText,
  description_text: nullishText,
  /** Event payloads cut long descriptions; the REST API never does. */
  is_description_truncated: z.nullish(z.boolean()),
  created_at: z.string(),
  status: z.nullish(z.int()),
  tags: z.nullish(z.array(z.string())),
  custom_fields: z.nullish(z.record(z.string(), z.unknown())),
  due_by: nullishText,
  fr_due_by: nullishText,
  /** Only when the ticket was read with `include=requester`. */
  requester: z.nullish(RequesterSchema),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const ConversationSchema = z.object({
  id,
  ticket_id: z.nullish(id),
  body: nullishText,
  body_text: nullishText,
  incoming: z.nullish(z.boolean()),
  private: z.nullish(z.boolean()),
  /** 0 reply, 2 note, 5–7 social and survey, 8 forward, 9 phone, 10 Mobihelp, 11 e-commerce. */
  source: z.nullish(z.int()),
  created_at: z.string(),
  from_email: nullishText,
  to_emails: addressList,
  cc_emails: addressList,
  bcc_emails: addressList,
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const TicketFieldSchema = z.object({
  id,
  name: z.string(),
  label: nullishText,
  label_for_customers: nullishText,
});
export type TicketField = z.infer<typeof TicketFieldSchema>;

/** Installation parameters as FDK hands them over; the secure API key never reaches the front end. */
export const IparamsSchema = z.object({
  domain: nullishText,
  shop_signature: nullishText,
  bundesland: nullishText,
  saturday_counts: z.nullish(z.union([z.boolean(), z.string()])),
  /** The merchant's Rakuten site ID, for support requests to Rakuten. */
  rakuten_sid: nullishText,
});
export type Iparams = z.infer<typeof IparamsSchema>;
