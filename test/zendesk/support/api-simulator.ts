import type { IncomingMessage, ServerResponse } from 'node:http';

/** A comment as Zendesk's REST API returns it (the fields the app reads, and a few it does not). */
export interface ApiComment {
  readonly id: number;
  readonly type: 'Comment';
  readonly author_id: number;
  readonly public: boolean;
  readonly body: string;
  readonly plain_body: string;
  readonly html_body: string;
  readonly created_at: string;
  readonly via: {
    readonly channel: string;
    readonly source: {
      readonly from: { readonly address?: string; readonly name?: string };
      readonly to: { readonly address?: string; readonly name?: string };
      readonly rel: string | null;
    };
  };
}

export interface ApiUser {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly role: 'end-user' | 'agent' | 'admin';
}

export interface ApiTicket {
  readonly id: number;
  subject: string;
  status: string;
  requester_id: number;
  custom_fields: { id: number; value: string | null }[];
  tags: string[];
  updated_at: string;
}

export interface TicketFixture {
  readonly ticket: ApiTicket;
  readonly comments: ApiComment[];
  readonly users: ApiUser[];
}

export interface ApiTicketField {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly active: boolean;
}

export interface ApiTicketForm {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly default: boolean;
  readonly ticket_field_ids: number[];
}

export interface ApiCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
}

/** A ticket trigger as GET /api/v2/triggers returns it. */
export interface ApiTrigger {
  readonly id: number;
  readonly title: string;
  readonly active: boolean;
  readonly position: number;
  readonly conditions: { readonly all: ApiCondition[]; readonly any: ApiCondition[] };
  readonly actions: { readonly field: string; readonly value: unknown }[];
}

export interface ApiSuspendedTicket {
  readonly id: number;
  readonly subject: string;
  readonly author: { readonly id: number | null; readonly name: string; readonly email: string };
  readonly recipient: string;
  readonly cause: string;
  readonly cause_id: number;
  readonly created_at: string;
}

/** The account around the tickets: what the setup check reads. */
export interface AccountFixture {
  readonly ticketFields: ApiTicketField[];
  /** null: a plan without ticket forms (the endpoint answers 404). */
  readonly ticketForms: ApiTicketForm[] | null;
  readonly triggers: ApiTrigger[];
  readonly suspendedTickets: ApiSuspendedTicket[];
  readonly users: ApiUser[];
}

/** A ticket made through POST /api/v2/tickets. */
export interface CreatedTicket {
  readonly id: number;
  readonly subject: string;
  readonly comment: { readonly body: string };
  readonly requester_id: number;
  readonly tags: string[];
}

const EMPTY_ACCOUNT: AccountFixture = { ticketFields: [], ticketForms: null, triggers: [], suspendedTickets: [], users: [] };

/** A canned answer for the next matching request: a status, headers, and a body (or raw text). */
export interface PlannedAnswer {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** 'app' for the sidebar's client.request, 'agent' for the host's own Submit, 'host' for display. */
  readonly from: 'app' | 'agent' | 'host';
  readonly body: unknown;
}

/** One page of a cursor-paginated list (page[size], page[after]), with Zendesk's meta and links. */
function cursorPage<T>(list: readonly T[], url: URL, key: string): unknown {
  const size = Math.min(100, Number(url.searchParams.get('page[size]') ?? '100'));
  const after = Number(url.searchParams.get('page[after]') ?? '0');
  const hasMore = after + size < list.length;
  return {
    [key]: list.slice(after, after + size),
    meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null },
    links: { next: hasMore ? `https://haendler.zendesk.com${url.pathname}?page[size]=${size}&page[after]=${after + size}` : null },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Zendesk's REST API for one account, in memory, on loopback: tickets, comments (cursor pages, users
 * side-load), updates with safe_update; the account's ticket fields, forms, active triggers, user search and
 * suspended tickets for the setup check, and ticket creation; plus planned failures (429 with Retry-After, 5xx)
 * and a call log.
 */
