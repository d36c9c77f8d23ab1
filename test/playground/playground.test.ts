/**
 * The playground as `npm start` serves it: the built server.js in its own `node` process on the PORT it was
 * given, driven in Chromium. Every sample ticket in both helpdesk views, the guards in both, the closing reply,
 * an edited field that survives, an .eml upload, and both apps' admin views (setup check, Rakuten support) on
 * a healthy and a broken simulated account. Screenshots go to test/output/screenshots/playground-*.png; with
 * UPDATE_DOCS_SCREENSHOTS=1 also to docs/screenshots (the README's).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import type { HostLog, HostWindow } from '../freshdesk/host/protocol';
import { DEFAULT_PLAYGROUND_SETTINGS } from '../../playground/src/settings';
import { expectText, launchBrowser } from '../support/browser';
import { REPO_ROOT, buildEverything, freePort, runPlayground, type PlaygroundProcess } from './support/run';

type View = 'zendesk' | 'freshdesk';

const SCREENSHOTS = join(REPO_ROOT, 'test/output/screenshots');
/** The README's pictures are only replaced when asked for, so a test run leaves the repository as it was. */
const DOCS_SCREENSHOTS = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? join(REPO_ROOT, 'docs/screenshots') : null;
const FIXTURES = join(REPO_ROOT, 'core/test-fixtures/eml');

let server: PlaygroundProcess;
let port: number;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Requests the page tried to send anywhere but the playground: there must be none (the ZAF SDK is local). */
const offLoopback: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  buildEverything();
  port = await freePort();
  server = await runPlayground({ PORT: String(port) });
  base = `http://localhost:${port}`;
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (DOCS_SCREENSHOTS) mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  // Every test starts from the samples as they were, uploads gone.
  expect((await fetch(`${base}/api/reset`, { method: 'POST' })).status).toBe(200);
  // The settings and the account's setup survive a reset (as they should for a visitor): back to the defaults.
  expect((await fetch(`${base}/api/settings`, { method: 'POST', body: JSON.stringify(DEFAULT_PLAYGROUND_SETTINGS) })).status).toBe(200);
  expect((await fetch(`${base}/api/account`, { method: 'POST', body: JSON.stringify({ state: 'healthy' }) })).status).toBe(200);
  context = await browser.newContext({ viewport: { width: 1440, height: 1120 }, deviceScaleFactor: 1, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    offLoopback.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // A quiet ticket first: the first view of a Rakuten forward after the reset is then the one that fills its fields.
  await page.goto(`${base}/#zendesk/rakuten-notice`);
  await page.locator('#tickets button').first().waitFor();
});

afterEach(async () => {
  await context?.close();
});

/** The host page a view shows now, once its new document is there (an iframe keeps the old one until then). */
async function viewFrame(view: View): Promise<Frame> {
  const src = await page.locator(`#${view}-view`).getAttribute('src');
  if (!src) throw new Error(`#${view}-view has no src`);
  const href = new URL(src, base).href;
  for (let waited = 0; waited < 15_000; waited += 50) {
    const frame = page.frames().find((candidate) => candidate.url() === href);
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`${href} never loaded`);
}

interface Opened {
  readonly host: Frame;
  readonly app: FrameLocator;
}

/** Waits until the app in the view drew its verdict (or said it failed). */
async function rendered(view: View): Promise<Opened> {
  const host = await viewFrame(view);
  const app = host.frameLocator(view === 'zendesk' ? '#app' : '#app-frame');
  const done = view === 'zendesk' ? '[data-part="verdict"], [data-part="app-failed"]' : '#rakuten-sidebar[aria-busy="false"]';
  await app.locator(done).first().waitFor({ timeout: 15_000 });
  return { host, app };
}

/** Picks the view's tab and the ticket in the picker, as a visitor does. */
async function open(view: View, slug: string): Promise<Opened> {
  await page.click(`#tab-${view}`);
  await page.click(`#tickets button[data-ticket-slug="${slug}"]`);
  return rendered(view);
}

