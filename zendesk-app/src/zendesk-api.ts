/**
 * The Zendesk REST calls the sidebar makes through `client.request`, with their answers decoded by hand:
 * whatever comes back is checked before the app relies on it.
 */
import { sendWithRetry, type RetryPolicy, DEFAULT_RETRY } from './retry';
import { isRecord, type HelpdeskClient, type HttpResponse } from './zaf-client';

export interface RestComment {
  readonly id: number;
  readonly authorId: number | null;
  readonly public: boolean;
  readonly plainBody: string;
  readonly htmlBody: string | null;
  readonly createdAt: string;
  readonly channel: string;
  /** `via.source.rel`: 'trigger', 'automation', … for rule-made comments. */
  readonly rel: string | null;
  readonly fromAddress: string | null;
  readonly fromName: string | null;
}

export interface RestTicket {
  readonly subject: string;
  readonly updatedAt: string | null;
  /** Custom field values by field id, as the server has them. */
  readonly customFields: ReadonlyMap<number, unknown>;
}

export interface Thread {
  readonly comments: readonly RestComment[];
  /** Author role by user id ('end-user', 'agent', 'admin'), from the users side-load. */
  readonly roles: ReadonlyMap<number, string>;
}

export class ZendeskApiError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`${what} failed with HTTP ${status || 'no answer'}`);
    this.name = 'ZendeskApiError';
  }
}

/** A thread longer than this many pages (100 comments each) is cut: the newest forwards matter, not page 50. */
const MAX_COMMENT_PAGES = 10;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function decodeComment(raw: unknown): RestComment {
  if (!isRecord(raw) || typeof raw['id'] !== 'number' || typeof raw['created_at'] !== 'string') {
    throw new TypeError('Unexpected comment in the Zendesk answer');
  }
  const via = isRecord(raw['via']) ? raw['via'] : {};
  const source = isRecord(via['source']) ? via['source'] : {};
  const from = isRecord(source['from']) ? source['from'] : {};
  return {
    id: raw['id'],
    authorId: typeof raw['author_id'] === 'number' ? raw['author_id'] : null,
    public: raw['public'] === true,
    plainBody: text(raw['plain_body']) ?? text(raw['body']) ?? '',
    htmlBody: text(raw['html_body']),
    createdAt: raw['created_at'],
    channel: text(via['channel']) ?? '',
    rel: text(source['rel']),
    fromAddress: text(from['address']),
    fromName: text(from['name']),
  };
}

export function bodyOf(response: HttpResponse, what: string): Record<string, unknown> {
  if (response.status < 200 || response.status >= 300) throw new ZendeskApiError(response.status, what);
  if (!isRecord(response.body)) throw new TypeError(`${what}: the answer is not a JSON object`);
  return response.body;
}

/** Next page of a cursor-paginated (links.next) or offset-paginated (next_page) list. */
export function nextPage(body: Record<string, unknown>): string | null {
  const meta = isRecord(body['meta']) ? body['meta'] : {};
  const links = isRecord(body['links']) ? body['links'] : {};
  if (meta['has_more'] === true && typeof links['next'] === 'string') return links['next'];
  return typeof body['next_page'] === 'string' ? body['next_page'] : null;
}

/** Absolute next-page links point at the account's host; ZAF wants the path. */
export function relative(url: string): string {
  const match = /^https?:\/\/[^/]+(\/.*)$/.exec(url);
  return match?.[1] ?? url;
}

export async function fetchThread(client: HelpdeskClient, ticketId: number): Promise<Thread> {
  const comments: RestComment[] = [];
  const roles = new Map<number, string>();
  let url: string | null = `/api/v2/tickets/${ticketId}/comments.json?include=users&page[size]=100`;
  for (let page = 0; url !== null && page < MAX_COMMENT_PAGES; page++) {
    const body = bodyOf(await sendWithRetry(() => client.request({ url: url ?? '' })), 'Reading the comments');
    const list = body['comments'];
    if (!Array.isArray(list)) throw new TypeError('Reading the comments: no comment list in the answer');
    comments.push(...list.map(decodeComment));
    for (const user of Array.isArray(body['users']) ? body['users'] : []) {
      if (isRecord(user) && typeof user['id'] === 'number' && typeof user['role'] === 'string') roles.set(user['id'], user['role']);
    }
    const next = nextPage(body);
    url = next === null ? null : relative(next);
  }
  return { comments, roles };
}

export async function fetchTicket(client: HelpdeskClient, ticketId: number): Promise<RestTicket> {
  const body = bodyOf(await sendWithRetry(() => client.request({ url: `/api/v2/tickets/${ticketId}.json` })), 'Reading the ticket');
  const ticket = isRecord(body['ticket']) ? body['ticket'] : null;
  if (!ticket) throw new TypeError('Reading the ticket: no ticket in the answer');
  const customFields = new Map<number, unknown>();
  for (const field of Array.isArray(ticket['custom_fields']) ? ticket['custom_fields'] : []) {
    if (isRecord(field) && typeof field['id'] === 'number') customFields.set(field['id'], field['value']);
  }
  return { subject: text(ticket['subject']) ?? '', updatedAt: text(ticket['updated_at']), customFields };
}

export interface FieldValue {
  readonly id: number;
  readonly value: string;
}

export type FieldSaveOutcome = 'saved' | 'conflict' | 'failed';

/**
 * Writes custom fields. `safe_update` makes Zendesk refuse (409) when the ticket changed since it was read,
 * so a value another agent saved in between is never overwritten.
 */
export async function saveFields(
  client: HelpdeskClient,
  ticketId: number,
  fields: readonly FieldValue[],
  updatedStamp: string | null,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<FieldSaveOutcome> {
  const ticket = {
    custom_fields: fields.map(({ id, value }) => ({ id, value })),
    ...(updatedStamp ? { safe_update: true, updated_stamp: updatedStamp } : {}),
  };
  const response = await sendWithRetry(
    () => client.request({ url: `/api/v2/tickets/${ticketId}.json`, type: 'PUT', data: JSON.stringify({ ticket }) }),
    policy,
  );
  if (response.status >= 200 && response.status < 300) return 'saved';
  return response.status === 409 ? 'conflict' : 'failed';
}