export class ZendeskApiSimulator {
  private fixtures = new Map<number, TicketFixture>();
  private account: AccountFixture = EMPTY_ACCOUNT;
  readonly created: CreatedTicket[] = [];
  private planned: PlannedAnswer[] = [];
  readonly calls: RecordedCall[] = [];
  /** Updates are stamped with real time (never going back), as fixtures date their comments relative to now. */
  private clock = 0;

  reset(...fixtures: TicketFixture[]): void {
    this.fixtures = new Map(fixtures.map((fixture) => [fixture.ticket.id, structuredClone(fixture)]));
    this.planned = [];
    this.calls.length = 0;
    this.account = EMPTY_ACCOUNT;
    this.created.length = 0;
  }

  useAccount(account: AccountFixture): void {
    this.account = structuredClone(account);
  }

  /** The next request matching method and path gets this answer instead of the real one (once per plan). */
  plan(...answers: PlannedAnswer[]): void {
    this.planned.push(...answers);
  }

  ticket(id: number): ApiTicket {
    const fixture = this.fixtures.get(id);
    if (!fixture) throw new Error(`No ticket ${id} in the simulator`);
    return fixture.ticket;
  }

  comments(id: number): readonly ApiComment[] {
    return this.fixtures.get(id)?.comments ?? [];
  }

  appCalls(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((call) => call.from === 'app' && call.method === method && path.test(call.path));
  }

  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/v2/')) return false;
    const method = req.method ?? 'GET';
    const from = req.headers['x-zaf-app'] ? 'app' : req.headers['x-agent-save'] ? 'agent' : 'host';
    const body = await readBody(req);
    const answer = (status: number, payload: unknown, headers?: Readonly<Record<string, string>>): boolean => {
      this.calls.push({ method, path: url.pathname + url.search, status, from, body });
      send(res, status, payload, headers);
      return true;
    };

    const plannedAt = from === 'app' ? this.planned.findIndex((plan) => plan.method === method && plan.path.test(url.pathname)) : -1;
    if (plannedAt >= 0) {
      const [plan] = this.planned.splice(plannedAt, 1);
      if (plan) return answer(plan.status, plan.body ?? { error: `planned ${plan.status}` }, plan.headers);
    }

    const accountAnswer = this.accountRoute(method, url, body);
    if (accountAnswer) return answer(accountAnswer.status, accountAnswer.body);

