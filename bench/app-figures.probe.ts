/**
 * Not a test of its own: the app half of `npm run bench`, which bench/app-figures.js runs through jest
 * because the app harnesses under test/ are TypeScript. It measures, with those harnesses:
 * - the first render of each sidebar in Chromium, from the app's registration with the host to its first
 *   complete render (the apps mark it with performance.measure / the Freshdesk host page logs both times);
 * - the Freshdesk REST calls the app's server part (onTicketCreate, in FDK's sandbox) makes per genuine
 *   forward and per other ticket, counted by the loopback Freshdesk simulator.
 * Writes the figures as JSON to $BENCH_APP_FIGURES_OUT; BENCH_APP_FIGURES_RUNS renders each sidebar that
 * many times (the median counts).
 */
import { writeFileSync } from 'node:fs';
import type { HostWindow, Scenario } from '../test/freshdesk/host/protocol';
import { builtApp } from '../test/freshdesk/support/build';
import { loadServerApp } from '../test/freshdesk/support/fdk-sandbox';
import { FreshdeskSimulator, type SimTicket } from '../test/freshdesk/support/freshdesk-simulator';
import { startHost } from '../test/freshdesk/support/host-server';
import { KeyValueStore } from '../test/freshdesk/support/kv-store';
import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, asHtml, forwardText } from '../test/freshdesk/support/rakuten-mail';
import { launchBrowser } from '../test/support/browser';
import { genuineForwardTicket, hoursAgo, scenarioFor } from '../test/zendesk/support/fixtures';
import { startTestbed } from '../test/zendesk/support/testbed';

const OUT = process.env['BENCH_APP_FIGURES_OUT'] ?? '';
const RUNS = Math.max(1, Number(process.env['BENCH_APP_FIGURES_RUNS'] ?? '5'));
const HOUR = 3_600_000;

function median(values: readonly number[]): number | null {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function zendeskFirstRenderMs(): Promise<number[]> {
  const bed = await startTestbed();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const fixture = genuineForwardTicket(101 + run, { orderNumber: '123-456-789', customerName: 'Erika Mustermann', message: 'Wo bleibt meine Bestellung?' }, hoursAgo(2));
      const ticket = await bed.open(fixture, scenarioFor(fixture));
      await ticket.rendered();
      const frame = await ticket.appFrame();
      times.push(await frame.evaluate(() => performance.getEntriesByName('rakuten-helpdesk:registration-to-first-render')[0]?.duration ?? Number.NaN));
      await ticket.close();
    }
  } finally {
    await bed.close();
  }
  return times;
}

function freshdeskScenario(): Scenario {
  const text = forwardText();
  return {
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
    requester: { id: 900, ...RAKUTEN },
    conversations: [],
    agent: { name: 'Anna Agentin', email: 'anna@mustershop.de', language: 'de' },
    iparams: { domain: 'mustershop.freshdesk.com', shop_signature: 'Ihr Team von Mustershop', bundesland: 'NW', saturday_counts: false },
  };
}

async function freshdeskFirstRenderMs(): Promise<number[]> {
  const host = await startHost(builtApp());
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1120, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
      await page.goto(host.page(freshdeskScenario()));
      await page.frameLocator('#app-frame').locator('#rakuten-sidebar[aria-busy="false"]').waitFor();
      const log = await page.evaluate(() => (window as Window & HostWindow).fdLog ?? null);
      times.push(log && log.renderedAt !== null && log.registeredAt !== null ? log.renderedAt - log.registeredAt : Number.NaN);
      await page.close();
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return times;
}

