import { freshdeskApi, type FreshdeskApi, type NewTicketField } from '../shared/freshdesk-api';
import type { TicketField } from '../shared/freshdesk-schemas';
import { FIELD_LABEL, type FieldKey, type FieldNames } from '../shared/ticket-marks';
import { describeFailure } from './failure';
import { saveFieldNames } from './field-names';
import type { Services } from './platform';

/** renderData's message is shown on the install page and may be at most 60 characters long. */
export const INSTALL_FAILED = 'Felder nicht angelegt: Domain und API-Schlüssel prüfen';

function newTextField(label: string): NewTicketField {
  return {
    label,
    label_for_customers: label,
    type: 'custom_text',
    customers_can_edit: false,
    displayed_to_customers: false,
    required_for_agents: false,
    required_for_customers: false,
    required_for_closure: false,
  };
}

/** A field the merchant already has (from an earlier install) is reused, never created twice. */
async function ensureField(api: FreshdeskApi, existing: readonly TicketField[], label: string): Promise<string> {
  const found = existing.find((field) => field.label === label || field.label_for_customers === label);
  if (found) return found.name;
  return (await api.createTicketField(newTextField(label))).name;
}

/** onAppInstall: the two custom ticket fields exist afterwards, and their names are stored for the handlers. */
export async function onAppInstall(_payload: unknown, services: Services): Promise<void> {
  try {
    const api = freshdeskApi(services.request);
    const existing = await api.listTicketFields();
    const names: Record<FieldKey, string> = {
      orderNumber: await ensureField(api, existing, FIELD_LABEL.orderNumber),
      customerName: await ensureField(api, existing, FIELD_LABEL.customerName),
    };
    await saveFieldNames(services.db, names satisfies FieldNames);
    services.renderData();
  } catch (error) {
    services.log.error(`rakuten onAppInstall: ${describeFailure(error)}`);
    services.renderData({ message: INSTALL_FAILED });
  }
}
