import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { expectText, launchBrowser } from '../support/browser';
import type { HostLog, HostWindow, Scenario } from './host/protocol';
import { builtApp } from './support/build';
import { FreshdeskSimulator, type SimTicket } from './support/freshdesk-simulator';
import { startHost, type HostServer } from './support/host-server';
import { OTHER_MAIL, RAKUTEN, asHtml, forwardText, type ForwardParts } from './support/rakuten-mail';
import { templateRuntime } from './support/request-templates';

// The setup check and the Rakuten support panel in Chromium: in the ticket sidebar and as the full-page app,
// inside the emulated Freshdesk page, with the request templates run against the loopback Freshdesk.

const SCREENSHOTS = join(__dirname, '../output/screenshots');
const DOMAIN = 'mustershop.freshdesk.com';
const API_KEY = 'test-api-key';
const HOUR = 3_600_000;

let browser: Browser;
let host: HostServer;
let page: Page;
let sim: FreshdeskSimulator;
let appDir: string;
let names: { orderNumber: string; customerName: string };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  appDir = builtApp();
  host = await startHost(appDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

beforeEach(async () => {
  sim = new FreshdeskSimulator(API_KEY);
  await sim.start();
  names = { orderNumber: sim.addField('Rakuten-Bestellnummer').name, customerName: sim.addField('Rakuten-Kundenname').name };
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
});

afterEach(async () => {
  await page.close();
  await sim.close();
});

interface Spec {
  readonly location?: Scenario['location'];
  readonly requester?: { readonly email: string; readonly name: string };
  readonly text?: string;
  readonly forward?: ForwardParts;
  readonly language?: string;
  readonly apiKey?: string;
  readonly sid?: string;
  readonly frameHeight?: number;
  /** Conversations come from the page, not the simulator (a Rakuten ticket shown without the tools). */
  readonly withoutSimulator?: boolean;
}

function open(spec: Spec = {}): Promise<FrameLocator> {
  // By default a ticket that is not Rakuten's: the tools are there on every ticket.
  const text = spec.text ?? (spec.forward ? forwardText(spec.forward) : OTHER_MAIL.text);
  const iparams = { domain: DOMAIN, shop_signature: 'Ihr Team von Mustershop', bundesland: 'NW', saturday_counts: false, rakuten_sid: spec.sid ?? '' };
  const scenario: Scenario = {
    ticket: {
      id: 4711,
      subject: 'Nachricht Ihres Kunden zur Bestellung',
      description: asHtml(text),
      description_text: text,
      created_at: new Date(Date.now() - HOUR).toISOString(),
      status: 2,
      tags: [],
      custom_fields: {},
      due_by: new Date(Date.now() + 48 * HOUR).toISOString(),
      fr_due_by: new Date(Date.now() + 24 * HOUR).toISOString(),
    },
    requester: { id: 900, ...(spec.requester ?? OTHER_MAIL.requester) },
    conversations: [],
    agent: { name: 'Anna Agentin', email: 'anna@mustershop.de', language: spec.language ?? 'de' },
    iparams,
    db: { 'ticket-fields': names },
    ...(spec.location ? { location: spec.location } : {}),
    ...(spec.withoutSimulator ? {} : { api: 'simulator' as const }),
    frameHeight: spec.frameHeight ?? (spec.location === 'full_page_app' ? 1800 : 1500),
  };
  // The secure API key stays on the "server": only the template runtime sees it, as in FDK.
  const invoker = templateRuntime({ appDir, iparams: { ...iparams, api_key: spec.apiKey ?? API_KEY }, hosts: { [DOMAIN]: sim.url }, retryDelayScale: 0.05 });
  return (async () => {
    await page.goto(host.page(scenario, spec.withoutSimulator ? undefined : invoker));
    const frame = page.frameLocator('#app-frame');
    await frame.locator('main[aria-busy="false"]').waitFor();
    return frame;
  })();
}

function hostLog(): Promise<HostLog> {
  return page.evaluate(() => {
    const log = (window as Window & HostWindow).fdLog;
    if (!log) throw new Error('host page not started');
    return log;
  });
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `freshdesk-${name}.png`), fullPage: true });
}