/** REST calls of onTicketCreate per ticket, for genuine forwards and for other tickets (plain mail, spoof). */
async function freshdeskApiCalls(): Promise<{ perForward: number; perOther: number; perSpoof: number; forwards: number; others: number }> {
  const DOMAIN = 'mustershop.freshdesk.com';
  const API_KEY = 'bench-api-key';
  const ORDER_FIELD = 'cf_rakutenbestellnummer123';
  const NAME_FIELD = 'cf_rakutenkundenname123';
  const sim = new FreshdeskSimulator(API_KEY);
  await sim.start();
  try {
    sim.addField('Rakuten-Bestellnummer');
    sim.addField('Rakuten-Kundenname');
    const db = new KeyValueStore();
    db.entries.set('ticket-fields', { orderNumber: ORDER_FIELD, customerName: NAME_FIELD });
    const server = loadServerApp({
      appDir: builtApp(),
      iparams: { domain: DOMAIN, api_key: API_KEY, shop_signature: 'Ihr Mustershop', bundesland: 'NW', saturday_counts: false },
      hosts: { [DOMAIN]: sim.url },
      db,
      retryDelayScale: 0.1,
      requestTimeoutMs: 5000,
    });
    const create = async (id: number, text: string, requester: { email: string; name: string }): Promise<number> => {
      const stored: SimTicket = {
        id,
        subject: 'Nachricht Ihres Kunden',
        description: asHtml(text),
        description_text: text,
        created_at: '2026-03-02T09:00:00Z',
        status: 2,
        tags: [],
        custom_fields: { [ORDER_FIELD]: null, [NAME_FIELD]: null },
        due_by: '2026-03-05T09:00:00Z',
        fr_due_by: '2026-03-03T09:00:00Z',
        requester: { id: 900 + id, ...requester },
        conversations: [],
      };
      sim.addTicket(stored);
      const { requester: who, conversations: _conversations, ...fields } = structuredClone(stored);
      const before = sim.calls.length;
      await server.invoke('onTicketCreateHandler', { data: { ticket: { ...fields, is_description_truncated: false }, requester: who } });
      return sim.calls.length - before;
    };
    const forwards = [5001, 5002, 5003, 5004];
    let forwardCalls = 0;
    for (const id of forwards) forwardCalls += await create(id, forwardText({ customerName: `Kunde ${id}` }), RAKUTEN);
    // Other tickets: mail that has nothing to do with Rakuten. A spoof is not one of them: the app tags it
    // as suspicious on purpose (one call), so it is counted on its own.
    const others: Array<[number, string, { email: string; name: string }]> = [
      [6001, OTHER_MAIL.text, OTHER_MAIL.requester],
      [6002, 'Guten Tag, wann ist die Lieferung von Bestellung 4711 bei Ihnen im Shop geplant? Danke, Eva', { email: 'eva@example.net', name: 'Eva Kundin' }],
      [6003, 'Ihre Rechnung für November liegt bei.', { email: 'rechnung@lieferant.example', name: 'Lieferant GmbH' }],
    ];
    let otherCalls = 0;
    for (const [id, text, requester] of others) otherCalls += await create(id, text, requester);
    const spoofCalls = await create(7001, SPOOF_MAIL.text, SPOOF_MAIL.requester);
    return { perForward: forwardCalls / forwards.length, perOther: otherCalls / others.length, perSpoof: spoofCalls, forwards: forwards.length, others: others.length };
  } finally {
    await sim.close();
  }
}

test('app figures for the bench', async () => {
  const zendesk = await zendeskFirstRenderMs();
  const freshdesk = await freshdeskFirstRenderMs();
  const api = await freshdeskApiCalls();
  const perApp = { zendesk: median(zendesk), freshdesk: median(freshdesk) };
  const figures = {
    sidebarFirstRenderMs: perApp.zendesk === null || perApp.freshdesk === null ? null : Math.max(perApp.zendesk, perApp.freshdesk),
    sidebarFirstRenderMsPerApp: perApp,
    sidebarFirstRenderRuns: { zendesk, freshdesk },
    freshdeskApiCallsPerForward: api.perForward,
    freshdeskApiCallsPerOtherTicket: api.perOther,
    freshdeskApiCallsPerSpoof: api.perSpoof,
    freshdeskApiTickets: { forwards: api.forwards, others: api.others },
  };
  if (OUT !== '') writeFileSync(OUT, JSON.stringify(figures));
  expect(figures.sidebarFirstRenderMs).not.toBeNull();
}, 300_000);
