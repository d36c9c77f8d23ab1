import { FIELD_NAMES_KEY, type FieldNames } from '../shared/ticket-marks';
import type { KeyValueStore } from './platform';

/** Written on install, read for every forward: the fields' names carry an account-specific suffix. */
export { FIELD_NAMES_KEY };
export { NO_FIELDS, loadFieldNames } from '../shared/field-names';

export async function saveFieldNames(db: KeyValueStore, names: FieldNames): Promise<void> {
  await db.set(FIELD_NAMES_KEY, { orderNumber: names.orderNumber, customerName: names.customerName });
}