/** Waits for the setup check to finish and returns each check's status by id. */
async function statuses(frame: FrameLocator): Promise<Record<string, string>> {
  await frame.locator('.setup[aria-busy="false"]').waitFor();
  const checks = frame.locator('.check');
  const result: Record<string, string> = {};
  for (let i = 0; i < (await checks.count()); i++) {
    const check = checks.nth(i);
    result[(await check.getAttribute('data-check')) ?? '?'] = ((await check.getAttribute('class')) ?? '').replace('check check--', '');
  }
  return result;
}

function spamTicket(id: number, email: string, subject: string): SimTicket {
  return {
    id,
    subject,
    description: '<div>…</div>',
    description_text: '…',
    created_at: new Date(Date.now() - 5 * HOUR).toISOString(),
    status: 2,
    tags: [],
    custom_fields: {},
    due_by: new Date(Date.now() + 48 * HOUR).toISOString(),
    fr_due_by: new Date(Date.now() + 24 * HOUR).toISOString(),
    requester: { id: id + 1, email, name: email },
    conversations: [],
    spam: true,
  };
}

describe('Freshdesk setup check', () => {
  test('full page, a good setup: every check passes; the notification Freshdesk does not show is left to check', async () => {
    sim.addForm({ id: 1, name: 'Default', title: 'Standard', default: true });
    sim.addTicket(spamTicket(301, 'gewinn@spam.example', 'Sie haben gewonnen'));
    const frame = await open({ location: 'full_page_app' });
    await expect(statuses(frame)).resolves.toEqual({ credentials: 'ok', fields: 'ok', 'auto-replies': 'manual', spam: 'ok' });
    await expectText(frame.locator('.setup__summary')).toBe('1 selbst zu prüfen');
    await expectText(frame.locator('[data-check="auto-replies"] .check__fix')).toContain('„New Ticket Created“ ausschalten');
    // All well: the safe-sender advice is there, folded away as a tip.
    await expectText(frame.locator('[data-check="spam"] .check__more')).toContain('rakuten.com');
    await expect(frame.locator('[data-check="spam"] .check__more').getAttribute('open')).resolves.toBeNull();
    expect(sim.writes()).toEqual([]);
    await shoot('setup-ok');
  });

  test('full page, a broken setup: field off the form, a rule that mails Rakuten, Rakuten mail in spam', async () => {
    sim.addForm({ id: 1, name: 'Default', title: 'Standard', default: true, fieldNames: [names.orderNumber] });
    sim.addCreationRule({ id: 21, name: 'Eingangsbestätigung an Kunden', active: true, actions: [{ field_name: 'send_email_to_requester', email_subject: 'Danke', email_body: 'Wir melden uns.' }] });
    sim.addTicket(spamTicket(401, RAKUTEN.email, 'Nachricht Ihres Kunden zur Bestellung 123-456-789'));
    sim.addTicket(spamTicket(402, 'noreply@mail.rakuten.com', 'Ihr Rakuten-Konto'));
    const frame = await open({ location: 'full_page_app' });
    await expect(statuses(frame)).resolves.toEqual({ credentials: 'ok', fields: 'problem', 'auto-replies': 'problem', spam: 'problem' });
    await expectText(frame.locator('[data-check="fields"] .check__detail')).toContain('„Rakuten-Kundenname“ ist nicht auf dem Ticketformular');
    const rule = frame.locator('[data-check="auto-replies"] a');
    await expectText(rule).toBe('Eingangsbestätigung an Kunden');
    await expect(rule.getAttribute('href')).resolves.toBe(`https://${DOMAIN}/a/admin/automations/ticket_creation/21/edit`);
    await expectText(frame.locator('[data-check="auto-replies"] .check__fix')).toContain('„Requester email“ ist nicht „service@rakuten.de“');
    await expectText(frame.locator('[data-check="spam"] .check__detail')).toContain('2 Mails von Rakuten');
    const spam = frame.locator('[data-check="spam"] a');
    await expect(spam.evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]))).resolves.toEqual([
      [`https://${DOMAIN}/a/tickets/401`, '_blank', 'noopener noreferrer'],
      [`https://${DOMAIN}/a/tickets/402`, '_blank', 'noopener noreferrer'],
    ]);
    await shoot('setup-problems');
  });

  test('from the sidebar of any ticket: a missing field, and back to the ticket', async () => {
    sim.fields.splice(1, 1);
    const frame = await open();
    await expectText(frame.locator('.quiet')).toBe('Kein Rakuten-Ticket');
    await frame.getByRole('button', { name: 'Einrichtung prüfen' }).click();
    await expect(statuses(frame)).resolves.toMatchObject({ credentials: 'ok', fields: 'problem' });
    await expectText(frame.locator('[data-check="fields"] .check__detail')).toBe('Es fehlt das Ticketfeld „Rakuten-Kundenname“.');
    await shoot('setup-sidebar-missing-field');
    await frame.getByRole('button', { name: '← Zurück zum Ticket' }).click();
    await expectText(frame.locator('.quiet')).toBe('Kein Rakuten-Ticket');
  });

  test('a rejected API key, in English: the key is the problem, the rest waits for it', async () => {
    const frame = await open({ location: 'full_page_app', apiKey: 'revoked-key', language: 'en' });
    await expect(statuses(frame)).resolves.toEqual({ credentials: 'problem', fields: 'error', 'auto-replies': 'error', spam: 'error' });
    await expectText(frame.locator('[data-check="credentials"] .check__detail')).toBe('The helpdesk rejects the API key (HTTP 401).');
    await expectText(frame.locator('[data-check="credentials"] .check__fix')).toContain('Profile settings → API key');
    expect(sim.calls.map((call) => call.path)).toEqual(['/api/v2/agents/me']);
    await shoot('setup-bad-key');
  });

  test('a 429 storm: every template retries, then every check says it could not check; none says ok', async () => {
    sim.storm = 10_000;
    const frame = await open();
    await frame.getByRole('button', { name: 'Einrichtung prüfen' }).click();
    await expect(statuses(frame)).resolves.toEqual({ credentials: 'error', fields: 'error', 'auto-replies': 'error', spam: 'error' });
    await expectText(frame.locator('[data-check="spam"] .check__detail')).toBe(
      'Prüfung nicht möglich: Freshdesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen.',
    );
    expect(sim.calls.filter((call) => call.path === '/api/v2/agents/me')).toHaveLength(3);
    await shoot('setup-rate-limited');

    sim.storm = 0;
    sim.addForm({ id: 1, name: 'Default', title: 'Standard', default: true });
    await frame.getByRole('button', { name: 'Erneut prüfen' }).click();
    await expect(statuses(frame)).resolves.toEqual({ credentials: 'ok', fields: 'ok', 'auto-replies': 'manual', spam: 'ok' });
  });
});

