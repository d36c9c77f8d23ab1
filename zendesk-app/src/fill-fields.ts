import type { ForwardInThread } from '@rakuten-helpdesk/core';
import { fieldPath, fieldsToFill, isEmpty, type FieldIds } from './fields';
import { saveFields, type RestTicket } from './zendesk-api';
import type { HelpdeskClient } from './zaf-client';

export type FillOutcome = 'nothing-to-do' | 'saved' | 'conflict' | 'filled-in-form-only';

/**
 * Saves order number and customer name of a genuine forward on the ticket, and shows them in the agent's form.
 * Runs once per ticket view; fields an agent filled (in the form or on the server) are left alone.
 */
export async function fillForwardFields(
  client: HelpdeskClient,
  ticketId: number,
  forward: ForwardInThread,
  ids: FieldIds,
  serverCopy: RestTicket,
): Promise<FillOutcome> {
  const paths = [ids.orderNumber, ids.customerName].filter((id): id is number => id !== null).map(fieldPath);
  if (paths.length === 0) return 'nothing-to-do';
  const form = await client.read(paths);
  const fills = fieldsToFill(
    forward.analysis,
    ids,
    (id) => (form.failed.includes(fieldPath(id)) ? 'unreadable' : form.values[fieldPath(id)]),
    (id) => serverCopy.customFields.get(id),
  );
  if (fills.length === 0) return 'nothing-to-do';

  const saved = await saveFields(client, ticketId, fills, serverCopy.updatedAt);
  // Someone changed the ticket since it was read: their values may now stand; the form is not touched.
  if (saved === 'conflict') return 'conflict';
  // The agent may have typed while the request ran: only fields still empty in the form are set.
  const formNow = await client.read(fills.map((fill) => fieldPath(fill.id)));
  for (const fill of fills) {
    const path = fieldPath(fill.id);
    if (!formNow.failed.includes(path) && isEmpty(formNow.values[path])) await client.write(path, fill.value);
  }
  return saved === 'saved' ? 'saved' : 'filled-in-form-only';
}
