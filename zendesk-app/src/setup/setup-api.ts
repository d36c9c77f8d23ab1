/**
 * The Zendesk REST reads behind the setup check, and the one write of the support composer. Answers are decoded
 * by hand, as in ../zendesk-api.ts: whatever comes back is checked before the app relies on it.
 */
import { DEFAULT_RETRY, sendWithRetry, waitBeforeRetry, type RetryPolicy } from '../retry';
import { isRecord, type HelpdeskClient, type HttpResponse } from '../zaf-client';
import { ZendeskApiError, bodyOf, nextPage, relative } from '../zendesk-api';

export interface TicketFieldInfo {
  readonly id: number;
  readonly active: boolean;
}

export interface TicketFormInfo {
  readonly id: number;
  readonly active: boolean;
  readonly isDefault: boolean;
  readonly fieldIds: readonly number[];
}

export interface RuleCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
}

export interface RuleAction {
  readonly field: string;
  readonly value: unknown;
}

export interface TriggerInfo {
  readonly id: number;
  readonly title: string;
  readonly position: number;
  readonly all: readonly RuleCondition[];
  readonly any: readonly RuleCondition[];
  readonly actions: readonly RuleAction[];
}

export interface SuspendedMail {
  readonly id: number;
  readonly authorEmail: string;
}

/** A list read to its end, or cut after `maxPages` (then `complete` is false and no verdict may rest on it). */
export interface Listing<T> {
  readonly items: readonly T[];
  readonly complete: boolean;
}

/** 100 a page: ten pages of triggers or twenty of suspended mail are more than any shop's account holds. */
const MAX_TRIGGER_PAGES = 10;
const MAX_SUSPENDED_PAGES = 20;

function get(client: HelpdeskClient, url: string, policy: RetryPolicy): Promise<HttpResponse> {
  return sendWithRetry(() => client.request({ url }), policy);
}

async function listAll<T>(
  client: HelpdeskClient,
  firstUrl: string,
  key: string,
  what: string,
  decode: (raw: unknown) => T | null,
  maxPages: number,
  policy: RetryPolicy,
): Promise<Listing<T>> {
  const items: T[] = [];
  let url: string | null = firstUrl;
  for (let page = 0; url !== null; page++) {
    if (page === maxPages) return { items, complete: false };
    const body = bodyOf(await get(client, url, policy), what);
    const list = body[key];
    if (!Array.isArray(list)) throw new TypeError(`${what}: no ${key} list in the answer`);
    for (const raw of list) {
      const item = decode(raw);
      if (item !== null) items.push(item);
    }
    const next = nextPage(body);
    url = next === null ? null : relative(next);
  }
  return { items, complete: true };
}

function id(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** The field, or null when Zendesk has no field with this id (deleted, or never created). */
export async function getTicketField(client: HelpdeskClient, fieldId: number, policy: RetryPolicy = DEFAULT_RETRY): Promise<TicketFieldInfo | null> {
  const response = await get(client, `/api/v2/ticket_fields/${fieldId}.json`, policy);
  if (response.status === 404) return null;
  const field = bodyOf(response, 'Reading a ticket field')['ticket_field'];
  if (!isRecord(field) || id(field['id']) === null) throw new TypeError('Reading a ticket field: no ticket_field in the answer');
  return { id: fieldId, active: field['active'] !== false };
}

function decodeForm(raw: unknown): TicketFormInfo | null {
  if (!isRecord(raw)) return null;
  const formId = id(raw['id']);
  if (formId === null) return null;
  const fieldIds = Array.isArray(raw['ticket_field_ids']) ? raw['ticket_field_ids'].filter((value): value is number => id(value) !== null) : [];
  return { id: formId, active: raw['active'] !== false, isDefault: raw['default'] === true, fieldIds };
}

/** The account's ticket forms; null where the plan has none (404), so every field shows on the one default form. */
export async function listTicketForms(client: HelpdeskClient, policy: RetryPolicy = DEFAULT_RETRY): Promise<readonly TicketFormInfo[] | null> {
  const response = await get(client, '/api/v2/ticket_forms.json', policy);
  if (response.status === 404) return null;
  const list = bodyOf(response, 'Reading the ticket forms')['ticket_forms'];
  if (!Array.isArray(list)) throw new TypeError('Reading the ticket forms: no ticket_forms list in the answer');
  return list.map(decodeForm).filter((form): form is TicketFormInfo => form !== null);
}

function conditions(value: unknown): RuleCondition[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw) =>
    isRecord(raw) && typeof raw['field'] === 'string' ? [{ field: raw['field'], operator: typeof raw['operator'] === 'string' ? raw['operator'] : '', value: raw['value'] }] : [],
  );
}