describe('Rakuten support', () => {
  test('in the sidebar: Rakuten’s channels as its help page gives them, and a request to copy', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const frame = await open({ sid: '3456789', frameHeight: 2000 });
    await frame.getByRole('button', { name: 'Rakuten-Support' }).click();
    const support = frame.locator('.support');
    await support.waitFor();
    await expect(support.locator('.channel__phone').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual([
      'tel:+18888808430',
      'tel:+16469438200',
      'tel:+448000116169',
    ]);
    await expectText(support.locator('[data-channel="chat"]')).toContain('„Support“');
    await expectText(support.locator('.source')).toBe('Quelle: Rakuten-Hilfeseite „So kontaktieren Sie den Kunden-Support“');
    await expect(support.locator('#support-sid').inputValue()).resolves.toBe('3456789');
    await expect(support.locator('#support-browser').inputValue()).resolves.toMatch(/^Chrome \d+$/);
    await expect(support.locator('#support-os').inputValue()).resolves.toBe('Linux');

    await support.locator('#support-steps').fill('Im Rakuten-Dashboard auf „Berichte“ geklickt, Zeitraum März gewählt.');
    await support.locator('#support-error').fill('Fehler 500: Bericht konnte nicht geladen werden');
    await expectText(support.locator('.preview__subject')).toBe('Technisches Problem – SID 3456789');
    const body = (await support.locator('.preview__body').textContent()) ?? '';
    expect(body).toContain('Schritte vor dem Problem:\nIm Rakuten-Dashboard auf „Berichte“ geklickt, Zeitraum März gewählt.');
    expect(body).toContain('Fehlermeldung:\nFehler 500: Bericht konnte nicht geladen werden');
    expect(body).toContain('Screenshots des Fehlers hänge ich an.');
    await expect(support.locator('.notice--reminder').isVisible()).resolves.toBe(true);

    await support.getByRole('button', { name: 'Anfrage kopieren' }).click();
    await expectText(support.locator('.composer__status')).toBe('Betreff und Text kopiert.');
    const copied = await page.frames()[1]?.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Technisches Problem – SID 3456789\n\nHallo Rakuten-Support-Team,/);
    expect(sim.writes()).toEqual([]);
    await shoot('support-sidebar');
  });

  test('on the full page: the request created once as a ticket for the agent, with a clear confirmation', async () => {
    const frame = await open({ location: 'full_page_app', sid: '3456789' });
    await frame.locator('#support-steps').fill('Produktfeed hochgeladen');
    await frame.locator('#support-error').fill('Feed rejected: invalid header');
    const send = frame.getByRole('button', { name: 'Als neues Ticket anlegen' });
    await send.dblclick();
    await expectText(frame.locator('.composer__status')).toBe('Ticket angelegt: #9000');
    await expect(frame.locator('.composer__status a').getAttribute('href')).resolves.toBe(`https://${DOMAIN}/a/tickets/9000`);
    await expect(send.isDisabled()).resolves.toBe(true);
    await page.locator('.toast--success').waitFor();

    const posts = sim.writes().filter((call) => call.method === 'POST' && call.path === '/api/v2/tickets');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ email: 'anna@mustershop.de', subject: 'Technisches Problem – SID 3456789', status: 2, priority: 1, tags: ['rakuten-support-anfrage'] });
    expect(sim.created()[0]?.description_text).toContain('Feed rejected: invalid header');
    expect((await hostLog()).notifications).toContainEqual({ type: 'success', title: 'Rakuten-Assistent', message: 'Ticket angelegt: #9000' });
    await shoot('support-ticket-created');
  });

  test('a customer asking about cashback: the finding says it is Rakuten’s matter and links Rakuten’s help page', async () => {
    const hostileLink = 'https://rakuten-cashback.example/help';
    const frame = await open({
      requester: RAKUTEN,
      withoutSimulator: true,
      frameHeight: 900,
      forward: { message: `Hallo, ich habe über Rakuten Rewards bestellt und mein Cashback fehlt. Siehe ${hostileLink}` },
    });
    const banner = frame.locator('.banner--rewards');
    await expectText(banner.locator('.banner__title')).toBe('Nicht Ihre Sache: Rakuten Rewards / Cashback');
    await expectText(banner.locator('.banner__body')).toContain('das ist Sache von Rakuten, nicht des Händlers');
    const link = banner.getByRole('link', { name: 'Rakuten-Hilfeseite öffnen' });
    await expect(link.getAttribute('href')).resolves.toBe('https://www.rakuten.com/help');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    expect(await frame.locator(`a[href="${hostileLink}"]`).count()).toBe(0);
    await shoot('support-rewards-finding');
  });
});