    const ticketMatch = /^\/api\/v2\/tickets\/(\d+)(\/comments)?\.json$/.exec(url.pathname);
    const fixture = ticketMatch ? this.fixtures.get(Number(ticketMatch[1])) : undefined;
    if (!ticketMatch || !fixture) return answer(404, { error: 'RecordNotFound' });
    if (ticketMatch[2]) return method === 'GET' ? answer(200, this.commentPage(fixture, url)) : answer(405, { error: 'MethodNotAllowed' });
    if (method === 'GET') return answer(200, { ticket: fixture.ticket });
    if (method === 'PUT') return this.update(fixture, body, answer);
    return answer(405, { error: 'MethodNotAllowed' });
  };

  /** The account's admin endpoints (fields, forms, triggers, user search, suspended tickets) and ticket creation. */
  private accountRoute(method: string, url: URL, body: unknown): { status: number; body: unknown } | null {
    const path = url.pathname;
    const account = this.account;
    const field = /^\/api\/v2\/ticket_fields\/(\d+)\.json$/.exec(path);
    if (field && method === 'GET') {
      const found = account.ticketFields.find((candidate) => candidate.id === Number(field[1]));
      return found ? { status: 200, body: { ticket_field: found } } : { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
    }
    if (path === '/api/v2/ticket_forms.json' && method === 'GET') {
      if (account.ticketForms === null) return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
      return { status: 200, body: { ticket_forms: account.ticketForms, next_page: null, previous_page: null, count: account.ticketForms.length } };
    }
    if (path === '/api/v2/triggers/active.json' && method === 'GET') {
      return { status: 200, body: cursorPage(account.triggers.filter((trigger) => trigger.active), url, 'triggers') };
    }
    if (path === '/api/v2/users/search.json' && method === 'GET') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      return { status: 200, body: { users: account.users.filter((user) => (user.email ?? '').toLowerCase().includes(query)), next_page: null, count: 0 } };
    }
    if (path === '/api/v2/suspended_tickets.json' && method === 'GET') {
      return { status: 200, body: cursorPage(account.suspendedTickets, url, 'suspended_tickets') };
    }
    if (path === '/api/v2/tickets.json' && method === 'POST') {
      const ticket = (body as { ticket?: Record<string, unknown> } | null)?.ticket;
      const comment = ticket?.['comment'] as { body?: unknown } | undefined;
      if (!ticket || typeof ticket['subject'] !== 'string' || typeof comment?.body !== 'string') return { status: 422, body: { error: 'RecordInvalid' } };
      const created: CreatedTicket = {
        id: 5000 + this.created.length + 1,
        subject: ticket['subject'],
        comment: { body: comment.body },
        requester_id: Number(ticket['requester_id']),
        tags: Array.isArray(ticket['tags']) ? (ticket['tags'] as string[]) : [],
      };
      this.created.push(created);
      return { status: 201, body: { ticket: { id: created.id, subject: created.subject, requester_id: created.requester_id, status: 'new', tags: created.tags } } };
    }
    return null;
  }

  private commentPage(fixture: TicketFixture, url: URL): unknown {
    const size = Number(url.searchParams.get('page[size]') ?? '100');
    const after = Number(url.searchParams.get('page[after]') ?? '0');
    const page = fixture.comments.slice(after, after + size);
    const hasMore = after + size < fixture.comments.length;
    const authorIds = new Set(page.map((comment) => comment.author_id));
    return {
      comments: page,
      ...(url.searchParams.get('include') === 'users' ? { users: fixture.users.filter((user) => authorIds.has(user.id)) } : {}),
      meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null },
      links: {
        next: hasMore ? `https://haendler.zendesk.com${url.pathname}?include=users&page[size]=${size}&page[after]=${after + size}` : null,
      },
    };
  }

  private update(fixture: TicketFixture, body: unknown, answer: (status: number, payload: unknown) => boolean): boolean {
    const update = (body as { ticket?: Record<string, unknown> } | null)?.ticket;
    if (!update) return answer(400, { error: 'InvalidJSON' });
    const { ticket } = fixture;
    if (update['safe_update'] === true && update['updated_stamp'] !== ticket.updated_at) {
      return answer(409, { error: 'UpdateConflict', description: 'Ticket was updated since updated_stamp' });
    }
    for (const field of Array.isArray(update['custom_fields']) ? (update['custom_fields'] as { id: number; value: string | null }[]) : []) {
      const existing = ticket.custom_fields.find((entry) => entry.id === field.id);
      if (existing) existing.value = field.value;
      else ticket.custom_fields.push({ id: field.id, value: field.value });
    }
    if (typeof update['status'] === 'string') ticket.status = update['status'];
    const comment = update['comment'] as { body?: string; public?: boolean } | undefined;
    this.clock = Math.max(Date.now(), this.clock + 1000);
    if (comment?.body) {
      const agent = fixture.users.find((user) => user.role !== 'end-user') ?? { id: 1, name: 'Agent', email: 'agent@shop.example', role: 'agent' as const };
      if (!fixture.users.includes(agent)) fixture.users.push(agent);
      fixture.comments.push({
        id: 10_000 + fixture.comments.length,
        type: 'Comment',
        author_id: agent.id,
        public: comment.public !== false,
        body: comment.body,
        plain_body: comment.body,
        html_body: `<p>${comment.body.replace(/[<&>]/g, (char) => `&#${char.charCodeAt(0)};`)}</p>`,
        created_at: new Date(this.clock).toISOString(),
        via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
      });
    }
    ticket.updated_at = new Date(this.clock).toISOString();
    return answer(200, { ticket });
  }
}