function decodeTrigger(raw: unknown): TriggerInfo | null {
  if (!isRecord(raw)) return null;
  const triggerId = id(raw['id']);
  if (triggerId === null || raw['active'] === false) return null;
  const when = isRecord(raw['conditions']) ? raw['conditions'] : {};
  const actions = Array.isArray(raw['actions'])
    ? raw['actions'].flatMap((action) => (isRecord(action) && typeof action['field'] === 'string' ? [{ field: action['field'], value: action['value'] }] : []))
    : [];
  return {
    id: triggerId,
    title: typeof raw['title'] === 'string' && raw['title'].trim() !== '' ? raw['title'].trim() : `#${triggerId}`,
    position: typeof raw['position'] === 'number' ? raw['position'] : Number.MAX_SAFE_INTEGER,
    all: conditions(when['all']),
    any: conditions(when['any']),
    actions,
  };
}

/** The active ticket triggers; null when this user may not read them (403), so the admin has to look. */
export async function listActiveTriggers(client: HelpdeskClient, policy: RetryPolicy = DEFAULT_RETRY): Promise<Listing<TriggerInfo> | null> {
  try {
    return await listAll(client, '/api/v2/triggers/active.json?page[size]=100', 'triggers', 'Reading the triggers', decodeTrigger, MAX_TRIGGER_PAGES, policy);
  } catch (error) {
    if (error instanceof ZendeskApiError && error.status === 403) return null;
    throw error;
  }
}

/** The id of the user with exactly this address, or null when Zendesk has none yet. */
export async function findUserId(client: HelpdeskClient, email: string, policy: RetryPolicy = DEFAULT_RETRY): Promise<number | null> {
  const body = bodyOf(await get(client, `/api/v2/users/search.json?query=${encodeURIComponent(email)}`, policy), 'Searching the user');
  const users = Array.isArray(body['users']) ? body['users'] : [];
  const match = users.find((user) => isRecord(user) && typeof user['email'] === 'string' && user['email'].trim().toLowerCase() === email.toLowerCase());
  return isRecord(match) ? id(match['id']) : null;
}

function decodeSuspended(raw: unknown): SuspendedMail | null {
  if (!isRecord(raw)) return null;
  const mailId = id(raw['id']);
  if (mailId === null) return null;
  const author = isRecord(raw['author']) ? raw['author'] : {};
  return { id: mailId, authorEmail: typeof author['email'] === 'string' ? author['email'] : '' };
}

export function listSuspendedMail(client: HelpdeskClient, policy: RetryPolicy = DEFAULT_RETRY): Promise<Listing<SuspendedMail>> {
  return listAll(client, '/api/v2/suspended_tickets.json?page[size]=100', 'suspended_tickets', 'Reading the suspended tickets', decodeSuspended, MAX_SUSPENDED_PAGES, policy);
}

export interface NewTicket {
  readonly subject: string;
  readonly body: string;
  readonly requesterId: number;
}

/**
 * Creates a ticket and returns its id. Only 429 is retried: Zendesk did not take the request then, while a 5xx
 * may come after the ticket was made, and a second try would make it twice.
 */
export async function createTicket(client: HelpdeskClient, ticket: NewTicket, policy: RetryPolicy = DEFAULT_RETRY): Promise<number> {
  const data = JSON.stringify({ ticket: { subject: ticket.subject, comment: { body: ticket.body }, requester_id: ticket.requesterId, tags: ['rakuten_support'] } });
  for (let attempt = 1; ; attempt++) {
    const response = await client.request({ url: '/api/v2/tickets.json', type: 'POST', data });
    const wait = response.status === 429 ? waitBeforeRetry(response, attempt, policy) : null;
    if (wait === null) {
      const created = bodyOf(response, 'Creating the ticket')['ticket'];
      const createdId = isRecord(created) ? id(created['id']) : null;
      if (createdId === null) throw new ZendeskApiError(response.status, 'Creating the ticket');
      return createdId;
    }
    await policy.sleep(wait);
  }
}
