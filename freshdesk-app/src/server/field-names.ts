import { FIELD_NAMES_KEY, type FieldNames } from '../shared/ticket-marks';
import type { KeyValueStore } from './platform';

/** Written on install and read for every forward (see shared/field-names): the names carry an account-specific suffix. */
export async function saveFieldNames(db: KeyValueStore, names: FieldNames): Promise<void> {
  await db.set(FIELD_NAMES_KEY, { orderNumber: names.orderNumber, customerName: names.customerName });
}
