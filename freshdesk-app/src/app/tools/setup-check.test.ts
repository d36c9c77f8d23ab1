import type { SetupCheckItem } from '@rakuten-helpdesk/core';
import { RAKUTEN } from '../../../../test/freshdesk/support/rakuten-mail';
import type { FreshdeskSimulator, SimTicket } from '../../../../test/freshdesk/support/freshdesk-simulator';
import { DOMAIN, installedSimulator, simulatedClient } from '../../../test-support/simulated-client';
import { FIELD_NAMES_KEY } from '../../shared/ticket-marks';
import { failureReason } from '../failure-reason';
import { excludesRakuten, helpdeskDomain, mailsRakuten, runSetupCheck } from './setup-check';

// The setup check from the front end's side: request templates through the emulated client to the simulator.

let sim: FreshdeskSimulator;
let names: { orderNumber: string; customerName: string };

beforeEach(async () => {
  ({ sim, names } = await installedSimulator());
});

afterEach(() => sim.close());

async function check(options: Parameters<typeof simulatedClient>[1] = {}, storeNames = true): Promise<Record<string, SetupCheckItem>> {
  const { client, store } = simulatedClient(sim, options);
  if (storeNames) store.set(FIELD_NAMES_KEY, names);
  const items = await runSetupCheck({ request: client.request, db: client.db, domain: DOMAIN });
  expect(items.map((item) => item.id)).toEqual(['credentials', 'fields', 'auto-replies', 'spam']);
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

function spamTicket(id: number, email: string, subject = 'Nachricht Ihres Kunden'): SimTicket {
  return {
    id,
    subject,
    description: '<div>…</div>',
    description_text: '…',
    created_at: '2026-03-02T09:00:00Z',
    status: 2,
    tags: [],
    custom_fields: {},
    due_by: '2026-03-04T09:00:00Z',
    fr_due_by: '2026-03-03T09:00:00Z',
    requester: { id: id + 1, email, name: email },
    conversations: [],
    spam: true,
  };
}

const MAIL_REQUESTER = { resource_type: 'ticket', field_name: 'from_email', operator: 'is', value: ['kunde@example.org'] };
const sendsMail = [{ field_name: 'send_email_to_requester', email_subject: 'Wir haben Ihre Anfrage erhalten', email_body: 'Danke!' }];

describe('runSetupCheck against the simulator', () => {
  test('a good setup: key works, fields on the form, no rule mails Rakuten, no Rakuten mail in spam', async () => {
    sim.addForm({ id: 1, name: 'Default', title: 'Standard', default: true });
    sim.addCreationRule({ id: 11, name: 'Bestätigung an Kunden', active: true, conditions: [{ name: 'condition_set_1', match_type: 'all', properties: [{ field_name: 'from_email', operator: 'is_not', value: ['service@rakuten.de'] }] }], actions: sendsMail });
    sim.addCreationRule({ id: 12, name: 'Alte Bestätigung', active: false, actions: sendsMail });
    sim.addTicket(spamTicket(301, 'gewinn@spam.example'));
    const items = await check();
    expect(items['credentials']).toMatchObject({ status: 'ok', detail: { de: 'Der API-Schlüssel funktioniert.' } });
    expect(items['fields']).toMatchObject({ status: 'ok' });
    // The requester notification is not in the API: never a plain "ok".
    expect(items['auto-replies']?.status).toBe('manual');
    expect(items['auto-replies']?.fix?.de).toContain('Automatisierungsregeln zur Ticket-Erstellung sind geprüft');
    expect(items['auto-replies']?.fix?.de).toContain('„New Ticket Created“ ausschalten');
    expect(items['spam']).toMatchObject({ status: 'ok', links: [] });
    expect(items['spam']?.fix?.de).toContain('rakuten.com');
    expect(sim.answered().map((call) => `${call.method} ${call.path}${call.query}`).sort()).toEqual(
      [
        'GET /api/v2/agents/me',
        'GET /api/v2/admin/ticket_fields',
        'GET /api/v2/ticket-forms',
        'GET /api/v2/ticket-forms/1',
        'GET /api/v2/automations/1/rules',
        'GET /api/v2/tickets?filter=spam&include=requester&per_page=100&page=1',
      ].sort(),
    );
    expect(sim.writes()).toEqual([]);
  });

  test('a missing field is named; the form is then not read', async () => {
    sim.fields.splice(1, 1);
    const items = await check();
    expect(items['fields']).toMatchObject({ status: 'problem', detail: { de: 'Es fehlt das Ticketfeld „Rakuten-Kundenname“.' } });
    expect(sim.calls.some((call) => call.path.startsWith('/api/v2/ticket-forms'))).toBe(false);
  });

  test('a field that exists but is not on the default form is named', async () => {
    sim.addForm({ id: 1, name: 'Retouren', title: 'Retouren', default: false, fieldNames: [names.orderNumber, names.customerName] });
    sim.addForm({ id: 2, name: 'Default', title: 'Standard', default: true, fieldNames: [names.orderNumber] });
    const items = await check();
    expect(items['fields']?.status).toBe('problem');
    expect(items['fields']?.detail.de).toContain('Das Feld „Rakuten-Kundenname“ ist nicht auf dem Ticketformular');
    expect(sim.calls.some((call) => call.path === '/api/v2/ticket-forms/2')).toBe(true);
  });

  test.each([403, 404])('a plan without ticket forms (HTTP %i) has every field on its one form', async (status) => {
    sim.forms = { status };
    expect((await check())['fields']?.status).toBe('ok');
  });

  test('the fields are found by the names stored on install, and by their labels when nothing is stored', async () => {
    sim.fields[0] = { ...sim.fields[0]!, label: 'Bestellnummer (Rakuten)', label_for_customers: 'Bestellnummer (Rakuten)' };
    expect((await check())['fields']?.status).toBe('ok');
    expect((await check({}, false))['fields']).toMatchObject({ status: 'problem', detail: { de: 'Es fehlt das Ticketfeld „Rakuten-Bestellnummer“.' } });
  });

  test('an active rule that mails the requester on creation is named, with a link to edit it', async () => {
    sim.addCreationRule({ id: 21, name: 'Eingangsbestätigung', active: true, conditions: [{ name: 'condition_set_1', match_type: 'any', properties: [MAIL_REQUESTER] }], actions: [{ field_name: 'priority', value: 2 }, ...sendsMail] });
    sim.addCreationRule({ id: 22, name: 'Nur Priorität', active: true, actions: [{ field_name: 'priority', value: 3 }] });
    const item = (await check())['auto-replies'];
    expect(item?.status).toBe('problem');
    expect(item?.detail.de).toContain('Diese aktive Regel schreibt dem Anfragenden beim Erstellen eines Tickets: „Eingangsbestätigung“');
    expect(item?.links).toEqual([{ label: 'Eingangsbestätigung', url: `https://${DOMAIN}/a/admin/automations/ticket_creation/21/edit` }]);
    expect(item?.fix?.de).toContain('„Requester email“ ist nicht „service@rakuten.de“');
    expect(item?.fix?.en).toContain('"Requester email" is not "service@rakuten.de"');
  });

  test('when Freshdesk has no rules endpoint, the rules and the notification are left to check', async () => {
    sim.creationRules = { status: 404 };
    const item = (await check())['auto-replies'];
    expect(item).toMatchObject({ status: 'manual', links: [] });
    expect(item?.fix?.de).toContain('Prüfen Sie dort auch die Regeln zur Ticket-Erstellung');
  });

  test('Rakuten mail in spam is counted and linked; other spam is not', async () => {
    sim.addTicket(spamTicket(401, RAKUTEN.email, 'Nachricht Ihres Kunden zur Bestellung 123-456-789'));
    sim.addTicket(spamTicket(402, 'noreply@mail.rakuten.com', 'Ihr Rakuten-Konto'));
    sim.addTicket(spamTicket(403, 'service@rakuten-de.com', 'Fälschung'));
    sim.addTicket(spamTicket(404, 'gewinn@spam.example'));
    const item = (await check())['spam'];
    expect(item?.status).toBe('problem');
    expect(item?.detail.de).toBe('2 Mails von Rakuten liegen im Spam bzw. in den gesperrten Tickets – diese Kunden warten auf eine Antwort.');
    expect(item?.links).toEqual([
      { label: '#401 Nachricht Ihres Kunden zur Bestellung 123-456-789', url: `https://${DOMAIN}/a/tickets/401` },
      { label: '#402 Ihr Rakuten-Konto', url: `https://${DOMAIN}/a/tickets/402` },
    ]);
    expect(item?.fix?.de).toContain('Setzen Sie rakuten.de und rakuten.com auf die Liste der sicheren Absender');
    expect(item?.fix?.de).toContain('„Kein Spam“');
  });

  test('spam is read page by page', async () => {
    for (let id = 1000; id < 1105; id++) sim.addTicket(spamTicket(id, id === 1104 ? RAKUTEN.email : `x${id}@spam.example`));
    const item = (await check())['spam'];
    expect(item?.links.map((link) => link.label)).toEqual(['#1104 Nachricht Ihres Kunden']);
    expect(sim.answered().filter((call) => call.query.includes('filter=spam')).map((call) => call.query)).toEqual([
      '?filter=spam&include=requester&per_page=100&page=1',
      '?filter=spam&include=requester&per_page=100&page=2',
    ]);
  });

  test('a rejected API key: credentials are the problem, the other checks wait for it', async () => {
    const items = await check({ apiKey: 'wrong-key' });
    expect(items['credentials']).toMatchObject({ status: 'problem', detail: { de: 'Der Helpdesk lehnt den API-Schlüssel ab (HTTP 401).' } });
    for (const id of ['fields', 'auto-replies', 'spam']) {
      expect(items[id]).toMatchObject({ status: 'error', detail: { de: 'Prüfung nicht möglich: zuerst den API-Zugang reparieren (siehe oben).' } });
    }
    expect(sim.calls.map((call) => call.path)).toEqual(['/api/v2/agents/me']);
  });

  test('a 429 storm: every template retries, then every check says it could not check, none says ok', async () => {
    sim.storm = 1000;
    const { client, invoker } = simulatedClient(sim);
    const items = await runSetupCheck({ request: client.request, db: client.db, domain: DOMAIN });
    expect(items.map((item) => item.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(items[0]?.detail).toEqual({
      de: 'Prüfung nicht möglich: Freshdesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen.',
      en: 'Could not check: Freshdesk is limiting requests right now (HTTP 429), even after several attempts.',
    });
    // Each template tried as often as its options allow (3), then gave up.
    const perTemplate = new Map<string, number>();
    for (const attempt of invoker.attempts) perTemplate.set(attempt.name, (perTemplate.get(attempt.name) ?? 0) + 1);
    expect([...perTemplate.values()].every((count) => count === 3)).toBe(true);
  });

  test('a storm that passes: the retries get through and the checks run', async () => {
    sim.addForm({ id: 1, name: 'Default', title: 'Standard', default: true });
    sim.storm = 2;
    const items = await check();
    expect(items['credentials']?.status).toBe('ok');
    expect(items['fields']?.status).toBe('ok');
  });

  test('an outage of one endpoint fails that check only', async () => {
    sim.failNext('GET', '/api/v2/tickets', [{ status: 503 }, { status: 503 }, { status: 503 }]);
    sim.failNext('GET', '/api/v2/admin/ticket_fields', [{ status: 403 }]);
    const items = await check();
    expect(items['spam']).toMatchObject({ status: 'error', detail: { de: 'Prüfung nicht möglich: Freshdesk antwortet gerade nicht (HTTP 503).' } });
    expect(items['fields']?.detail.de).toBe('Prüfung nicht möglich: Freshdesk verweigert den Zugriff (HTTP 403); der API-Schlüssel braucht Administratorrechte.');
    expect(items['credentials']?.status).toBe('ok');
  });

  test('a wrong domain (no Freshdesk there) is an error of the credentials, not a problem of the key', async () => {
    sim.failNext('GET', '/api/v2/agents/me', [{ status: 404 }]);
    expect((await check())['credentials']).toMatchObject({ status: 'error', detail: { de: 'Der Helpdesk antwortete mit HTTP 404.' } });
  });
});

describe('rule reading', () => {
  const rule = (fields: Partial<Parameters<typeof mailsRakuten>[0]>) => ({ id: 1, active: true, actions: [{ field_name: 'send_email_to_requester' }], ...fields });
  const excluding = { match_type: 'all', properties: [{ field_name: 'from_email', operator: 'does_not_contain', value: 'rakuten' }] };
  const other = { match_type: 'all', properties: [{ field_name: 'priority', operator: 'in', value: [4] }] };

  test('a rule leaves Rakuten out only when a condition that must hold rules it out', () => {
    expect(excludesRakuten(rule({}))).toBe(false);
    expect(excludesRakuten(rule({ conditions: [excluding] }))).toBe(true);
    expect(excludesRakuten(rule({ conditions: [{ ...excluding, match_type: 'any' }] }))).toBe(false);
    expect(excludesRakuten(rule({ conditions: [excluding, other], operator: 'AND' }))).toBe(true);
    expect(excludesRakuten(rule({ conditions: [excluding, other], operator: 'OR' }))).toBe(false);
    expect(excludesRakuten(rule({ conditions: [excluding, excluding], operator: 'or' }))).toBe(true);
    expect(excludesRakuten(rule({ conditions: [{ match_type: 'all', properties: [{ operator: 'is', value: ['service@rakuten.de'] }] }] }))).toBe(false);
    expect(excludesRakuten(rule({ conditions: [{ match_type: 'all' }] }))).toBe(false);
  });

  test('only active rules that mail the requester count', () => {
    expect(mailsRakuten(rule({}))).toBe(true);
    expect(mailsRakuten(rule({ active: false }))).toBe(false);
    expect(mailsRakuten(rule({ active: null }))).toBe(false);
    expect(mailsRakuten(rule({ actions: null }))).toBe(false);
    expect(mailsRakuten(rule({ conditions: [excluding] }))).toBe(false);
  });
});

describe('helpers', () => {
  test('links are built only from a Freshdesk domain', () => {
    expect(helpdeskDomain(' Shop.Freshdesk.com ')).toBe('shop.freshdesk.com');
    expect(helpdeskDomain('evil.example/a?x=.freshdesk.com')).toBeNull();
    expect(helpdeskDomain(undefined)).toBeNull();
  });

  test('failure reasons in both languages', () => {
    expect(failureReason({ status: 500 }).en).toBe('Freshdesk is not answering right now (HTTP 500).');
    expect(failureReason({ status: 422 }).de).toBe('Freshdesk antwortete mit HTTP 422.');
    expect(failureReason(new Error('x')).de).toBe('Freshdesk antwortete unerwartet.');
  });

  test('links without a known domain carry no address', async () => {
    sim.addCreationRule({ id: 5, name: '', active: true, actions: sendsMail });
    sim.addTicket(spamTicket(7, RAKUTEN.email, ''));
    const { client } = simulatedClient(sim);
    const items = await runSetupCheck({ request: client.request, db: client.db, domain: null });
    expect(items[2]?.links).toEqual([{ label: '#5', url: '' }]);
    expect(items[3]?.links).toEqual([{ label: '#7', url: '' }]);
  });

  test('a setup check against an answer that is not Freshdesk’s', async () => {
    const { client } = simulatedClient(sim);
    const request = {
      invokeTemplate: async (name: string, call: Parameters<typeof client.request.invokeTemplate>[1]) =>
        name === 'getCurrentAgent' ? client.request.invokeTemplate(name, call) : { status: 200, response: '<html>' },
    };
    const items = await runSetupCheck({ request, db: { get: () => Promise.reject(new Error('no store')) }, domain: DOMAIN });
    expect(items.map((item) => item.status)).toEqual(['ok', 'error', 'error', 'error']);
    expect(items[1]?.detail.en).toBe('Could not check: Freshdesk gave an unexpected answer.');
  });
});
