/**
 * The built Zendesk app in a simulated agent workspace: what the sidebar shows and what it writes to the ticket.
 */
import { replyDueBy } from '@rakuten-helpdesk/core';
import {
  FIELD,
  RAKUTEN_SERVICE,
  agentComment,
  genuineForwardTicket,
  hoursAgo,
  mailComment,
  rakutenForwardBody,
  scenarioFor,
  ticketFixture,
} from './support/fixtures';
import { expectText } from '../support/browser';
import { startTestbed, type OpenTicket, type Testbed } from './support/testbed';

const ERIKA = { orderNumber: '123-456-789', customerName: 'Erika Mustermann', message: 'Guten Tag,\nwo bleibt meine Bestellung? Sie sollte gestern ankommen.\nViele Grüße' };

let bed: Testbed;
let ticket: OpenTicket | null = null;

beforeAll(async () => {
  bed = await startTestbed();
}, 120_000);
afterEach(async () => {
  await ticket?.close();
  ticket = null;
});
afterAll(async () => bed?.close());

async function open(...args: Parameters<Testbed['open']>): Promise<OpenTicket> {
  ticket = await bed.open(...args);
  await ticket.rendered();
  return ticket;
}

const fieldsPut = (): ReturnType<Testbed['api']['appCalls']> => bed.api.appCalls('PUT', /^\/api\/v2\/tickets\/\d+\.json$/);

/** A receipt time whose reply deadline (NW, Saturday off) lies `hoursLeft` ahead, give or take half an hour. */
function receivedWithHoursLeft(hoursLeft: number, now = new Date()): Date {
  for (let back = 0; back < 24 * 14 * 2; back++) {
    const candidate = hoursAgo(back / 2, now);
    const left = (replyDueBy(candidate, { bundesland: 'NW', saturdayIsWorkingDay: false }).getTime() - now.getTime()) / 3_600_000;
    if (left <= hoursLeft && left > hoursLeft - 0.5) return candidate;
  }
  throw new Error(`No receipt time leaves ${hoursLeft} h`);
}