async function reopen(view: View): Promise<Opened> {
  await page.click('#reload-view');
  return rendered(view);
}

async function shoot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Let the sidebar's resize after its last draw land first.
  await page.waitForTimeout(200);
  const path = join(SCREENSHOTS, `playground-${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  if (DOCS_SCREENSHOTS) copyFileSync(path, join(DOCS_SCREENSHOTS, `playground-${name}.png`));
}

// --- Zendesk: the tests' workspace host ----------------------------------------------------------------------

async function zendeskChange(host: Frame, selector: string, value: string): Promise<void> {
  if ((await host.locator(selector).evaluate((element) => element.tagName)) === 'SELECT') {
    await host.selectOption(selector, value);
    return;
  }
  await host.fill(selector, value);
  await host.dispatchEvent(selector, 'change');
}

async function zendeskSubmit(host: Frame): Promise<{ outcome: string | null; message: string }> {
  await host.click('#submit');
  const result = host.locator('#save-result[data-outcome="saved"], #save-result[data-outcome="cancelled"]');
  await result.waitFor({ timeout: 30_000 });
  return { outcome: await result.getAttribute('data-outcome'), message: (await result.textContent()) ?? '' };
}

// --- Freshdesk: the tests' emulated ticket page ----------------------------------------------------------------

function freshdeskLog(host: Frame): Promise<HostLog> {
  return host.evaluate(() => {
    const log = (window as Window & HostWindow).fdLog;
    if (!log) throw new Error('The Freshdesk host page did not start');
    return log;
  });
}

/** Waits for the `count`-th intercepted action and returns it. */
async function freshdeskIntercept(host: Frame, count: number): Promise<HostLog['intercepts'][number]> {
  await host.waitForFunction((n) => ((window as Window & HostWindow).fdLog?.intercepts.length ?? 0) >= n, count);
  const intercept = (await freshdeskLog(host)).intercepts[count - 1];
  if (!intercept) throw new Error('no intercept');
  return intercept;
}

async function freshdeskReply(host: Frame, to: string, text: string): Promise<void> {
  await host.click('#reply-button');
  await host.fill('#to', to);
  await host.locator('#editor-body').fill(text);
  await host.click('#send-button');
}

// --- the admin views: setup check and Rakuten support ----------------------------------------------------------

interface AccountAnswer {
  readonly account: string;
  readonly supportRequests: { readonly zendesk: { id: number; subject: string }[]; readonly freshdesk: { id: number; subject: string }[] };
}

const accountState = async (): Promise<AccountAnswer> => (await (await fetch(`${base}/api/account`)).json()) as AccountAnswer;

/** Opens an admin view from the picker and waits for every check to have its answer. */
async function openSetup(view: View): Promise<Opened> {
  await page.click(`#setup-views button[data-setup-view="${view}"]`);
  return setupRendered(view);
}

async function setupRendered(view: View): Promise<Opened> {
  const host = await viewFrame(view);
  const app = host.frameLocator(view === 'zendesk' ? '#app' : '#app-frame');
  if (view === 'zendesk') {
    await app.locator('[data-check]:not([data-status="pending"])').nth(2).waitFor({ timeout: 20_000 });
  } else {
    await app.locator('#rakuten-full-page[aria-busy="false"] .setup[aria-busy="false"]').waitFor({ timeout: 20_000 });
  }
  return { host, app };
}

/** Each check's status by id: Zendesk's data-status, Freshdesk's check--… class. */
async function checkStatuses(view: View, app: FrameLocator): Promise<Record<string, string>> {
  if (view === 'zendesk') {
    const rows = await app.locator('[data-check]').evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-check'), element.getAttribute('data-status')]));
    return Object.fromEntries(rows);
  }
  const rows = await app.locator('.check').evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-check'), element.className.replace('check check--', '')]));
  return Object.fromEntries(rows);
}

