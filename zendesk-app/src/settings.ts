import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@rakuten-helpdesk/core';
import { readFieldId, type FieldIds } from './fields';
import { isRecord } from './zaf-client';

/** Manifest parameter names: the admin's settings as ZAF hands them over in the registration metadata. */
export const PARAMETER = {
  signature: 'signature',
  bundesland: 'bundesland',
  saturdayIsWorkingDay: 'saturdayIsWorkingDay',
  orderNumberFieldId: 'orderNumberFieldId',
  customerNameFieldId: 'customerNameFieldId',
  sid: 'sid',
} as const;

/** requirements.json identifiers of the two ticket fields. */
export const REQUIREMENT = { orderNumber: 'requirement:order_number', customerName: 'requirement:customer_name' } as const;

export interface AppSettings {
  readonly settings: Settings;
  /** The admin's settings did not validate; the defaults apply and the sidebar says so. */
  readonly invalid: boolean;
}

export function settingsFrom(metadata: unknown): AppSettings {
  const raw = isRecord(metadata) && isRecord(metadata['settings']) ? metadata['settings'] : {};
  const parsed = parseSettings({
    signature: raw[PARAMETER.signature],
    bundesland: raw[PARAMETER.bundesland],
    saturdayIsWorkingDay: raw[PARAMETER.saturdayIsWorkingDay],
  });
  return parsed.ok ? { settings: parsed.value, invalid: false } : { settings: DEFAULT_SETTINGS, invalid: true };
}

/** Field ids from the installed requirements; the settings' ids stand in where there are none (local runs). */
export function fieldIdsFrom(requirements: Readonly<Record<string, unknown>>, metadata: unknown): FieldIds {
  const raw = isRecord(metadata) && isRecord(metadata['settings']) ? metadata['settings'] : {};
  return {
    orderNumber: readFieldId(requirements[REQUIREMENT.orderNumber], raw[PARAMETER.orderNumberFieldId]),
    customerName: readFieldId(requirements[REQUIREMENT.customerName], raw[PARAMETER.customerNameFieldId]),
  };
}

/** The merchant's Rakuten SID for support requests: trimmed, one line, at most 40 characters; '' when unset. */
export function sidFrom(metadata: unknown): string {
  const raw = isRecord(metadata) && isRecord(metadata['settings']) ? metadata['settings'][PARAMETER.sid] : undefined;
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  return value.replace(/\s+/g, ' ').trim().slice(0, 40);
}