describe('Zendesk sidebar', () => {
  test('a genuine forward shows verdict, order, customer, message and deadline, and saves both fields once', async () => {
    const fixture = genuineForwardTicket(101, ERIKA, hoursAgo(2));
    const { app, page, appFrame } = await open(fixture, scenarioFor(fixture));

    await expectText(app.locator('[data-part="verdict"]')).toBe('Echte Rakuten-Weiterleitung');
    await expectText(app.locator('[data-part="order-number"]')).toBe('123-456-789');
    await expectText(app.locator('[data-part="customer-name"]')).toBe('Erika Mustermann');
    const message = await app.locator('[data-part="customer-message"]').textContent();
    expect(message).toBe(ERIKA.message);
    await expectText(app.locator('[data-part="due-by"]')).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await expect(app.locator('[data-part="countdown"]').getAttribute('class')).resolves.toMatch(/pill--(ok|warning)/);

    await app.locator('[data-part="note"]').waitFor();
    await expectText(app.locator('[data-part="note"]')).toBe('Bestellnummer und Kundenname übernommen');
    expect(fieldsPut()).toHaveLength(1);
    expect(bed.api.ticket(101).custom_fields).toEqual([
      { id: FIELD.orderNumber, value: '123-456-789' },
      { id: FIELD.customerName, value: 'Erika Mustermann' },
    ]);
    await expect(page.inputValue(`input[data-field-id="${FIELD.orderNumber}"]`)).resolves.toBe('123-456-789');
    await expect(page.inputValue(`input[data-field-id="${FIELD.customerName}"]`)).resolves.toBe('Erika Mustermann');

    await app.locator('[data-part="copy-order-number"]').click();
    await expectText(app.locator('[data-part="copy-order-number"]')).toBe('Kopiert');
    await ticket?.screenshot('genuine-forward');

    const frame = await appFrame();
    const firstRenderMs = await frame.evaluate(() => performance.getEntriesByName('rakuten-helpdesk:registration-to-first-render')[0]?.duration ?? -1);
    expect(firstRenderMs).toBeGreaterThan(0);
    allowConsole();
    console.log(`Zendesk sidebar: registration → first complete render ${firstRenderMs.toFixed(0)} ms (simulated host, loopback API)`);
  });

  test('a mail that only looks like Rakuten gets the red warning; fields stay untouched and nothing is written', async () => {
    const spoof = ticketFixture({
      id: 102,
      subject: 'Ihre Bestellung 123-456-789',
      requester: { id: 300, name: 'Rakuten Service', email: 'service@rakuten-de.support', role: 'end-user' },
      comments: [mailComment(1020, { from: { address: 'service@rakuten-de.support', name: 'Rakuten.de Service' }, authorId: 300, body: rakutenForwardBody(ERIKA), at: hoursAgo(1) })],
    });
    const { app, page } = await open(spoof, scenarioFor(spoof));
    const verdict = app.locator('[data-part="verdict"]');
    await expect(verdict.getAttribute('class')).resolves.toContain('notice--danger');
    await expectText(verdict).toContain('Sieht aus wie Rakuten, kommt aber nicht von service@rakuten.de');
    await expectText(verdict).toContain('Felder wurden nicht befüllt');
    await expect(app.locator('[data-part="order-number"]').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    expect(fieldsPut()).toHaveLength(0);
    expect(bed.api.ticket(102).custom_fields.every((field) => field.value === null)).toBe(true);
    await expect(page.inputValue(`input[data-field-id="${FIELD.orderNumber}"]`)).resolves.toBe('');
    await ticket?.screenshot('spoofed');
  });

  test('markup in the customer name and message is shown literally and runs nothing', async () => {
    const hostile = { orderNumber: '123-456-789', customerName: '<img src=x onerror=alert(1)>', message: '<script>alert(2)</script><b>fett</b> & "Zitat"' };
    const fixture = genuineForwardTicket(103, hostile, hoursAgo(1));
    const opened = await open(fixture, scenarioFor(fixture));
    const { app } = opened;
    await expectText(app.locator('[data-part="customer-name"]')).toBe('<img src=x onerror=alert(1)>');
    await expectText(app.locator('[data-part="customer-message"]')).toBe(hostile.message);
    await expect(app.locator('img').count()).resolves.toBe(0);
    await expect(app.locator('script:not([src])').count()).resolves.toBe(0);
    await expect(app.locator('b').count()).resolves.toBe(0);
    await opened.page.waitForTimeout(300);
    expect(opened.dialogs).toEqual([]);
    await ticket?.screenshot('hostile-name');
  });

  test('a field the agent already typed is kept; only the empty one is filled', async () => {
    const fixture = genuineForwardTicket(104, ERIKA, hoursAgo(1));
    const scenario = scenarioFor(fixture, { fields: { [FIELD.orderNumber]: 'AGENT-123', [FIELD.customerName]: null } });
    const { app, page } = await open(fixture, scenario);
    await app.locator('[data-part="note"]').waitFor();
    const [put] = fieldsPut();
    expect(put?.body).toMatchObject({ ticket: { custom_fields: [{ id: FIELD.customerName, value: 'Erika Mustermann' }] } });
    await expect(page.inputValue(`input[data-field-id="${FIELD.orderNumber}"]`)).resolves.toBe('AGENT-123');
    await expect(page.inputValue(`input[data-field-id="${FIELD.customerName}"]`)).resolves.toBe('Erika Mustermann');
  });

  test('a value already saved on the server is kept: nothing to write', async () => {
    const fixture = genuineForwardTicket(105, ERIKA, hoursAgo(1));
    fixture.ticket.custom_fields = [
      { id: FIELD.orderNumber, value: '123-456-789' },
      { id: FIELD.customerName, value: 'E. Mustermann (korrigiert)' },
    ];
    const { page } = await open(fixture, scenarioFor(fixture, { fields: { [FIELD.orderNumber]: null, [FIELD.customerName]: null } }));
    await page.waitForTimeout(500);
    expect(fieldsPut()).toHaveLength(0);
    expect(bed.api.ticket(105).custom_fields[1]?.value).toBe('E. Mustermann (korrigiert)');
  });

  test('rate limited (429 with Retry-After) then accepted: the fields are written once', async () => {
    const fixture = genuineForwardTicket(106, ERIKA, hoursAgo(1));
    const { app } = await open(fixture, scenarioFor(fixture), [
      { method: 'PUT', path: /^\/api\/v2\/tickets\/106\.json$/, status: 429, headers: { 'retry-after': '1' }, body: { error: 'TooManyRequests' } },
    ]);
    await app.locator('[data-part="note"]').waitFor({ timeout: 15_000 });
    expect(fieldsPut().map((call) => call.status)).toEqual([429, 200]);
    await expectText(app.locator('[data-part="note"]')).toBe('Bestellnummer und Kundenname übernommen');
  });

  test('a server error is retried after a short pause', async () => {
    const fixture = genuineForwardTicket(107, ERIKA, hoursAgo(1));
    const { app } = await open(fixture, scenarioFor(fixture), [{ method: 'PUT', path: /^\/api\/v2\/tickets\/107\.json$/, status: 503 }]);
    await app.locator('[data-part="note"]').waitFor({ timeout: 15_000 });
    expect(fieldsPut().map((call) => call.status)).toEqual([503, 200]);
  });

  test('run locally without requirements, the field ids come from the settings; a bad state is pointed out', async () => {
    const fixture = genuineForwardTicket(112, ERIKA, hoursAgo(1));
    const scenario = scenarioFor(fixture, {
      requirements: {},
      settings: { signature: 'Muster-Shop', bundesland: 'Bayern', saturdayIsWorkingDay: false, orderNumberFieldId: FIELD.orderNumber, customerNameFieldId: String(FIELD.customerName) },
    });
    const { app } = await open(fixture, scenario);
    await expectText(app.locator('[data-part="settings-invalid"]')).toContain('Die App-Einstellungen sind ungültig');
    await app.locator('[data-part="note"]').waitFor();
    expect(bed.api.ticket(112).custom_fields.map((field) => field.value)).toEqual(['123-456-789', 'Erika Mustermann']);
  });

  test('a ticket that is not from Rakuten stays small and quiet', async () => {
    const customer = { id: 400, name: 'Max Kunde', email: 'max@example.com', role: 'end-user' as const };
    const fixture = ticketFixture({
      id: 108,
      subject: 'Frage zur Rechnung',
      requester: customer,
      comments: [mailComment(1080, { from: { address: 'max@example.com', name: 'Max Kunde' }, authorId: 400, body: 'Hallo, ich brauche eine Rechnungskopie.', at: hoursAgo(5) })],
    });
    const { app, page } = await open(fixture, scenarioFor(fixture));
    await expectText(app.locator('[data-part="verdict"]')).toBe('Kein Rakuten-Ticket');
    await page.waitForTimeout(200);
    const height = await page.locator('#app').evaluate((frame) => frame.getBoundingClientRect().height);
    expect(height).toBeLessThan(60);
    expect(fieldsPut()).toHaveLength(0);
    await ticket?.screenshot('not-rakuten');
  });

  test('an English-speaking agent sees English', async () => {
    const fixture = genuineForwardTicket(109, ERIKA, hoursAgo(2));
    const { app } = await open(fixture, scenarioFor(fixture, { locale: 'en-US' }));
    await expectText(app.locator('[data-part="verdict"]')).toBe('Genuine Rakuten forward');
    await expect(app.locator('.fact__label').allTextContents()).resolves.toEqual(['Order number', 'Customer name']);
    await expectText(app.locator('[data-part="copy-order-number"]')).toBe('Copy');
    await expectText(app.locator('[data-part="countdown"]')).toMatch(/left$/);
    await app.locator('[data-part="note"]').waitFor();
    await expectText(app.locator('[data-part="note"]')).toBe('Order number and customer name saved');
    await ticket?.screenshot('english');
  });

  test('the deadline turns amber under 12 hours', async () => {
    const fixture = genuineForwardTicket(110, ERIKA, receivedWithHoursLeft(6));
    const { app } = await open(fixture, scenarioFor(fixture));
    await expect(app.locator('[data-part="countdown"]').getAttribute('class')).resolves.toContain('pill--warning');
    await expectText(app.locator('[data-part="countdown"]')).toMatch(/^Noch \d+ Std\. \d+ Min\.$|^Noch \d+ Min\.$/);
    await ticket?.screenshot('deadline-soon');
  });

  test('two unanswered messages: both listed, the deadline counts from the first, red when overdue', async () => {
    const first = hoursAgo(24 * 8);
    const fixture = genuineForwardTicket(111, { ...ERIKA, message: 'Wo bleibt meine Bestellung?' }, first, [
      agentComment(1112, { text: 'Interne Notiz: beim Lager nachgefragt', at: hoursAgo(24 * 7), public: false }),
      mailComment(1113, { from: { address: 'service@rakuten.de', name: 'Rakuten.de' }, authorId: RAKUTEN_SERVICE.id, body: rakutenForwardBody({ ...ERIKA, message: 'Hallo? Ich warte immer noch!' }), at: hoursAgo(3) }),
    ]);
    const { app } = await open(fixture, scenarioFor(fixture));
    await expect(app.locator('[data-part="countdown"]').getAttribute('class')).resolves.toContain('pill--danger');
    await expectText(app.locator('[data-part="countdown"]')).toMatch(/^Überfällig seit/);
    await expect(app.locator('[data-part="unanswered"] li').count()).resolves.toBe(2);
    await expectText(app.locator('[data-part="customer-message"]')).toBe('Hallo? Ich warte immer noch!');
    await expectText(app.locator('[data-part="unanswered"] li').first()).toContain('Wo bleibt meine Bestellung?');
    await ticket?.screenshot('overdue');
  });
});
