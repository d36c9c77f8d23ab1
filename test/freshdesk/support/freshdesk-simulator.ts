import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback Freshdesk REST API (v2) with the endpoints the app calls: tickets GET/PUT/POST, the spam list,
 * conversations GET, admin ticket_fields GET/POST, ticket forms, ticket-creation automation rules and
 * agents/me. It checks basic auth and Freshdesk's validations that matter here, counts every call, and fails
 * on demand: 429 with Retry-After, 5xx, or a slow answer, for one path or (a 429 storm) for every request.
 */

export interface SimRequester {
  readonly id: number;
  readonly email: string;
  readonly name: string;
}

export interface SimConversation {
  id: number;
  body: string;
  body_text: string;
  incoming: boolean;
  private: boolean;
  source: number;
  created_at: string;
  from_email: string;
  to_emails: string[];
  cc_emails: string[];
  bcc_emails: string[];
}

export interface SimTicket {
  id: number;
  subject: string;
  description: string;
  description_text: string;
  created_at: string;
  status: number;
  tags: string[];
  custom_fields: Record<string, string | null>;
  due_by: string;
  fr_due_by: string;
  requester: SimRequester;
  conversations: SimConversation[];
  /** In the spam folder: listed only with `filter=spam`. */
  spam?: boolean;
}

/** A ticket form and the names of the fields on it (`GET /api/v2/ticket-forms/{id}` lists them). */
export interface SimTicketForm {
  readonly id: number;
  readonly name: string;
  readonly title: string;
  readonly default: boolean;
  readonly fieldNames: string[];
}

/** An automation rule as Freshdesk returns it; the app reads `active`, `conditions`, `operator`, `actions`. */
export interface SimAutomationRule {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly position?: number;
  readonly operator?: string;
  readonly conditions?: unknown[];
  readonly actions: Record<string, unknown>[];
}

/** The agent the API key belongs to. */
export const SIM_AGENT = { id: 77, contact: { email: 'anna@mustershop.de', name: 'Anna Agentin' } } as const;

/** Freshdesk's own fields on every form, next to the custom ones. */
const DEFAULT_FORM_FIELDS = ['requester', 'subject', 'ticket_type', 'status', 'priority', 'group', 'agent', 'description'];

export interface SimTicketField {
  readonly id: number;
  readonly name: string;
  readonly label: string;
  readonly label_for_customers: string;
  readonly type: string;
}

/**
 * One planned failure of the next matching request. `delayMs` alone is a slow answer: the request is only
 * carried out if the caller still waits for it, as a request lost on the way would be.
 */
export interface Fault {
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
}

export interface SimCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  /** The status answered; 0 when the caller gave up before the answer. */
  status: number;
  /** A PUT or POST that changed data. */
  applied: boolean;
}

