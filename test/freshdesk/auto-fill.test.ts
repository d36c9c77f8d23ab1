import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMessage } from '@rakuten-helpdesk/core';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { settingsFromIparams } from '../../freshdesk-app/src/shared/settings';
import { ticketMessage } from '../../freshdesk-app/src/shared/thread';
import { expectText, launchBrowser } from '../support/browser';
import type { HostLog, HostWindow, Scenario } from './host/protocol';
import { builtApp } from './support/build';
import { FreshdeskSimulator, type SimCall, type SimTicket } from './support/freshdesk-simulator';
import { startHost, type HostServer } from './support/host-server';
import { RAKUTEN, asHtml, forwardText } from './support/rakuten-mail';
import { templateRuntime } from './support/request-templates';

// A Rakuten ticket whose serverless fill was lost (the Freshdesk API refused it beyond the retries): the built
// sidebar in Chromium notices it and makes the same write through the real updateTicket template, against the
// loopback Freshdesk.

const SCREENSHOTS = join(__dirname, '../output/screenshots');
const DOMAIN = 'mustershop.freshdesk.com';
const API_KEY = 'test-api-key';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TICKET_PATH = '/api/v2/tickets/4711';
const IPARAMS = { domain: DOMAIN, shop_signature: 'Ihr Team von Mustershop', bundesland: 'NW', saturday_counts: false, rakuten_sid: '' };

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
  page = await browser.newPage({ viewport: { width: 1120, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
});

afterEach(async () => {
  await page.close();
  await sim.close();
});

const freshdeskTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A genuine forward, created ten minutes ago, exactly as Freshdesk holds it when onTicketCreate's write was lost. */
async function openUnfilled(language = 'de'): Promise<{ frame: FrameLocator; stored: SimTicket; due: string }> {
  const text = forwardText();
  const stored: SimTicket = {
    id: 4711,
    subject: 'Nachricht Ihres Kunden zur Bestellung',
    description: asHtml(text),
    description_text: text,
    created_at: freshdeskTime(new Date(Date.now() - 10 * MINUTE)),
    status: 2,
    tags: [],
    custom_fields: { [names.orderNumber]: null, [names.customerName]: null },
    // Freshdesk's default SLA, never replaced by Rakuten's deadline.
    due_by: freshdeskTime(new Date(Date.now() + 72 * HOUR)),
    fr_due_by: freshdeskTime(new Date(Date.now() + 24 * HOUR)),
    requester: { id: 900, ...RAKUTEN },
    conversations: [],
  };
  sim.addTicket(stored);
  const { requester, conversations: _conversations, spam: _spam, ...ticket } = structuredClone(stored);
  const scenario: Scenario = {
    ticket,
    requester,
    conversations: [],
    agent: { name: 'Anna Agentin', email: 'anna@mustershop.de', language },
    iparams: IPARAMS,
    db: { 'ticket-fields': names },
    api: 'simulator',
  };
  const invoker = templateRuntime({ appDir, iparams: { ...IPARAMS, api_key: API_KEY }, hosts: { [DOMAIN]: sim.url }, retryDelayScale: 0.05 });
  await page.goto(host.page(scenario, invoker));
  const frame = page.frameLocator('#app-frame');
  await frame.locator('#rakuten-sidebar[aria-busy="false"]').waitFor();
  const dueBy = analyzeMessage(ticketMessage(stored, requester), { settings: settingsFromIparams(IPARAMS) }).replyDueBy;
  if (!dueBy) throw new Error('the forward has no deadline');
  return { frame, stored, due: freshdeskTime(dueBy) };
}

function hostLog(): Promise<HostLog> {
  return page.evaluate(() => {
    const log = (window as Window & HostWindow).fdLog;
    if (!log) throw new Error('host page not started');
    return log;
  });
}

function puts(): SimCall[] {
  return sim.calls.filter((call) => call.method === 'PUT' && call.path === TICKET_PATH);
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `freshdesk-${name}.png`), fullPage: true });
}

