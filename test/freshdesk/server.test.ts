import { builtApp } from './support/build';
import { loadServerApp, type ServerApp } from './support/fdk-sandbox';
import { FreshdeskSimulator, type SimConversation, type SimTicket } from './support/freshdesk-simulator';
import { KeyValueStore } from './support/kv-store';
import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, asHtml, forwardText } from './support/rakuten-mail';

// The built server.js in FDK's sandbox, talking through the real request templates to a loopback Freshdesk.

const DOMAIN = 'mustershop.freshdesk.com';
const API_KEY = 'test-api-key';
const ORDER_FIELD = 'cf_rakutenbestellnummer123';
const NAME_FIELD = 'cf_rakutenkundenname123';
/** Monday 10:00 in Berlin: due Wednesday 10:00 (2 working days). */
const RECEIVED = '2026-03-02T09:00:00Z';
const DUE = '2026-03-04T09:00:00Z';

interface World {
  readonly sim: FreshdeskSimulator;
  readonly server: ServerApp;
}

let sim: FreshdeskSimulator;
const appDir = builtApp();

beforeEach(async () => {
  sim = new FreshdeskSimulator(API_KEY);
  await sim.start();
});

afterEach(() => sim.close());

function world(options: { requestTimeoutMs?: number; db?: KeyValueStore; fields?: boolean } = {}): World {
  const db = options.db ?? new KeyValueStore();
  if (options.fields !== false) {
    sim.addField('Rakuten-Bestellnummer');
    sim.addField('Rakuten-Kundenname');
    db.entries.set('ticket-fields', { orderNumber: ORDER_FIELD, customerName: NAME_FIELD });
  }
  const server = loadServerApp({
    appDir,
    iparams: { domain: DOMAIN, api_key: API_KEY, shop_signature: 'Ihr Mustershop', bundesland: 'NW', saturday_counts: false },
    hosts: { [DOMAIN]: sim.url },
    db,
    retryDelayScale: 0.1,
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
  });
  return { sim, server };
}

interface TicketSpec {
  readonly id?: number;
  readonly text: string;
  readonly requester: { readonly email: string; readonly name: string };
  readonly customFields?: Record<string, string | null>;
  readonly tags?: string[];
  readonly conversations?: SimConversation[];
}

/** The ticket as Freshdesk holds it, and the onTicketCreate payload it sends about it. */
function ticket(spec: TicketSpec): { stored: SimTicket; payload: Record<string, unknown> } {
  const id = spec.id ?? 4711;
  const stored: SimTicket = {
    id,
    subject: 'Nachricht Ihres Kunden',
    description: asHtml(spec.text),
    description_text: spec.text,
    created_at: RECEIVED,
    status: 2,
    tags: spec.tags ?? [],
    custom_fields: { [ORDER_FIELD]: null, [NAME_FIELD]: null, ...spec.customFields },
    due_by: '2026-03-05T09:00:00Z',
    fr_due_by: '2026-03-03T09:00:00Z',
    requester: { id: 900, ...spec.requester },
    conversations: spec.conversations ?? [],
  };
  sim.addTicket(stored);
  const { requester, conversations: _conversations, ...fields } = structuredClone(stored);
  return { stored, payload: { data: { ticket: { ...fields, is_description_truncated: false }, requester } } };
}

function puts(): { path: string; body: unknown }[] {
  return sim.answered().filter((call) => call.method === 'PUT').map(({ path, body }) => ({ path, body }));
}

describe('server.js in the FDK sandbox', () => {
  test('assigns every handler the manifest names to exports, and needs no timers or Node globals', () => {
    const { server } = world();
    expect(Object.keys(server.handlers).sort()).toEqual(['onAppInstallHandler', 'onConversationCreateHandler', 'onTicketCreateHandler']);
    for (const handler of Object.values(server.handlers)) expect(typeof handler).toBe('function');
    expect(server.leakedGlobals.filter((name) => !name.startsWith('__'))).toEqual([]);
  });
});