const CUSTOM_FIELD_NAME = /^cf_/;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class FreshdeskSimulator {
  readonly tickets = new Map<number, SimTicket>();
  readonly fields: SimTicketField[] = [];
  readonly calls: SimCall[] = [];
  /** The account's ticket forms; a status instead for plans without them (Freshdesk answers 403 or 404). */
  forms: SimTicketForm[] | { readonly status: number } = { status: 404 };
  /** Rules of automation type 1 (ticket creation); a status instead answers every read of them with it. */
  creationRules: SimAutomationRule[] | { readonly status: number } = [];
  /** Answers this many requests of any kind with 429 before anything else: a rate-limit storm. */
  storm = 0;
  private nextTicketId = 9000;
  private readonly faults = new Map<string, Fault[]>();
  private server: Server | null = null;
  private nextFieldId = 5000;
  url = '';

  /** `nameSuffix` stands for the account-specific digits Freshdesk appends to custom field names. */
  constructor(
    readonly apiKey: string,
    private readonly nameSuffix = '123',
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  addTicket(ticket: SimTicket): void {
    this.tickets.set(ticket.id, ticket);
  }

  addField(label: string): SimTicketField {
    const field = {
      id: this.nextFieldId++,
      name: `cf_${label.toLowerCase().replace(/[^a-z0-9]/g, '')}${this.nameSuffix}`,
      label,
      label_for_customers: label,
      type: 'custom_text',
    };
    this.fields.push(field);
    return field;
  }

  /** Queues failures for requests like `PUT /api/v2/tickets/4711`, used up in order. */
  failNext(method: string, path: string, faults: readonly Fault[]): void {
    const key = `${method} ${path}`;
    this.faults.set(key, [...(this.faults.get(key) ?? []), ...faults]);
  }

  /** Calls the caller waited for, i.e. what the account's rate limit counts. */
  answered(): SimCall[] {
    return this.calls.filter((call) => call.status !== 0);
  }

  writes(): SimCall[] {
    return this.calls.filter((call) => call.applied);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown = null;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const call: SimCall = { method, path: url.pathname, query: url.search, body, status: 0, applied: false };
    this.calls.push(call);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      json(res, status, payload, headers);
    };

    if (this.storm > 0) {
      this.storm--;
      return answer(429, { description: 'You have exceeded the limit of requests per minute' }, { 'retry-after': '60' });
    }
    const fault = this.faults.get(`${method} ${url.pathname}`)?.shift();
    if (fault?.delayMs) {
      await sleep(fault.delayMs);
      if (res.destroyed || req.socket.destroyed) return;
    }
    if (fault?.status) {
      const headers: Record<string, string> = fault.retryAfterSeconds ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      return answer(fault.status, { description: 'Simulated failure', code: fault.status }, headers);
    }
    if (!this.authorized(req.headers.authorization)) return answer(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    this.route(method, url, body, call, answer);
  }

  /** Freshdesk takes the API key as the basic-auth user, with or without the conventional password "X". */
  private authorized(header: string | undefined): boolean {
    if (!header?.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return decoded === this.apiKey || decoded === `${this.apiKey}:X`;
  }

  addForm(form: Omit<SimTicketForm, 'fieldNames'> & { fieldNames?: string[] }): SimTicketForm {
    const added = { ...form, fieldNames: form.fieldNames ?? this.fields.map((field) => field.name) };
    this.forms = [...(Array.isArray(this.forms) ? this.forms : []), added];
    return added;
  }

  addCreationRule(rule: SimAutomationRule): void {
    this.creationRules = [...(Array.isArray(this.creationRules) ? this.creationRules : []), rule];
  }

  /** The tickets created through POST /api/v2/tickets. */
  created(): SimTicket[] {
    return [...this.tickets.values()].filter((ticket) => ticket.id >= 9000);
  }

  private route(
    method: string,
    url: URL,
    body: unknown,
    call: SimCall,
    answer: (status: number, payload: unknown, headers?: Record<string, string>) => void,
  ): void {
    if (url.pathname === '/api/v2/agents/me' && method === 'GET') return answer(200, { ...SIM_AGENT, contact: { ...SIM_AGENT.contact } });
    if (url.pathname === '/api/v2/tickets' && method === 'GET') {
      const spam = url.searchParams.get('filter') === 'spam';
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
      const listed = [...this.tickets.values()].filter((ticket) => (ticket.spam === true) === spam);
      return answer(200, listed.slice((page - 1) * perPage, page * perPage).map((ticket) => this.ticketView(ticket, url.searchParams.get('include') ?? '')));
    }
    if (url.pathname === '/api/v2/tickets' && method === 'POST') {
      const problem = this.createTicket(body);
      if (typeof problem === 'object' && problem !== null && 'code' in problem) return answer(400, { description: 'Validation failed', errors: [problem] });
      call.applied = true;
      return answer(201, this.ticketView(problem as SimTicket, ''));
    }
    const formMatch = /^\/api\/v2\/ticket-forms(?:\/(\d+))?$/.exec(url.pathname);
    if (formMatch && method === 'GET') {
      if (!Array.isArray(this.forms)) return answer(this.forms.status, { code: 'access_denied' });
      if (!formMatch[1]) return answer(200, this.forms.map(({ fieldNames, ...form }) => ({ ...form, description: '' })));
      const form = this.forms.find((candidate) => candidate.id === Number(formMatch[1]));
      if (!form) return answer(404, { code: 'not_found' });
      const { fieldNames, ...rest } = form;
      const fields = [
        ...DEFAULT_FORM_FIELDS.map((name, index) => ({ id: 100 + index, name, label: name, default: true })),
        ...this.fields.filter((field) => fieldNames.includes(field.name)).map((field) => ({ id: field.id, name: field.name, label: field.label, default: false })),
      ];
      return answer(200, { ...rest, fields });
    }
    if (url.pathname === '/api/v2/automations/1/rules' && method === 'GET') {
      if (!Array.isArray(this.creationRules)) return answer(this.creationRules.status, { code: 'not_found' });
      return answer(200, this.creationRules);
    }
    const ticketMatch = /^\/api\/v2\/tickets\/(\d+)(\/conversations)?$/.exec(url.pathname);
    if (ticketMatch) {
      const ticket = this.tickets.get(Number(ticketMatch[1]));
      if (!ticket) return answer(404, { code: 'not_found' });
      if (ticketMatch[2] && method === 'GET') return answer(200, this.conversationPage(ticket, url));
      if (!ticketMatch[2] && method === 'GET') return answer(200, this.ticketView(ticket, url.searchParams.get('include') ?? ''));
      if (!ticketMatch[2] && method === 'PUT') {
        const problem = this.updateTicket(ticket, body);
        if (problem) return answer(400, { description: 'Validation failed', errors: [problem] });
        call.applied = true;
        return answer(200, this.ticketView(ticket, ''));
      }
    }
    if (url.pathname === '/api/v2/admin/ticket_fields') {
      if (method === 'GET') return answer(200, this.fields);
      if (method === 'POST') {
        const label = typeof body === 'object' && body !== null && 'label' in body ? (body as { label: unknown }).label : null;
        if (typeof label !== 'string' || label === '') return answer(400, { description: 'Validation failed', errors: [{ field: 'label', code: 'missing_field' }] });
        if (this.fields.some((field) => field.label === label)) return answer(409, { description: 'Duplicate label', errors: [{ field: 'label', code: 'duplicate_value' }] });
        call.applied = true;
        return answer(201, this.addField(label));
      }
    }
    answer(404, { code: 'not_found' });
  }

  private ticketView(ticket: SimTicket, include: string): Record<string, unknown> {
    const { conversations, requester, spam, ...fields } = ticket;
    const includes = include.split(',');
    return {
      ...structuredClone(fields),
      requester_id: requester.id,
      ...(includes.includes('requester') ? { requester: { ...requester } } : {}),
      ...(includes.includes('conversations') ? { conversations: structuredClone(conversations.slice(0, 10)) } : {}),
    };
  }

  private conversationPage(ticket: SimTicket, url: URL): unknown[] {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
    return structuredClone(ticket.conversations.slice((page - 1) * perPage, page * perPage)).map((conversation) => ({
      ...conversation,
      ticket_id: ticket.id,
    }));
  }

  /** Creates a ticket the way Freshdesk validates a POST; returns the ticket or the first problem. */
  private createTicket(body: unknown): SimTicket | { field: string; code: string } {
    if (typeof body !== 'object' || body === null) return { field: 'body', code: 'invalid_json' };
    const fields = body as Record<string, unknown>;
    const email = fields['email'];
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) return { field: 'email', code: 'missing_field' };
    for (const key of ['subject', 'description'] as const) {
      if (typeof fields[key] !== 'string' || fields[key] === '') return { field: key, code: 'missing_field' };
    }
    if (![2, 3, 4, 5].includes(fields['status'] as number)) return { field: 'status', code: 'invalid_value' };
    if (![1, 2, 3, 4].includes(fields['priority'] as number)) return { field: 'priority', code: 'invalid_value' };
    const tags = fields['tags'] ?? [];
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return { field: 'tags', code: 'datatype_mismatch' };
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ticket: SimTicket = {
      id: this.nextTicketId++,
      subject: fields['subject'] as string,
      description: fields['description'] as string,
      description_text: (fields['description'] as string).replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''),
      created_at: now,
      status: fields['status'] as number,
      tags: [...tags],
      custom_fields: {},
      due_by: now,
      fr_due_by: now,
      requester: { id: 500, email, name: email },
      conversations: [],
    };
    this.addTicket(ticket);
    return ticket;
  }

  /** Applies a PUT the way Freshdesk validates it; returns the first problem, or null. */
  private updateTicket(ticket: SimTicket, body: unknown): { field: string; code: string } | null {
    if (typeof body !== 'object' || body === null) return { field: 'body', code: 'invalid_json' };
    const update = body as Record<string, unknown>;
    const allowed = new Set(['custom_fields', 'tags', 'due_by', 'fr_due_by', 'status', 'priority']);
    const unknown = Object.keys(update).find((key) => !allowed.has(key));
    if (unknown) return { field: unknown, code: 'invalid_field' };
    const next = structuredClone(ticket);
    if (update['custom_fields'] !== undefined) {
      const fields = update['custom_fields'];
      if (typeof fields !== 'object' || fields === null) return { field: 'custom_fields', code: 'datatype_mismatch' };
      for (const [name, value] of Object.entries(fields)) {
        if (!CUSTOM_FIELD_NAME.test(name) || !this.fields.some((field) => field.name === name)) return { field: name, code: 'invalid_field' };
        if (value !== null && typeof value !== 'string') return { field: name, code: 'datatype_mismatch' };
        next.custom_fields[name] = value;
      }
    }
    if (update['tags'] !== undefined) {
      const tags = update['tags'];
      if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return { field: 'tags', code: 'datatype_mismatch' };
      next.tags = [...tags];
    }
    for (const key of ['due_by', 'fr_due_by'] as const) {
      const value = update[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return { field: key, code: 'invalid_date' };
      next[key] = value;
    }
    if (Date.parse(next.fr_due_by) > Date.parse(next.due_by)) return { field: 'fr_due_by', code: 'invalid_value' };
    if (Date.parse(next.due_by) < Date.parse(next.created_at)) return { field: 'due_by', code: 'invalid_value' };
    Object.assign(ticket, next);
    return null;
  }
}
