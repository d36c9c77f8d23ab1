import { BUNDESLAENDER, DEFAULT_SETTINGS, parseSettings, type Bundesland, type Settings } from '@rakuten-helpdesk/core';
import { IparamsSchema } from './freshdesk-schemas';

function bundeslandOf(value: string | null | undefined): Bundesland | null {
  const code = (value ?? '').trim().toUpperCase();
  return BUNDESLAENDER.find((candidate) => candidate === code) ?? null;
}

/**
 * The merchant's settings from the installation parameters. The dropdown's "keins" means nationwide holidays
 * only. Settings that do not parse fall back to the defaults: a deadline by nationwide holidays is still right
 * for most merchants, whereas no deadline at all helps none.
 */
export function settingsFromIparams(raw: unknown): Settings {
  const parsed = IparamsSchema.safeParse(raw);
  if (!parsed.success) return DEFAULT_SETTINGS;
  const iparams = parsed.data;
  const settings = parseSettings({
    signature: iparams.shop_signature ?? '',
    bundesland: bundeslandOf(iparams.bundesland),
    saturdayIsWorkingDay: iparams.saturday_counts ?? false,
  });
  return settings.ok ? settings.value : DEFAULT_SETTINGS;
}