/** Picks the simulated account's setup in the page; the open admin view loads again and checks anew. */
async function useAccount(view: View, state: 'healthy' | 'broken' | 'broken-key'): Promise<Opened> {
  const before = await page.locator(`#${view}-view`).getAttribute('src');
  await page.selectOption('#account-state', state);
  await page.waitForFunction(([id, old]) => document.getElementById(id)?.getAttribute('src') !== old, [`${view}-view`, before] as const);
  return setupRendered(view);
}

/** Waits until the view is as tall as the admin page in it, for a picture of all of it. */
async function fitted(view: View): Promise<void> {
  await page.waitForFunction((id) => (document.getElementById(id)?.style.height ?? '') !== '', `${view}-view`);
  await page.waitForTimeout(400);
}

// --- the sample tickets ----------------------------------------------------------------------------------------

const GENUINE = 'Echte Rakuten-Weiterleitung';
const SPOOFED = 'Sieht aus wie Rakuten, kommt aber nicht von service@rakuten.de';

interface Expectation {
  readonly slug: string;
  zendesk(app: FrameLocator): Promise<void>;
  freshdesk(app: FrameLocator): Promise<void>;
}

const text = (locator: { textContent(): Promise<string | null> }) => locator.textContent().then((value) => value ?? '');

const SAMPLES: readonly Expectation[] = [
  {
    slug: 'genuine-question',
    async zendesk(app) {
      await expectText(app.locator('[data-part="verdict"]')).toBe(GENUINE);
      await expectText(app.locator('[data-part="order-number"]')).toBe('123-456-789');
      await expectText(app.locator('[data-part="customer-message"]')).toContain('Wann wird mein Paket verschickt?');
      await expect(app.locator('[data-part="countdown"]').getAttribute('class')).resolves.toMatch(/pill--(ok|warning)/);
    },
    async freshdesk(app) {
      await expectText(app.locator('.verdict--genuine')).toBe(GENUINE);
      await expect(app.locator('.fact__value').allTextContents()).resolves.toEqual(expect.arrayContaining(['123-456-789', 'Erika Mustermann']));
    },
  },
  {
    slug: 'closing-only',
    async zendesk(app) {
      await expectText(app.locator('[data-part="verdict"]')).toBe(GENUINE);
      await expectText(app.locator('[data-part="closing-only"]')).toContain('Kurze Abschlussantwort genügt — aber antworten Sie');
    },
    async freshdesk(app) {
      await expectText(app.locator('.verdict--genuine')).toBe(GENUINE);
      await expectText(app.locator('.banner--closing .banner__text')).toBe('Kurze Abschlussantwort genügt — aber antworten Sie');
    },
  },
  {
    slug: 'spoof',
    async zendesk(app) {
      const verdict = app.locator('[data-part="verdict"]');
      await expectText(verdict).toContain(SPOOFED);
      await expect(verdict.getAttribute('class')).resolves.toContain('notice--danger');
      await expect(app.locator('[data-part="order-number"]').count()).resolves.toBe(0);
    },
    async freshdesk(app) {
      await expectText(app.locator('.verdict--spoof')).toContain(SPOOFED);
      await expectText(app.locator('#rakuten-sidebar')).not.toContain('123-456-789');
    },
  },
  {
    slug: 'overdue',
    async zendesk(app) {
      await expectText(app.locator('[data-part="order-number"]')).toBe('778-899-001');
      const countdown = app.locator('[data-part="countdown"]');
      await expect(countdown.getAttribute('class')).resolves.toContain('pill--danger');
      await expectText(countdown).toMatch(/^Überfällig seit \d+ Tage?/);
    },
    async freshdesk(app) {
      await expectText(app.locator('.verdict--genuine')).toBe(GENUINE);
      await expect(app.locator('.countdown').getAttribute('class')).resolves.toBe('countdown countdown--danger');
      await expectText(app.locator('.countdown')).toMatch(/^Überfällig seit/);
    },
  },
  {
    slug: 'two-unanswered',
    async zendesk(app) {
      await expect(app.locator('[data-part="unanswered"] li').count()).resolves.toBe(2);
      await expectText(app.locator('[data-part="customer-message"]')).toBe('Hallo? Ich warte immer noch auf eine Antwort!');
      await expectText(app.locator('[data-part="unanswered"] li').first()).toContain('wo bleibt meine Bestellung?');
    },
    async freshdesk(app) {
      await expect(app.locator('.unanswered__item').count()).resolves.toBe(2);
      await expectText(app.locator('.message__text')).toBe('Hallo? Ich warte immer noch auf eine Antwort!');
    },
  },
  {
    slug: 'not-rakuten',
    async zendesk(app) {
      await expectText(app.locator('[data-part="verdict"]')).toBe('Kein Rakuten-Ticket');
    },
    async freshdesk(app) {
      await expectText(app.locator('#rakuten-sidebar .quiet')).toBe('Kein Rakuten-Ticket');
    },
  },
  {
    slug: 'rakuten-notice',
    async zendesk(app) {
      await expectText(app.locator('[data-part="verdict"]')).toBe('Mitteilung von Rakuten (keine Kundennachricht)');
    },
    async freshdesk(app) {
      await expectText(app.locator('#rakuten-sidebar .quiet')).toBe('Mitteilung von Rakuten (keine Kundennachricht)');
    },
  },
];

