/** The installation settings both simulated helpdesks hand their app, as the playground page edits them. */
import { BUNDESLAENDER } from '@rakuten-helpdesk/core';

export interface PlaygroundSettings {
  /** Zendesk "signature", Freshdesk "shop_signature": ends the suggested closing reply. */
  readonly signature: string;
  /** A state code (NW, BY, …) or '' for nationwide holidays only. */
  readonly bundesland: string;
  readonly saturdayIsWorkingDay: boolean;
  /** The agent's language: the sidebars speak German or English. */
  readonly language: 'de' | 'en';
  /** The shop's Rakuten SID (website id): Zendesk setting "sid", Freshdesk iparam "rakuten_sid"; '' when not set. */
  readonly sid: string;
}

export const DEFAULT_PLAYGROUND_SETTINGS: PlaygroundSettings = {
  signature: 'Ihr Kundenservice von Mustershop',
  bundesland: 'NW',
  saturdayIsWorkingDay: false,
  language: 'de',
  sid: '3456789',
};

/** Reads settings sent by the page; anything missing keeps its current value. Returns an error text when invalid. */
export function mergeSettings(current: PlaygroundSettings, input: unknown): PlaygroundSettings | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'Expected a JSON object.';
  const raw = input as Record<string, unknown>;
  const next = { ...current };
  if (raw['signature'] !== undefined) {
    if (typeof raw['signature'] !== 'string' || raw['signature'].length > 2000) return 'signature: a text of at most 2000 characters.';
    next.signature = raw['signature'];
  }
  if (raw['bundesland'] !== undefined) {
    const code = typeof raw['bundesland'] === 'string' ? raw['bundesland'].trim().toUpperCase() : null;
    if (code === null || (code !== '' && !(BUNDESLAENDER as readonly string[]).includes(code))) return `bundesland: one of ${BUNDESLAENDER.join(', ')}, or empty.`;
    next.bundesland = code;
  }
  if (raw['saturdayIsWorkingDay'] !== undefined) {
    if (typeof raw['saturdayIsWorkingDay'] !== 'boolean') return 'saturdayIsWorkingDay: true or false.';
    next.saturdayIsWorkingDay = raw['saturdayIsWorkingDay'];
  }
  if (raw['language'] !== undefined) {
    if (raw['language'] !== 'de' && raw['language'] !== 'en') return 'language: "de" or "en".';
    next.language = raw['language'];
  }
  if (raw['sid'] !== undefined) {
    if (typeof raw['sid'] !== 'string' || raw['sid'].trim().length > 40) return 'sid: a text of at most 40 characters.';
    next.sid = raw['sid'].trim();
  }
  return next;
}

/** How the simulated accounts around the apps are set up, for the setup check to find. */
export const ACCOUNT_STATES = ['healthy', 'broken', 'broken-key'] as const;
/**
 * healthy: everything set up. broken: a Rakuten field missing or off the form, an auto-reply that mails
 * Rakuten, Rakuten mail in the suspended tickets / spam. broken-key: the same, and Freshdesk refuses the app's
 * API key (then the other Freshdesk checks wait for it).
 */
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** Reads `{"state": …}` as the page sends it. */
export function parseAccountState(input: unknown): { readonly state: AccountState } | { readonly error: string } {
  const state = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { state?: unknown }).state : undefined;
  const found = ACCOUNT_STATES.find((candidate) => candidate === state);
  return found ? { state: found } : { error: `state: one of ${ACCOUNT_STATES.join(', ')}.` };
}