describe('Freshdesk sidebar: the serverless fill that never arrived', () => {
  test('the notice, and a double click on „Jetzt übernehmen“ writes fields, tag and deadline with one PUT', async () => {
    const { frame, stored, due } = await openUnfilled();
    const notice = frame.locator('.banner--autofill');
    await expectText(notice.locator('.banner__text')).toBe(
      'Die automatische Übernahme hat dieses Ticket nicht erreicht (zum Beispiel, weil die Freshdesk-API ausgelastet war).',
    );
    await shoot('autofill-missed');

    await notice.getByRole('button', { name: 'Jetzt übernehmen' }).dblclick();
    await page.locator('.toast--success').waitFor();
    await notice.waitFor({ state: 'detached' });

    expect(puts()).toHaveLength(1);
    expect(puts()[0]).toMatchObject({ status: 200, applied: true });
    expect(puts()[0]?.body).toEqual({
      custom_fields: { [names.orderNumber]: '123-456-789', [names.customerName]: 'Erika Musterfrau' },
      tags: ['rakuten'],
      due_by: due,
      fr_due_by: due,
    });
    expect(stored).toMatchObject({ tags: ['rakuten'], due_by: due, fr_due_by: due });
    expect((await hostLog()).notifications).toContainEqual({ type: 'success', title: 'Rakuten-Assistent', message: 'Rakuten-Angaben in das Ticket übernommen.' });
    // The sidebar reads the ticket again after the write.
    await page.waitForFunction(() => ((window as Window & HostWindow).fdLog?.templateCalls.filter((call) => call.name === 'listConversations').length ?? 0) >= 2);
    expect((await hostLog()).templateCalls.map((call) => call.name)).toEqual(['listConversations', 'getTicket', 'updateTicket', 'listConversations']);
    await expectText(frame.locator('.verdict--genuine')).toBe('Echte Rakuten-Weiterleitung');
    await shoot('autofill-done');
  });

  test('Freshdesk answers 503 beyond the retries: the reason shows, nothing is written; after it recovers one click writes once', async () => {
    const { frame, stored } = await openUnfilled();
    sim.failNext('PUT', TICKET_PATH, Array.from({ length: 5 }, () => ({ status: 503 })));
    const fill = frame.getByRole('button', { name: 'Jetzt übernehmen' });
    await fill.click();
    await expectText(frame.locator('.banner__error')).toBe(
      'Nicht übernommen: Freshdesk antwortet gerade nicht (HTTP 503). Bitte gleich noch einmal versuchen.',
    );
    await expect(fill.isEnabled()).resolves.toBe(true);
    expect(puts().map((call) => call.status)).toEqual([503, 503, 503, 503, 503]);
    expect(sim.writes()).toEqual([]);
    expect(stored).toMatchObject({ tags: [], custom_fields: { [names.orderNumber]: null, [names.customerName]: null } });
    expect((await hostLog()).notifications).toEqual([]);
    await shoot('autofill-failed');

    await fill.click();
    await page.locator('.toast--success').waitFor();
    await frame.locator('.banner--autofill').waitFor({ state: 'detached' });
    expect(sim.writes()).toHaveLength(1);
    expect(puts().map((call) => call.status)).toEqual([503, 503, 503, 503, 503, 200]);
    expect(stored.tags).toEqual(['rakuten']);
  });

  test('in English: 429 with a Retry-After beyond the retries is named, and the ticket stays as it was', async () => {
    const { frame, stored } = await openUnfilled('en');
    await expectText(frame.locator('.banner--autofill .banner__text')).toBe(
      'The automatic fill did not reach this ticket (for example because the Freshdesk API was busy).',
    );
    sim.failNext('PUT', TICKET_PATH, Array.from({ length: 5 }, () => ({ status: 429, retryAfterSeconds: 60 })));
    const fill = frame.getByRole('button', { name: 'Fill in now' });
    await fill.click();
    await expectText(frame.locator('.banner__error')).toBe(
      'Not filled in: Freshdesk is limiting requests right now (HTTP 429), even after several attempts. Please try again in a moment.',
    );
    await expect(fill.isEnabled()).resolves.toBe(true);
    expect(puts()).toHaveLength(5);
    expect(sim.writes()).toEqual([]);
    expect(stored.tags).toEqual([]);
  });
});
