import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { expectText, launchBrowser } from '../support/browser';
import type { HostLog, HostWindow, Scenario, ScenarioConversation } from './host/protocol';
import { builtApp } from './support/build';
import { startHost, type HostServer } from './support/host-server';
import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, asHtml, forwardText, type ForwardParts } from './support/rakuten-mail';

// The built sidebar in Chromium, inside an emulated Freshdesk ticket page that speaks the client API.

const SCREENSHOTS = join(__dirname, '../output/screenshots');
const HOUR = 3_600_000;

let browser: Browser;
let host: HostServer;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  host = await startHost(builtApp());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1120, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterEach(async () => {
  await page.close();
});

interface ScenarioSpec {
  readonly requester?: { readonly email: string; readonly name: string };
  readonly text?: string;
  readonly forward?: ForwardParts;
  readonly receivedHoursAgo?: number;
  readonly conversations?: ScenarioConversation[];
  readonly language?: string;
  readonly failures?: Scenario['failures'];
  readonly latencyMs?: number;
}

function scenario(spec: ScenarioSpec = {}): Scenario {
  const text = spec.text ?? forwardText(spec.forward);
  return {
    ticket: {
      id: 4711,
      subject: 'Nachricht Ihres Kunden zur Bestellung',
      description: asHtml(text),
      description_text: text,
      created_at: new Date(Date.now() - (spec.receivedHoursAgo ?? 1) * HOUR).toISOString(),
      status: 2,
      // As onTicketCreate leaves a forward; test/freshdesk/auto-fill.test.ts covers a ticket it never reached.
      tags: ['rakuten'],
      custom_fields: {},
      due_by: new Date(Date.now() + 48 * HOUR).toISOString(),
      fr_due_by: new Date(Date.now() + 24 * HOUR).toISOString(),
    },
    requester: { id: 900, ...(spec.requester ?? RAKUTEN) },
    conversations: spec.conversations ?? [],
    agent: { name: 'Anna Agentin', email: 'anna@mustershop.de', language: spec.language ?? 'de' },
    iparams: { domain: 'mustershop.freshdesk.com', shop_signature: 'Ihr Team von Mustershop', bundesland: 'NW', saturday_counts: false },
    ...(spec.failures ? { failures: spec.failures } : {}),
    ...(spec.latencyMs ? { latencyMs: spec.latencyMs } : {}),
  };
}

async function open(spec: Scenario): Promise<FrameLocator> {
  await page.goto(host.page(spec));
  const frame = page.frameLocator('#app-frame');
  await frame.locator('#rakuten-sidebar[aria-busy="false"]').waitFor();
  return frame;
}

function hostLog(): Promise<HostLog> {
  return page.evaluate(() => {
    const log = (window as Window & HostWindow).fdLog;
    if (!log) throw new Error('host page not started');
    return log;
  });
}

function shoot(name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `freshdesk-${name}.png`), fullPage: true });
}

/** Waits until the host has recorded `count` intercepted actions, and returns the last. */
async function interceptNumber(count: number): Promise<HostLog['intercepts'][number]> {
  await page.waitForFunction((n) => ((window as Window & HostWindow).fdLog?.intercepts.length ?? 0) >= n, count);
  const log = await hostLog();
  const last = log.intercepts[count - 1];
  if (!last) throw new Error('no intercept recorded');
  return last;
}

async function reply(to: string, text: string): Promise<void> {
  await page.click('#reply-button');
  await page.fill('#to', to);
  await page.locator('#editor-body').fill(text);
  await page.click('#send-button');
}

