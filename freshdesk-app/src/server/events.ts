import { z } from 'zod/mini';
import { ConversationSchema, RequesterSchema, TicketSchema } from '../shared/freshdesk-schemas';

/** The parts of FDK's event payloads the handlers read; `iparams` is checked where it is used. */

export const TicketCreateEventSchema = z.object({
  data: z.object({
    ticket: TicketSchema,
    requester: z.nullish(RequesterSchema),
  }),
  iparams: z.optional(z.unknown()),
});
export type TicketCreateEvent = z.infer<typeof TicketCreateEventSchema>;

export const ConversationCreateEventSchema = z.object({
  data: z.object({ conversation: ConversationSchema }),
  iparams: z.optional(z.unknown()),
});
export type ConversationCreateEvent = z.infer<typeof ConversationCreateEventSchema>;
