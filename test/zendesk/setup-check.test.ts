/**
 * The nav bar's setup check against the simulated Zendesk API: each check's all-clear, each way it goes wrong,
 * and that a check which cannot read its facts never passes.
 */
import { SAFE_SENDER_ADVICE } from '@rakuten-helpdesk/core';
import type { AccountFixture, PlannedAnswer } from './support/api-simulator';
import { SUBDOMAIN, brokenAccount, healthyAccount, navBarScenario, suspended } from './support/account-fixtures';
import { FIELD, RAKUTEN_SERVICE } from './support/fixtures';
import { expectText } from '../support/browser';
import { startTestbed, type OpenNavBar, type Testbed } from './support/testbed';

let bed: Testbed;
let pane: OpenNavBar | null = null;

beforeAll(async () => {
  bed = await startTestbed();
}, 120_000);
afterEach(async () => {
  await pane?.close();
  pane = null;
});
afterAll(async () => bed?.close());

async function open(account: AccountFixture, planned: readonly PlannedAnswer[] = [], locale = 'de'): Promise<OpenNavBar> {
  pane = await bed.openNavBar(account, navBarScenario({ locale }), planned);
  await pane.rendered();
  return pane;
}

interface CheckRow {
  status: string;
  title: string;
  detail: string;
  fix: string;
  links: { text: string; href: string; target: string; rel: string }[];
}

/** One row of the check, once its answer is in. */
async function row(opened: OpenNavBar, id: string): Promise<CheckRow> {
  const locator = opened.app.locator(`[data-check="${id}"]:not([data-status="pending"])`);
  await locator.waitFor({ timeout: 20_000 });
  return locator.evaluate((element) => ({
    status: element.getAttribute('data-status') ?? '',
    title: element.querySelector('strong')?.textContent ?? '',
    detail: element.querySelector('[data-part="detail"]')?.textContent ?? '',
    fix: element.querySelector('[data-part="fix"]')?.textContent ?? '',
    links: [...element.querySelectorAll('a')].map((link) => ({ text: link.textContent ?? '', href: link.href, target: link.target, rel: link.rel })),
  }));
}

const admin = (path: string): string => `https://${SUBDOMAIN}.zendesk.com${path}`;
const appWrites = (): number => bed.api.calls.filter((call) => call.from === 'app' && call.method !== 'GET').length;