describe('Freshdesk ticket sidebar', () => {
  test('a genuine forward: verdict, order number and customer name to copy, message, deadline with countdown', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const frame = await open(scenario());
    const sidebar = frame.locator('#rakuten-sidebar');
    await expectText(sidebar.locator('.verdict--genuine')).toBe('Echte Rakuten-Weiterleitung');
    await expect(sidebar.locator('.fact__value').allTextContents()).resolves.toEqual(['123-456-789', 'Erika Musterfrau', 'service@rakuten.de']);
    await expectText(sidebar.locator('.message__text')).toContain('wann wird meine Bestellung verschickt?');
    await expect(sidebar.locator('.countdown').getAttribute('class')).resolves.toBe('countdown countdown--ok');
    expect(await sidebar.locator('.unanswered__item').count()).toBe(1);

    await sidebar.getByRole('button', { name: 'Bestellnummer: Kopieren' }).click();
    await expectText(sidebar.getByRole('button', { name: 'Bestellnummer: Kopieren' })).toBe('Kopiert');
    await expect(page.frames()[1]?.evaluate(() => navigator.clipboard.readText())).resolves.toBe('123-456-789');

    const log = await hostLog();
    expect(log.templateCalls).toEqual([{ name: 'listConversations', path: '/api/v2/tickets/4711/conversations' }]);
    expect(log.registeredAt).not.toBeNull();
    const firstRender = (log.renderedAt ?? Number.NaN) - (log.registeredAt ?? Number.NaN);
    expect(firstRender).toBeLessThan(2000);
    allowConsole();
    console.log(`Freshdesk sidebar: app.initialized() → first complete render ${firstRender.toFixed(1)} ms`);
    await shoot('genuine');
  });

  test('a spoof: a red warning, and nothing from it offered to copy', async () => {
    const frame = await open(scenario({ requester: SPOOF_MAIL.requester, text: SPOOF_MAIL.text }));
    const warning = frame.locator('.verdict--spoof');
    await expect(warning.getAttribute('role')).resolves.toBe('alert');
    await expectText(warning).toContain('Sieht aus wie Rakuten, kommt aber nicht von service@rakuten.de');
    await expectText(warning).toContain('ahmt Rakuten nach');
    await expectText(frame.locator('#rakuten-sidebar')).not.toContain('999-999-999');
    // Nothing to copy or insert; only the links to the tools at the foot.
    await expect(frame.locator('button').allTextContents()).resolves.toEqual(['Einrichtung prüfen', 'Rakuten-Support']);
    await shoot('spoof');
  });

  test('closing-only: the banner, and the closing reply put into the editor', async () => {
    const frame = await open(scenario({ forward: { message: 'Vielen Dank, das Paket ist angekommen!' } }));
    const banner = frame.locator('.banner--closing');
    await expectText(banner.locator('.banner__text')).toBe('Kurze Abschlussantwort genügt — aber antworten Sie');
    await banner.getByRole('button', { name: 'Abschlussantwort einfügen' }).click();
    await page.locator('#editor:not([hidden])').waitFor();
    await expect(page.locator('#editor-body').innerText()).resolves.toMatch(/^Guten Tag Erika Musterfrau,[\s\S]*Ihr Team von Mustershop$/);
    await expect(page.inputValue('#to')).resolves.toBe('service@rakuten.de');
    await shoot('closing-only');

    await page.click('#send-button');
    await expect(interceptNumber(1)).resolves.toEqual({ event: 'ticket.sendReply', outcome: 'done' });
    await page.click('#close-button');
    await expect(interceptNumber(2)).resolves.toEqual({ event: 'ticket.closeTicketClick', outcome: 'done' });
  });

  test('a reply to another address is stopped, and the right address is put back on request', async () => {
    const frame = await open(scenario());
    await reply('erika.musterfrau@example.org', 'Guten Tag Frau Musterfrau, Ihr Paket ist unterwegs.');
    const blocked = await interceptNumber(1);
    expect(blocked.outcome).toBe('fail');
    expect(blocked.message).toContain('dürfen nur an service@rakuten.de gehen, nicht an erika.musterfrau@example.org');
    await expectText(page.locator('.toast--danger')).toContain('dürfen nur an service@rakuten.de gehen');
    await expectText(frame.locator('.finding--block')).toContain('nicht an erika.musterfrau@example.org');
    await shoot('blocked-reply');

    await frame.getByRole('button', { name: 'Nur an service@rakuten.de senden' }).click();
    await page.waitForFunction(() => (document.getElementById('to') as HTMLInputElement).value === 'service@rakuten.de');
    await page.click('#send-button');
    await expect(interceptNumber(2)).resolves.toEqual({ event: 'ticket.sendReply', outcome: 'done' });
  });

  test('closing with an unanswered message is stopped, by the Close button and by a status update', async () => {
    const frame = await open(scenario({ receivedHoursAgo: 24 * 10 }));
    await expect(frame.locator('.countdown').getAttribute('class')).resolves.toBe('countdown countdown--danger');
    await page.click('#close-button');
    const byClose = await interceptNumber(1);
    expect(byClose).toMatchObject({ event: 'ticket.closeTicketClick', outcome: 'fail' });
    expect(byClose.message).toContain('noch unbeantwortet');
    await page.selectOption('#status', '4');
    await page.click('#update-button');
    await expect(interceptNumber(2)).resolves.toMatchObject({ event: 'ticket.propertiesUpdated', outcome: 'fail' });
    await expectText(page.locator('#ticket-status')).toBe('Open');
    await shoot('blocked-close');

    await page.selectOption('#status', '3');
    await page.click('#update-button');
    await expect(interceptNumber(3)).resolves.toEqual({ event: 'ticket.propertiesUpdated', outcome: 'done' });
    await reply('service@rakuten.de', 'Guten Tag Frau Musterfrau, Ihr Paket ist heute rausgegangen.');
    await expect(interceptNumber(4)).resolves.toEqual({ event: 'ticket.sendReply', outcome: 'done' });
    await page.click('#close-button');
    await expect(interceptNumber(5)).resolves.toEqual({ event: 'ticket.closeTicketClick', outcome: 'done' });
    await expectText(page.locator('#ticket-status')).toBe('Closed');
  });

  test('a name and message written as markup stay text: no dialog, no image, in the sidebar or the editor', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    let frame = await open(scenario({ forward: { customerName: hostile, message: 'Vielen Dank, alles angekommen!' } }));
    await expectText(frame.locator('.fact__value').nth(1)).toBe(hostile);
    await frame.getByRole('button', { name: 'Abschlussantwort einfügen' }).click();
    await page.locator('#editor:not([hidden])').waitFor();
    await expect(page.locator('#editor-body').innerText()).resolves.toMatch(/^Guten Tag,\n/);
    expect(await page.locator('#editor-body img').count()).toBe(0);
    expect(await frame.locator('img').count()).toBe(0);
    await shoot('markup-name');

    frame = await open(scenario({ forward: { message: 'Wo bleibt das?<script>alert(2)</script><img src=y onerror=alert(3)>' } }));
    await expectText(frame.locator('.message__text')).toBe('Wo bleibt das?<script>alert(2)</script><img src=y onerror=alert(3)>');
    expect(await frame.locator('img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  test('when Freshdesk cannot be read the sidebar says so, and closing still goes through with a notice', async () => {
    const frame = await open(scenario({ failures: { templates: true } }));
    await expectText(frame.locator('.banner--failed')).toBe(
      'Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.',
    );
    await page.click('#close-button');
    await expect(interceptNumber(1)).resolves.toEqual({ event: 'ticket.closeTicketClick', outcome: 'done' });
    await page.locator('.toast--warning').waitFor();
    expect((await hostLog()).notifications).toContainEqual({
      type: 'warning',
      title: 'Rakuten-Assistent',
      message: 'Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.',
    });
    await expectText(page.locator('#ticket-status')).toBe('Closed');
    await shoot('app-failure');
  });

  test('another ticket: one quiet line, no REST call, nothing stopped', async () => {
    const frame = await open(scenario({ requester: OTHER_MAIL.requester, text: OTHER_MAIL.text }));
    await expectText(frame.locator('.quiet')).toBe('Kein Rakuten-Ticket');
    await reply('kunde@example.org', 'Gern, das Angebot kommt heute.');
    await expect(interceptNumber(1)).resolves.toEqual({ event: 'ticket.sendReply', outcome: 'done' });
    await page.click('#close-button');
    await expect(interceptNumber(2)).resolves.toEqual({ event: 'ticket.closeTicketClick', outcome: 'done' });
    expect((await hostLog()).templateCalls).toEqual([]);
    await shoot('not-rakuten');
  });

  test('an agent working in English gets English; activation during a slow read reads nothing twice', async () => {
    const frame = await open(scenario({ language: 'en', forward: { message: 'Thanks, all good!' }, latencyMs: 400 }));
    expect((await hostLog()).templateCalls).toHaveLength(1);
    const sidebar = frame.locator('#rakuten-sidebar');
    await expect(sidebar.getAttribute('lang')).resolves.toBe('en');
    await expectText(sidebar.locator('.verdict--genuine')).toBe('Genuine Rakuten forward');
    await expect(sidebar.locator('.fact__label').allTextContents()).resolves.toEqual(['Reply by', 'Order number', 'Customer name', 'Reply to']);
    await expectText(sidebar.locator('.countdown')).toMatch(/left$/);
    await shoot('english');
  });
});