describe('onTicketCreate', () => {
  test('a genuine forward gets order number, customer name, tag and deadline in exactly one write', async () => {
    const { server } = world();
    const { stored, payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    await server.invoke('onTicketCreateHandler', payload);

    expect(sim.answered().map((call) => `${call.method} ${call.path}`)).toEqual(['PUT /api/v2/tickets/4711']);
    expect(puts()[0]?.body).toEqual({
      custom_fields: { [ORDER_FIELD]: '123-456-789', [NAME_FIELD]: 'Erika Musterfrau' },
      tags: ['rakuten'],
      due_by: DUE,
      fr_due_by: DUE,
    });
    expect(stored).toMatchObject({ due_by: DUE, fr_due_by: DUE, tags: ['rakuten'] });
    // $db: the once-only claim and the field names, 2 of the 50 calls a minute.
    expect(server.db.calls.map((call) => `${call.op} ${call.key}`)).toEqual(['set once:tc:4711', 'get ticket-fields']);
    expect(server.logs).toEqual([]);
  });

  test('a closing-only forward is tagged rakuten-abschluss as well', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText({ message: 'Vielen Dank, das Paket ist angekommen!' }), requester: RAKUTEN });
    await server.invoke('onTicketCreateHandler', payload);
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.body).toMatchObject({ tags: ['rakuten', 'rakuten-abschluss'] });
  });

  test('a spoof gets the rakuten-verdacht tag and nothing else, in one write', async () => {
    const { server } = world();
    const { payload } = ticket({ text: SPOOF_MAIL.text, requester: SPOOF_MAIL.requester, tags: ['neu'] });
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.answered()).toHaveLength(1);
    expect(puts()[0]?.body).toEqual({ tags: ['neu', 'rakuten-verdacht'] });
    expect(server.db.calls.map((call) => call.op)).toEqual(['set']);
  });

  test('any other ticket costs no API call and no store call', async () => {
    const db = new KeyValueStore();
    const { server } = world({ db });
    const callsBefore = db.calls.length;
    const { payload } = ticket({ text: OTHER_MAIL.text, requester: OTHER_MAIL.requester });
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.calls).toEqual([]);
    expect(db.calls.length).toBe(callsBefore);
  });

  test('429 with Retry-After and a 503 are retried as the template says; the write lands once', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    sim.failNext('PUT', '/api/v2/tickets/4711', [{ status: 429, retryAfterSeconds: 1 }, { status: 503 }]);
    const started = Date.now();
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.calls.map((call) => call.status)).toEqual([429, 503, 200]);
    expect(sim.writes()).toHaveLength(1);
    // Two waits of retryDelay (1500 ms, scaled by 0.1 in this harness).
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('an answer that never comes is retried after the timeout; the write lands once', async () => {
    const { server } = world({ requestTimeoutMs: 300 });
    const { stored, payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    sim.failNext('PUT', '/api/v2/tickets/4711', [{ delayMs: 1000 }]);
    await server.invoke('onTicketCreateHandler', payload);
    expect(server.request.attempts.map((attempt) => attempt.status)).toEqual([0, 200]);
    expect(sim.writes()).toHaveLength(1);
    expect(stored.tags).toEqual(['rakuten']);
  });

  test('a replayed event writes nothing a second time', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    await server.invoke('onTicketCreateHandler', payload);
    await server.invoke('onTicketCreateHandler', payload);
    await Promise.all([server.invoke('onTicketCreateHandler', payload), server.invoke('onTicketCreateHandler', payload)]);
    expect(sim.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  test('a replay long after the first run checks the ticket itself and writes nothing', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    await server.invoke('onTicketCreateHandler', payload);
    server.db.entries.set('once:tc:4711', { claimedAt: Date.now() - 5 * 60_000 });
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.answered().map((call) => `${call.method} ${call.path}`)).toEqual(['PUT /api/v2/tickets/4711', 'GET /api/v2/tickets/4711']);
  });

  test('two copies of the event at the same moment write once', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    await Promise.all([server.invoke('onTicketCreateHandler', payload), server.invoke('onTicketCreateHandler', payload)]);
    expect(sim.writes()).toHaveLength(1);
  });

  test('a field an agent already filled is left as it is', async () => {
    const { server } = world();
    const { stored, payload } = ticket({ text: forwardText(), requester: RAKUTEN, customFields: { [ORDER_FIELD]: '123-456-780 (korrigiert)' } });
    await server.invoke('onTicketCreateHandler', payload);
    expect(puts()[0]?.body).toMatchObject({ custom_fields: { [NAME_FIELD]: 'Erika Musterfrau' } });
    expect(stored.custom_fields[ORDER_FIELD]).toBe('123-456-780 (korrigiert)');
  });

  test('a truncated description is read whole with one GET before the one PUT', async () => {
    const { server } = world();
    const text = forwardText({ message: `Vielen Dank, alles ist angekommen!\n${'Viele Grüße\n'.repeat(3)}` });
    const { payload } = ticket({ text, requester: RAKUTEN });
    const cut = text.slice(0, text.indexOf('#### Weitergeleitete') + 20);
    const data = payload['data'] as { ticket: Record<string, unknown> };
    Object.assign(data.ticket, { description_text: cut, description: asHtml(cut), is_description_truncated: true });
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.answered().map((call) => `${call.method} ${call.path}${call.query}`)).toEqual([
      'GET /api/v2/tickets/4711?include=requester',
      'PUT /api/v2/tickets/4711',
    ]);
    expect(puts()[0]?.body).toMatchObject({ tags: ['rakuten', 'rakuten-abschluss'] });
  });

  test('when every attempt fails the handler fails, logs no customer data, and a later retry still writes', async () => {
    const { server } = world();
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    sim.failNext('PUT', '/api/v2/tickets/4711', Array.from({ length: 5 }, () => ({ status: 500 })));
    await expect(server.invoke('onTicketCreateHandler', payload)).rejects.toThrow();
    expect(server.logs).toEqual(['error: rakuten onTicketCreate ticket 4711: status 500 after 5 attempt(s)']);
    expect(server.db.entries.has('once:tc:4711')).toBe(false);
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.writes()).toHaveLength(1);
  });

  test('with the store down the forward is still written, once', async () => {
    const db = new KeyValueStore();
    const { server } = world({ db });
    db.failNext(1);
    const { payload } = ticket({ text: forwardText(), requester: RAKUTEN });
    await server.invoke('onTicketCreateHandler', payload);
    expect(sim.writes()).toHaveLength(1);
  });
});

