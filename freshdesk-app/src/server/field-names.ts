import { z } from 'zod/mini';
import { FIELD_NAMES_KEY, type FieldNames } from '../shared/ticket-marks';
import type { KeyValueStore } from './platform';

/** Written on install, read for every forward: the fields' names carry an account-specific suffix. */
export { FIELD_NAMES_KEY };

const FieldNamesSchema = z.object({
  orderNumber: z.nullable(z.string()),
  customerName: z.nullable(z.string()),
});

export const NO_FIELDS: FieldNames = { orderNumber: null, customerName: null };

/** Without stored names the forward still gets its tags and deadline; only the fields stay empty. */
export async function loadFieldNames(db: KeyValueStore): Promise<FieldNames> {
  try {
    const parsed = FieldNamesSchema.safeParse(await db.get(FIELD_NAMES_KEY));
    return parsed.success ? parsed.data : NO_FIELDS;
  } catch {
    return NO_FIELDS;
  }
}

export async function saveFieldNames(db: KeyValueStore, names: FieldNames): Promise<void> {
  await db.set(FIELD_NAMES_KEY, { orderNumber: names.orderNumber, customerName: names.customerName });
}