describe('Zendesk setup check (nav bar)', () => {
  test('a healthy account passes all three checks, reads only, and keeps the safe-sender tip', async () => {
    const opened = await open(healthyAccount());
    const [fields, autoReplies, spam] = [await row(opened, 'fields'), await row(opened, 'auto-replies'), await row(opened, 'spam')];
    expect(fields).toMatchObject({ status: 'ok', title: 'Rakuten-Felder', detail: 'Beide Rakuten-Felder sind vorhanden und auf dem Formular.' });
    expect(autoReplies).toMatchObject({ status: 'ok', detail: 'Keine aktive Regel schreibt Rakuten automatisch an.' });
    expect(spam).toMatchObject({ status: 'ok', detail: 'Keine Rakuten-Mails im Spam.' });
    expect(spam.fix).toContain(SAFE_SENDER_ADVICE.de);
    expect(spam.fix).toContain('Admin Center → Personen → Konfiguration → Endbenutzer');
    expect(await opened.app.locator('[data-status="ok"] [data-part="status"]').allTextContents()).toEqual(['In Ordnung', 'In Ordnung', 'In Ordnung']);
    // The requester condition in one trigger needs Zendesk's user for service@rakuten.de.
    expect(bed.api.appCalls('GET', /^\/api\/v2\/users\/search\.json\?query=service%40rakuten\.de$/)).toHaveLength(1);
    expect(appWrites()).toBe(0);
    await opened.screenshot('setup-ok', 'setup-check');
    await opened.screenshot('setup-pane');
  });

  test('a broken account: each check names what is wrong, links it and says how to fix it; fixed, it passes', async () => {
    const opened = await open(brokenAccount());

    const fields = await row(opened, 'fields');
    expect(fields.status).toBe('problem');
    expect(fields.detail).toBe('Es fehlt das Ticketfeld „Rakuten-Bestellnummer“.');
    expect(fields.links.map((link) => link.href)).toEqual([admin('/admin/objects-rules/tickets/ticket-fields')]);

    const autoReplies = await row(opened, 'auto-replies');
    expect(autoReplies.status).toBe('problem');
    expect(autoReplies.detail).toContain('„Notify requester and CCs of received request“, „<img src=x onerror=alert(1)> Auto-Antwort“');
    for (const fine of ['Eingangsbestätigung außerhalb', 'proactive', 'comment update', 'inaktiv', 'agents']) expect(autoReplies.detail).not.toContain(fine);
    expect(autoReplies.fix).toContain('„Ticket > Anfragender – Ist nicht – service@rakuten.de“');
    expect(autoReplies.fix).toContain('„Ticket > Tags – Enthält keine der folgenden – rakuten“');
    expect(autoReplies.links).toEqual([
      { text: 'Notify requester and CCs of received request', href: admin('/admin/objects-rules/rules/triggers/9002'), target: '_blank', rel: 'noopener noreferrer' },
      { text: '<img src=x onerror=alert(1)> Auto-Antwort', href: admin('/admin/objects-rules/rules/triggers/9005'), target: '_blank', rel: 'noopener noreferrer' },
    ]);

    const spam = await row(opened, 'spam');
    expect(spam.status).toBe('problem');
    expect(spam.detail).toBe('2 Mails von Rakuten liegen im Spam bzw. in den gesperrten Tickets – diese Kunden warten auf eine Antwort.');
    expect(spam.fix).toContain(SAFE_SENDER_ADVICE.de);
    expect(spam.fix).toContain('rakuten.de rakuten.com');
    expect(spam.links.map(({ text, href }) => ({ text, href }))).toEqual([{ text: 'Gesperrte Tickets öffnen (2)', href: admin('/agent/filters/suspended') }]);

    await expect(opened.app.locator('img').count()).resolves.toBe(0);
    expect(opened.dialogs).toEqual([]);
    expect(appWrites()).toBe(0);
    await opened.screenshot('setup-broken', 'setup-check');

    // The admin fixes everything and checks again.
    bed.api.useAccount(healthyAccount());
    await opened.app.locator('[data-part="rerun"]').click();
    await opened.app.locator('[data-status="ok"]').nth(2).waitFor({ timeout: 20_000 });
    await expect(opened.app.locator('[data-check]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-status')))).resolves.toEqual(['ok', 'ok', 'ok']);
  });

  test('fields that exist but are not on the default form; inactive forms do not count', async () => {
    const account = healthyAccount();
    const opened = await open({
      ...account,
      ticketForms: [
        { id: 7001, name: 'Standard', active: true, default: true, ticket_field_ids: [1, 2, 3, FIELD.customerName] },
        { id: 7002, name: 'Alt', active: false, default: false, ticket_field_ids: [1, 2, 3] },
      ],
    });
    const fields = await row(opened, 'fields');
    expect(fields.status).toBe('problem');
    expect(fields.detail).toContain('Das Feld „Rakuten-Bestellnummer“ ist nicht auf dem Ticketformular');
    expect(fields.fix).toBe('So beheben Sie es: Fügen Sie die Felder Ihrem Ticketformular hinzu: Admin Center → Objekte und Regeln → Tickets → Formulare.');
    expect(fields.links.map((link) => link.href)).toEqual([admin('/admin/objects-rules/tickets/ticket-forms')]);
    await opened.screenshot('setup-not-on-form', 'setup-check');
  });

  test('an account without ticket forms shows every field on its one form', async () => {
    const opened = await open({ ...healthyAccount(), ticketForms: null });
    expect((await row(opened, 'fields')).status).toBe('ok');
    expect(bed.api.appCalls('GET', /^\/api\/v2\/ticket_forms\.json$/).map((call) => call.status)).toEqual([404]);
  });

  test('no field ids at all (no requirements, no settings): both fields are missing', async () => {
    pane = await bed.openNavBar(healthyAccount(), navBarScenario({ requirements: {} }));
    await pane.rendered();
    const fields = await row(pane, 'fields');
    expect(fields.status).toBe('problem');
    expect(fields.detail).toBe('Es fehlen die Ticketfelder „Rakuten-Bestellnummer“, „Rakuten-Kundenname“.');
  });

  test('Rakuten has no Zendesk user yet: a requester condition cannot keep the first mail out', async () => {
    const account = healthyAccount();
    const opened = await open({ ...account, users: account.users.filter((user) => user.id !== RAKUTEN_SERVICE.id) });
    const autoReplies = await row(opened, 'auto-replies');
    expect(autoReplies.status).toBe('problem');
    expect(autoReplies.links.map((link) => link.text)).toEqual(['Eingangsbestätigung außerhalb der Geschäftszeiten']);
  });

  test('triggers this user may not read: the admin is asked to look, with the condition to add', async () => {
    const opened = await open(healthyAccount(), [{ method: 'GET', path: /^\/api\/v2\/triggers\/active\.json$/, status: 403, body: { error: 'Forbidden' } }]);
    const autoReplies = await row(opened, 'auto-replies');
    expect(autoReplies.status).toBe('manual');
    expect(autoReplies.detail).toMatch(/^Nicht per API prüfbar\. Eine automatische Eingangsbestätigung ginge an service@rakuten\.de/);
    expect(autoReplies.fix).toContain('Ticket > Anfragender – Ist nicht – service@rakuten.de');
  });

  test('suspended tickets this user may not read: the check says so and asks for an administrator', async () => {
    const opened = await open(healthyAccount(), [{ method: 'GET', path: /^\/api\/v2\/suspended_tickets\.json$/, status: 403, body: { error: 'Forbidden' } }]);
    const spam = await row(opened, 'spam');
    expect(spam).toMatchObject({
      status: 'error',
      detail: 'Prüfung nicht möglich: Zendesk verweigert den Zugriff (HTTP 403).',
      fix: 'Was tun: Lassen Sie die Prüfung von einem Zendesk-Administrator ausführen.',
    });
  });

  test('a 429 storm: every check retries, then says it could not check — none passes', async () => {
    const storm = (path: RegExp, times: number): PlannedAnswer[] =>
      Array.from({ length: times }, () => ({ method: 'GET', path, status: 429, headers: { 'retry-after': '0' }, body: { error: 'TooManyRequests' } }));
    const opened = await open(healthyAccount(), [
      ...storm(/^\/api\/v2\/ticket_fields\/\d+\.json$/, 8),
      ...storm(/^\/api\/v2\/triggers\/active\.json$/, 4),
      ...storm(/^\/api\/v2\/suspended_tickets\.json$/, 4),
    ]);
    for (const id of ['fields', 'auto-replies', 'spam']) {
      const checked = await row(opened, id);
      expect([id, checked.status, checked.detail]).toEqual([id, 'error', 'Prüfung nicht möglich: Zendesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen.']);
    }
    // Four attempts each (the app's retry policy), and not one more.
    expect(bed.api.appCalls('GET', /^\/api\/v2\/triggers\/active\.json/).map((call) => call.status)).toEqual([429, 429, 429, 429]);
    expect(bed.api.appCalls('GET', /^\/api\/v2\/suspended_tickets\.json/)).toHaveLength(4);
    await opened.screenshot('setup-rate-limited', 'setup-check');
  });

  test('a server error is retried and then passes', async () => {
    const opened = await open(healthyAccount(), [{ method: 'GET', path: /^\/api\/v2\/suspended_tickets\.json$/, status: 503 }]);
    expect((await row(opened, 'spam')).status).toBe('ok');
    expect(bed.api.appCalls('GET', /^\/api\/v2\/suspended_tickets\.json/).map((call) => call.status)).toEqual([503, 200]);
  });

  test('many pages of suspended mail are all read; Rakuten mail on the last page is found', async () => {
    const account = healthyAccount();
    const noise = Array.from({ length: 230 }, (_, index) => suspended(10_000 + index, `spam${index}@bulk.example`, 'Angebot'));
    const opened = await open({ ...account, suspendedTickets: [...noise, suspended(8002, 'Service@Rakuten.de', 'Ihre Bestellung')] });
    const spam = await row(opened, 'spam');
    expect(spam.detail).toMatch(/^1 Mail von Rakuten liegt/);
    expect(bed.api.appCalls('GET', /^\/api\/v2\/suspended_tickets\.json/)).toHaveLength(3);
  });

  test('an English-speaking admin sees English', async () => {
    const opened = await open(brokenAccount(), [], 'en-US');
    await expectText(opened.app.locator('[data-part="setup-check"] h2')).toBe('Setup check');
    const autoReplies = await row(opened, 'auto-replies');
    expect(autoReplies.title).toBe('Automatic replies');
    expect(autoReplies.fix).toContain('"Ticket > Requester – Is not – service@rakuten.de"');
    const spam = await row(opened, 'spam');
    expect(spam.links[0]?.text).toBe('Open suspended tickets (2)');
    await opened.screenshot('setup-english', 'setup-check');
  });
});
