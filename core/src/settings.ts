import { z } from 'zod/mini';
import { excerpt, err, ok, type Result } from './result';

/** The 16 German states by their ISO 3166-2:DE codes, for state public holidays. */
export const BUNDESLAENDER = [
  'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH',
] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number];

export const BundeslandSchema = z.enum(BUNDESLAENDER);

export const SettingsSchema = z.object({
  shopName: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  /** Ends every suggested reply; several lines allowed. */
  signature: z._default(z.string().check(z.maxLength(2000)), ''),
  /** State whose public holidays also stop the clock; null for nationwide holidays only. */
  bundesland: z._default(z.nullable(BundeslandSchema), null),
  /** Saturday counts as a working day (the legal "Werktag"). */
  saturdayIsWorkingDay: z._default(z.boolean(), false),
  locale: z._default(z.enum(['de', 'en']), 'de'),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Reads settings from a helpdesk or the CLI. Helpdesks hand over strings ("true", "", "NW"),
 * so those are coerced here, once, instead of in each app.
 */
export function parseSettings(input: unknown): Result<Settings, 'invalid-settings'> {
  const raw = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : input;
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    if (record['bundesland'] === '' || record['bundesland'] === undefined) record['bundesland'] = null;
    if (typeof record['bundesland'] === 'string') record['bundesland'] = record['bundesland'].trim().toUpperCase();
    const saturday = record['saturdayIsWorkingDay'];
    if (saturday === 'true' || saturday === '1') record['saturdayIsWorkingDay'] = true;
    if (saturday === 'false' || saturday === '0' || saturday === '' || saturday === null) record['saturdayIsWorkingDay'] = false;
    for (const key of ['shopName', 'signature'] as const) {
      if (record[key] === null || record[key] === undefined) delete record[key];
    }
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  return err('invalid-settings', `Invalid settings (${issues.join('; ')}); got ${excerpt(JSON.stringify(input) ?? String(input))}`);
}