describe('npm start: the playground', () => {
  test('listens on the PORT it is given and prints its URL; a bad PORT is refused', async () => {
    expect(server.stdout).toEqual([`Playground: http://localhost:${port}`]);
    expect(server.stderr).toEqual([]);
    const landing = await fetch(`${base}/`);
    expect(landing.status).toBe(200);
    await expect(landing.text()).resolves.toContain('Rakuten-Assistent');
    const state = (await (await fetch(`http://127.0.0.1:${port}/api/tickets`)).json()) as { tickets: { slug: string }[]; freshdeskServer: string };
    expect(state.tickets.map((ticket) => ticket.slug)).toEqual(SAMPLES.map((sample) => sample.slug));
    // The Freshdesk app's server.js ran in the FDK sandbox: installed, then told about every sample.
    expect(state.freshdeskServer).toBe('running');
    const badAccount = await fetch(`${base}/api/account`, { method: 'POST', body: JSON.stringify({ state: 'kaputt' }) });
    expect(badAccount.status).toBe(400);
    expect(await badAccount.json()).toMatchObject({ error: { code: 'invalid-account' } });
    expect((await fetch(`${base}/invoke/full-page`)).status).toBe(405);
    // The full-page app is served as FDK serves it, with the emulated client in place of {{{appclient}}}.
    const fullPage = await (await fetch(`${base}/app/full-page.html`)).text();
    expect(fullPage).toContain('<script src="/host/fresh-client.js"></script>');
    expect(fullPage).not.toContain('{{{appclient}}}');

    const refused = await runPlayground({ PORT: 'achtzig' });
    await refused.stop();
    expect(refused.child.exitCode).toBe(2);
    expect(refused.stderr.join('\n')).toContain('PORT must be a number');
    // The port is taken by the running playground: said so, no stack trace.
    const taken = await runPlayground({ PORT: String(port) });
    await taken.stop();
    expect(taken.child.exitCode).toBe(1);
    expect(taken.stderr).toEqual([`Playground: Port ${port} is in use; start with another, e.g. PORT=8081 npm start.`]);
  });

  test('every sample ticket loads in both views with its verdict, and nothing leaves the machine', async () => {
    for (const sample of SAMPLES) {
      const { app } = await open('zendesk', sample.slug);
      await sample.zendesk(app);
      if (sample.slug === 'genuine-question') {
        await app.locator('[data-part="note"]').waitFor();
        await shoot('zendesk-genuine');
      }
    }
    for (const sample of SAMPLES) {
      const { app } = await open('freshdesk', sample.slug);
      await sample.freshdesk(app);
      if (sample.slug === 'spoof') await shoot('freshdesk-spoof');
    }
    expect(offLoopback).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test('Zendesk: Submit to a wrong recipient and Solved without a reply are cancelled; an edited field survives', async () => {
    let { host, app } = await open('zendesk', 'genuine-question');
    await expectText(app.locator('[data-part="note"]')).toBe('Bestellnummer und Kundenname übernommen');
    await expect(host.inputValue('input[data-field-id="360002"]')).resolves.toBe('Erika Mustermann');

    await host.fill('#comment-text', 'Guten Tag Frau Mustermann, Ihr Paket geht heute raus.');
    await zendeskChange(host, '#requester', 'erika.mustermann@example.com');
    await app.locator('[data-finding="wrong-recipient"]').waitFor();
    const wrong = await zendeskSubmit(host);
    expect(wrong.outcome).toBe('cancelled');
    expect(wrong.message).toContain('nur an service@rakuten.de gehen, nicht an erika.mustermann@example.com');
    await shoot('zendesk-wrong-recipient');

    await zendeskChange(host, '#requester', 'service@rakuten.de');
    await host.fill('#comment-text', '');
    await zendeskChange(host, '#comment-type', 'internalNote');
    await zendeskChange(host, '#status', 'solved');
    const solved = await zendeskSubmit(host);
    expect(solved.outcome).toBe('cancelled');
    expect(solved.message).toContain('Eine weitergeleitete Kundennachricht ist noch unbeantwortet');

    // An agent corrects a field the app filled, and saves without solving.
    await zendeskChange(host, '#status', 'open');
    await host.fill('input[data-field-id="360002"]', 'Erika Mustermann-Schulz');
    await expect(zendeskSubmit(host)).resolves.toEqual({ outcome: 'saved', message: 'saved' });
    ({ host, app } = await reopen('zendesk'));
    await expectText(app.locator('[data-part="customer-name"]')).toBe('Erika Mustermann');
    await page.waitForTimeout(500);
    await expect(host.inputValue('input[data-field-id="360002"]')).resolves.toBe('Erika Mustermann-Schulz');
    await expect(app.locator('[data-part="note"]').count()).resolves.toBe(0);
  });

  test('Zendesk: the closing reply goes in as a public reply and the ticket may then be solved', async () => {
    const { host, app } = await open('zendesk', 'closing-only');
    await zendeskChange(host, '#comment-type', 'internalNote');
    await app.locator('[data-part="insert-closing-reply"]').click();
    await host.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#comment-text')?.value ?? '').includes('Ihr Kundenservice von Mustershop'));
    await expect(host.inputValue('#comment-type')).resolves.toBe('publicReply');
    await expect(host.inputValue('#comment-text')).resolves.toMatch(/^Guten Tag Erika Mustermann,/);
    await zendeskChange(host, '#status', 'solved');
    await expect(zendeskSubmit(host)).resolves.toEqual({ outcome: 'saved', message: 'saved' });
    await app.locator('[data-part="all-answered"]').waitFor();
  });

  test('Freshdesk: Send to a wrong recipient, Close and Resolve with an open message are stopped; an edited field survives', async () => {
    let { host, app } = await open('freshdesk', 'genuine-question');
    await expect(host.inputValue('#properties input[data-field-name^="cf_rakutenkundenname"]')).resolves.toBe('Erika Mustermann');
    await expectText(host.locator('#properties [data-part="tags"]')).toBe('rakuten');
    // The serverless part wrote the same deadline into Freshdesk's due dates that the sidebar shows.
    await expectText(host.locator('#properties [data-part="due-by"]')).toBe(await text(app.locator('.deadline__when')));

    await freshdeskReply(host, 'erika.mustermann@example.com', 'Guten Tag Frau Mustermann, Ihr Paket geht heute raus.');
    const send = await freshdeskIntercept(host, 1);
    expect(send).toMatchObject({ event: 'ticket.sendReply', outcome: 'fail' });
    expect(send.message).toContain('dürfen nur an service@rakuten.de gehen, nicht an erika.mustermann@example.com');
    await app.locator('.finding--block').waitFor();
    await shoot('freshdesk-wrong-recipient');

    await host.click('#close-button');
    const close = await freshdeskIntercept(host, 2);
    expect(close).toMatchObject({ event: 'ticket.closeTicketClick', outcome: 'fail' });
    expect(close.message).toContain('noch unbeantwortet');
    await host.selectOption('#status', '4');
    await host.click('#update-button');
    await expect(freshdeskIntercept(host, 3)).resolves.toMatchObject({ event: 'ticket.propertiesUpdated', outcome: 'fail' });
    await expectText(host.locator('#ticket-status')).toBe('Open');

    const name = host.locator('#properties input[data-field-name^="cf_rakutenkundenname"]');
    await name.fill('Erika Mustermann-Schulz');
    await host.click('#save-properties');
    await host.locator('#properties-result[data-outcome="saved"]').waitFor();
    ({ host, app } = await reopen('freshdesk'));
    await expect(host.inputValue('#properties input[data-field-name^="cf_rakutenkundenname"]')).resolves.toBe('Erika Mustermann-Schulz');
  });

  test('Freshdesk: the closing reply goes into the editor to service@rakuten.de; sent, the ticket may close', async () => {
    const { host, app } = await open('freshdesk', 'closing-only');
    await app.getByRole('button', { name: 'Abschlussantwort einfügen' }).click();
    await host.locator('#editor:not([hidden])').waitFor();
    await expect(host.locator('#editor-body').innerText()).resolves.toMatch(/^Guten Tag Erika Mustermann,[\s\S]*Ihr Kundenservice von Mustershop$/);
    await expect(host.inputValue('#to')).resolves.toBe('service@rakuten.de');
    await shoot('freshdesk-closing-reply');
    await host.click('#send-button');
    await expect(freshdeskIntercept(host, 1)).resolves.toEqual({ event: 'ticket.sendReply', outcome: 'done' });
    await host.click('#close-button');
    await expect(freshdeskIntercept(host, 2)).resolves.toEqual({ event: 'ticket.closeTicketClick', outcome: 'done' });
    await expectText(host.locator('#ticket-status')).toBe('Closed');
  });

  test('Zendesk admin view: the setup check passes on a healthy account and names each problem on a broken one; the request is copied and filed once', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    let { app } = await openSetup('zendesk');
    await expectText(page.locator('#ticket-title')).toBe('Zendesk: Einrichtung & Support');
    await expect(checkStatuses('zendesk', app)).resolves.toEqual({ fields: 'ok', 'auto-replies': 'ok', spam: 'ok' });

    // The composer: the SID from the settings, browser and system detected.
    await expect(app.locator('[data-part="request-sid"]').inputValue()).resolves.toBe('3456789');
    await expect(app.locator('[data-part="request-browser"]').inputValue()).resolves.toMatch(/^Chrome \d+$/);
    await expect(app.locator('[data-part="request-os"]').inputValue()).resolves.toBe('Linux');
    await app.locator('[data-part="request-error"]').fill('Fehler 500: Export fehlgeschlagen');
    const body = await app.locator('[data-part="request-body"]').inputValue();
    expect(body).toMatch(/SID \(Website-ID\): 3456789\nBrowser: Chrome \d+\nBetriebssystem: Linux\n/);
    expect(body).toContain('Fehlermeldung:\nFehler 500: Export fehlgeschlagen');
    await app.locator('[data-part="copy-request"]').click();
    await app.locator('[data-part="copy-request"]', { hasText: 'Kopiert' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`Technisches Problem – SID 3456789\n\n${body}`);
    await fitted('zendesk');
    await shoot('zendesk-setup-healthy', { fullPage: true });

    // Filed as a ticket in the simulated Zendesk: once, even on a double click.
    await app.locator('[data-part="send-request"]').dblclick();
    await expectText(app.locator('[data-part="sent"]')).toContain('Ticket #5001 ist angelegt.');
    await expect(accountState()).resolves.toMatchObject({ supportRequests: { zendesk: [{ id: 5001, subject: 'Technisches Problem – SID 3456789' }], freshdesk: [] } });
    await expectText(page.locator('#support-requests li[data-helpdesk="zendesk"]')).toBe('Zendesk #5001: Technisches Problem – SID 3456789');

    ({ app } = await useAccount('zendesk', 'broken'));
    await expect(checkStatuses('zendesk', app)).resolves.toEqual({ fields: 'problem', 'auto-replies': 'problem', spam: 'problem' });
    await expectText(app.locator('[data-check="fields"] [data-part="detail"]')).toBe('Es fehlt das Ticketfeld „Rakuten-Bestellnummer“.');
    await expect(app.locator('[data-check="auto-replies"] a').allTextContents()).resolves.toEqual(['Notify requester and CCs of received request', 'Eingangsbestätigung (außer Rakuten-Tag)']);
    await expectText(app.locator('[data-check="spam"] [data-part="detail"]')).toMatch(/^2 Mails von Rakuten liegen im Spam/);
    await fitted('zendesk');
    await shoot('zendesk-setup-broken', { fullPage: true });
    expect(dialogs).toEqual([]);
  });

  test('Freshdesk admin view: the full-page app checks the simulated Freshdesk, healthy, broken and with a revoked key; the request is copied and filed once', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    let { app } = await openSetup('freshdesk');
    await expectText(page.locator('#ticket-title')).toBe('Freshdesk: Einrichtung & Support');
    // The notification Freshdesk's API does not show is left to the admin: "manual", never a false all-clear.
    await expect(checkStatuses('freshdesk', app)).resolves.toEqual({ credentials: 'ok', fields: 'ok', 'auto-replies': 'manual', spam: 'ok' });

    await expect(app.locator('#support-sid').inputValue()).resolves.toBe('3456789');
    await expect(app.locator('#support-browser').inputValue()).resolves.toMatch(/^Chrome \d+$/);
    await expect(app.locator('#support-os').inputValue()).resolves.toBe('Linux');
    await app.locator('#support-error').fill('Feed rejected: invalid header');
    const body = await text(app.locator('.preview__body'));
    expect(body).toMatch(/SID \(Website-ID\): 3456789\nBrowser: Chrome \d+\nBetriebssystem: Linux\n/);
    expect(body).toContain('Fehlermeldung:\nFeed rejected: invalid header');
    await app.getByRole('button', { name: 'Anfrage kopieren' }).click();
    await app.locator('.composer__status', { hasText: 'Betreff und Text kopiert.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/^Technisches Problem – SID 3456789\n\nHallo Rakuten-Support-Team,/);
    await fitted('freshdesk');
    await shoot('freshdesk-setup-healthy', { fullPage: true });

    await app.getByRole('button', { name: 'Als neues Ticket anlegen' }).dblclick();
    await app.locator('.composer__status', { hasText: 'Ticket angelegt' }).waitFor();
    await expectText(app.locator('.composer__status')).toBe('Ticket angelegt: #9000');
    await expect(accountState()).resolves.toMatchObject({ supportRequests: { zendesk: [], freshdesk: [{ id: 9000, subject: 'Technisches Problem – SID 3456789' }] } });
    await expectText(page.locator('#support-requests li[data-helpdesk="freshdesk"]')).toBe('Freshdesk #9000: Technisches Problem – SID 3456789');

    ({ app } = await useAccount('freshdesk', 'broken'));
    await expect(checkStatuses('freshdesk', app)).resolves.toEqual({ credentials: 'ok', fields: 'problem', 'auto-replies': 'problem', spam: 'problem' });
    await expectText(app.locator('[data-check="fields"] .check__detail')).toContain('„Rakuten-Kundenname“ ist nicht auf dem Ticketformular');
    await expect(app.locator('[data-check="auto-replies"] a').allTextContents()).resolves.toEqual(['Eingangsbestätigung an Kunden']);
    await expectText(app.locator('[data-check="spam"] .check__detail')).toMatch(/^2 Mails von Rakuten liegen im Spam/);
    await fitted('freshdesk');
    await shoot('freshdesk-setup-broken', { fullPage: true });

    ({ app } = await useAccount('freshdesk', 'broken-key'));
    await expect(checkStatuses('freshdesk', app)).resolves.toEqual({ credentials: 'problem', fields: 'error', 'auto-replies': 'error', spam: 'error' });
    await expectText(app.locator('[data-check="credentials"] .check__detail')).toBe('Der Helpdesk lehnt den API-Schlüssel ab (HTTP 401).');
    await fitted('freshdesk');
    await shoot('freshdesk-setup-revoked-key', { fullPage: true });
    // Still one request filed: reloading the view and switching the account sent nothing.
    await expect(accountState()).resolves.toMatchObject({ supportRequests: { freshdesk: [{ id: 9000 }] } });
    expect(dialogs).toEqual([]);
  });

  test('Freshdesk: the setup check in a ticket\'s sidebar reads the simulated Freshdesk too', async () => {
    const { app } = await open('freshdesk', 'not-rakuten');
    await app.getByRole('button', { name: 'Einrichtung prüfen' }).click();
    await app.locator('.setup[aria-busy="false"]').waitFor({ timeout: 20_000 });
    await expect(checkStatuses('freshdesk', app)).resolves.toEqual({ credentials: 'ok', fields: 'ok', 'auto-replies': 'manual', spam: 'ok' });
  });

  test('the settings reach both apps: an English-speaking agent, another signature', async () => {
    await page.selectOption('#settings select[name="language"]', 'en');
    await page.fill('#settings textarea[name="signature"]', 'Your team at Mustershop');
    await page.click('#settings button[type="submit"]');
    const zendesk = await rendered('zendesk');
    await expectText(zendesk.app.locator('[data-part="verdict"]')).toBe('Notice from Rakuten (not a customer message)');
    const freshdesk = await open('freshdesk', 'closing-only');
    await expectText(freshdesk.app.locator('.verdict--genuine')).toBe('Genuine Rakuten forward');
    await freshdesk.app.getByRole('button', { name: 'Insert closing reply' }).click();
    await freshdesk.host.locator('#editor:not([hidden])').waitFor();
    await expect(freshdesk.host.locator('#editor-body').innerText()).resolves.toMatch(/Your team at Mustershop$/);
  });

  test('an uploaded .eml becomes a ticket in both views, read by the core on the server; bad uploads get clear errors', async () => {
    await page.setInputFiles('#eml-input', join(FIXTURES, 'html-only-bold-label-nbsp-br.eml'));
    const result = page.locator('#upload-result[data-outcome="ok"]');
    await result.waitFor();
    await expectText(result).toMatch(/^Ticket #1001: customer-forward, order 567-890-123/);
    const zendesk = await rendered('zendesk');
    await expectText(zendesk.app.locator('[data-part="order-number"]')).toBe('567-890-123');
    await shoot('upload');
    const freshdesk = await open('freshdesk', 'upload-1001');
    await expect(freshdesk.app.locator('.fact__value').allTextContents()).resolves.toContain('567-890-123');

    await page.setInputFiles('#eml-input', join(FIXTURES, 'random-binary-not-a-mail.eml'));
    await expectText(page.locator('#upload-result[data-outcome="error"]')).toContain('(not-a-mail)');

    const post = (body: Buffer) => fetch(`${base}/api/eml?name=x.eml`, { method: 'POST', body: new Uint8Array(body) });
    const notMail = await post(readFileSync(join(FIXTURES, 'random-binary-not-a-mail.eml')));
    expect(notMail.status).toBe(422);
    expect(await notMail.json()).toEqual({ error: { code: 'not-a-mail', message: expect.any(String) } });
    const empty = await post(Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ error: { code: 'empty-input' } });
    const huge = await post(Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'too-large' } });
    const get = await fetch(`${base}/api/eml`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: { code: 'method-not-allowed' } });
  });
});
