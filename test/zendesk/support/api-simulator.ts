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
 * side-load), updates with safe_update, plus planned failures (429 with Retry-After, 5xx) and a call log.
 */
export class ZendeskApiSimulator {
  private fixtures = new Map<number, TicketFixture>();
  private planned: PlannedAnswer[] = [];
  readonly calls: RecordedCall[] = [];
  /** Updates are stamped with real time (never going back), as fixtures date their comments relative to now. */
  private clock = 0;

  reset(...fixtures: TicketFixture[]): void {
    this.fixtures = new Map(fixtures.map((fixture) => [fixture.ticket.id, structuredClone(fixture)]));
    this.planned = [];
    this.calls.length = 0;
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

    const ticketMatch = /^\/api\/v2\/tickets\/(\d+)(\/comments)?\.json$/.exec(url.pathname);
    const fixture = ticketMatch ? this.fixtures.get(Number(ticketMatch[1])) : undefined;
    if (!ticketMatch || !fixture) return answer(404, { error: 'RecordNotFound' });
    if (ticketMatch[2]) return method === 'GET' ? answer(200, this.commentPage(fixture, url)) : answer(405, { error: 'MethodNotAllowed' });
    if (method === 'GET') return answer(200, { ticket: fixture.ticket });
    if (method === 'PUT') return this.update(fixture, body, answer);
    return answer(405, { error: 'MethodNotAllowed' });
  };

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