describe('onConversationCreate', () => {
  function conversation(id: number, spec: Partial<SimConversation>): SimConversation {
    return {
      id,
      body: '',
      body_text: '',
      incoming: false,
      private: false,
      source: 0,
      created_at: RECEIVED,
      from_email: 'support@mustershop.de',
      to_emails: [],
      cc_emails: [],
      bcc_emails: [],
      ...spec,
    };
  }

  function incomingForward(id: number, createdAt: string, message: string): SimConversation {
    const text = forwardText({ message });
    return conversation(id, { incoming: true, created_at: createdAt, body_text: text, body: asHtml(text), from_email: `Rakuten Service <${RAKUTEN.email}>` });
  }

  test('a further forward after an answered one moves the deadline to the new message', async () => {
    const { server } = world();
    const reply = conversation(801, { created_at: '2026-03-02T12:00:00Z', body_text: 'Guten Tag, Ihr Paket ist unterwegs.', to_emails: [RAKUTEN.email] });
    const next = incomingForward(802, '2026-03-05T14:00:00Z', 'Vielen Dank, alles angekommen!');
    const { stored } = ticket({ text: forwardText(), requester: RAKUTEN, tags: ['rakuten'], customFields: { [ORDER_FIELD]: '123-456-789', [NAME_FIELD]: 'Erika Musterfrau' }, conversations: [reply, next] });
    Object.assign(stored, { due_by: DUE, fr_due_by: DUE });
    await server.invoke('onConversationCreateHandler', { data: { conversation: { ...next, ticket_id: 4711 } } });

    expect(sim.answered().map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/v2/tickets/4711',
      'GET /api/v2/tickets/4711/conversations',
      'PUT /api/v2/tickets/4711',
    ]);
    // Thursday 15:00 Berlin → Monday 15:00 (Saturday and Sunday do not count).
    expect(puts()[0]?.body).toEqual({ tags: ['rakuten', 'rakuten-abschluss'], due_by: '2026-03-09T14:00:00Z' });
  });

  test('while the first message is still unanswered the deadline stays with it: nothing to write', async () => {
    const { server } = world();
    const next = incomingForward(802, '2026-03-03T08:00:00Z', 'Hallo? Wo bleibt meine Antwort?');
    const { stored } = ticket({ text: forwardText(), requester: RAKUTEN, tags: ['rakuten'], customFields: { [ORDER_FIELD]: '123-456-789', [NAME_FIELD]: 'Erika Musterfrau' }, conversations: [next] });
    Object.assign(stored, { due_by: DUE, fr_due_by: DUE });
    await server.invoke('onConversationCreateHandler', { data: { conversation: { ...next, ticket_id: 4711 } } });
    expect(sim.writes()).toEqual([]);
  });

  test("an agent's reply or note costs no call", async () => {
    const { server } = world();
    ticket({ text: forwardText(), requester: RAKUTEN });
    const note = conversation(803, { private: true, source: 2, body_text: 'intern' });
    await server.invoke('onConversationCreateHandler', { data: { conversation: { ...note, ticket_id: 4711 } } });
    expect(sim.calls).toEqual([]);
  });
});

describe('onAppInstall', () => {
  test('creates the missing field, keeps the existing one, stores both names and answers with renderData()', async () => {
    const db = new KeyValueStore();
    const { server } = world({ db, fields: false });
    sim.addField('Rakuten-Bestellnummer');
    await server.invoke('onAppInstallHandler', {});
    expect(sim.answered().map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/v2/admin/ticket_fields', 'POST /api/v2/admin/ticket_fields']);
    expect(sim.answered()[1]?.body).toMatchObject({ label: 'Rakuten-Kundenname', type: 'custom_text' });
    expect(db.entries.get('ticket-fields')).toEqual({ orderNumber: ORDER_FIELD, customerName: NAME_FIELD });
    expect(server.renderData).toEqual([{ error: null, data: null }]);
  });

  test('a wrong API key stops the install with a short message', async () => {
    const wrongKey = loadServerApp({ appDir, iparams: { domain: DOMAIN, api_key: 'wrong' }, hosts: { [DOMAIN]: sim.url } });
    await expect(wrongKey.invoke('onAppInstallHandler', {})).rejects.toThrow(/renderData failed/);
    expect(sim.answered().map((call) => call.status)).toEqual([401]);
    const message = (wrongKey.renderData[0]?.error as { message: string }).message;
    expect(message.length).toBeLessThanOrEqual(60);
    expect(wrongKey.db.entries.has('ticket-fields')).toBe(false);
  });
});
