import { z } from 'zod/mini';
import { FIELD_NAMES_KEY, type FieldNames } from './ticket-marks';

/** `$db` on the server, `client.db` in the sidebar: both read the names onAppInstall stored. */
export interface FieldNameStore {
  get(key: string): Promise<unknown>;
}

const FieldNamesSchema = z.object({
  orderNumber: z.nullable(z.string()),
  customerName: z.nullable(z.string()),
});

export const NO_FIELDS: FieldNames = { orderNumber: null, customerName: null };

/** Without stored names the forward still gets its tags and deadline; only the fields stay empty. */
export async function loadFieldNames(db: FieldNameStore): Promise<FieldNames> {
  try {
    const parsed = FieldNamesSchema.safeParse(await db.get(FIELD_NAMES_KEY));
    return parsed.success ? parsed.data : NO_FIELDS;
  } catch {
    return NO_FIELDS;
  }
}
