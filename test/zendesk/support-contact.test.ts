/**
 * Rakuten support contact in the built app: the channels panel and the request composer in the nav bar, the
 * folded channels in the ticket sidebar, and the rewards/cashback finding with Rakuten's own help link.
 */
import { REWARDS_HELP_URL, detectEnvironment } from '@rakuten-helpdesk/core';
import type { PlannedAnswer } from './support/api-simulator';
import { healthyAccount, navBarScenario } from './support/account-fixtures';
import { genuineForwardTicket, hoursAgo, scenarioFor } from './support/fixtures';
import { expectText } from '../support/browser';
import { startTestbed, type OpenNavBar, type OpenTicket, type Testbed } from './support/testbed';

let bed: Testbed;
let pane: OpenNavBar | null = null;
let ticket: OpenTicket | null = null;

beforeAll(async () => {
  bed = await startTestbed();
}, 120_000);
afterEach(async () => {
  await pane?.close();
  await ticket?.close();
  pane = null;
  ticket = null;
});
afterAll(async () => bed?.close());

async function openPane(overrides: Parameters<typeof navBarScenario>[0] = {}, planned: readonly PlannedAnswer[] = []): Promise<OpenNavBar> {
  pane = await bed.openNavBar(healthyAccount(), navBarScenario(overrides), planned);
  await pane.rendered();
  await pane.app.locator('[data-part="composer"]').waitFor();
  return pane;
}

async function openTicket(...args: Parameters<Testbed['open']>): Promise<OpenTicket> {
  ticket = await bed.open(...args);
  await ticket.rendered();
  return ticket;
}

const value = (opened: OpenNavBar, part: string): Promise<string> => opened.app.locator(`[data-part="${part}"]`).inputValue();
const ticketPosts = (): ReturnType<Testbed['api']['appCalls']> => bed.api.appCalls('POST', /^\/api\/v2\/tickets\.json$/);

describe('Rakuten support contact (nav bar)', () => {
  test('the channels are those of Rakuten’s help page, marked as such, with no invented e-mail address', async () => {
    const opened = await openPane();
    const channels = opened.app.locator('[data-part="support-channels"]');
    await expectText(channels.locator('[data-part="support-source"]')).toBe('Quelle: Rakuten-Hilfeseite „So kontaktieren Sie den Kunden-Support“');
    await expectText(channels.locator('[data-part="channel-chat"]')).toContain('Schaltfläche „Support“');
    await expectText(channels.locator('[data-part="channel-chat"]')).toContain('Chat (24/7)');
    const phones = await channels.locator('a[href^="tel:"]').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
    expect(phones).toEqual([
      ['tel:+18888808430', '+1-888-880-8430'],
      ['tel:+16469438200', '+1-646-943-8200, dann Option 7'],
      ['tel:+448000116169', '+44 (0) 800 011 6169'],
    ]);
    const text = (await channels.textContent()) ?? '';
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    await expectText(channels.locator('[data-part="channel-email"]')).toContain('die Hilfeseite nennt keine Adresse');
    await expectText(channels.locator('[data-part="support-tips"]')).toContain('rakuten.com auf die Liste der sicheren Absender');
    await opened.screenshot('support-panel', 'support');
  });

  test('the composer drafts the request with SID, detected browser and system, steps, error and the screenshot reminder; copy copies it', async () => {
    const opened = await openPane();
    await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const agent = detectEnvironment(await opened.page.evaluate(() => navigator.userAgent));
    expect(agent.browser).toMatch(/^Chrome \d+$/);
    await expect(value(opened, 'request-sid')).resolves.toBe('3456789');
    await expect(value(opened, 'request-browser')).resolves.toBe(agent.browser);
    await expect(value(opened, 'request-os')).resolves.toBe(agent.operatingSystem);
    await expectText(opened.app.locator('[data-part="sid-hint"]')).toContain('oben rechts in Ihrem Rakuten-Dashboard');

    await opened.app.locator('[data-part="request-steps"]').fill('1. Im Händlerportal auf „Bestellungen“ geklickt\n2. Export als CSV gewählt');
    await opened.app.locator('[data-part="request-error"]').fill('Fehler 500: Export fehlgeschlagen');
    await expect(value(opened, 'request-subject')).resolves.toBe('Technisches Problem – SID 3456789');
    const body = await value(opened, 'request-body');
    expect(body.split('\n')).toEqual([
      'Hallo Rakuten-Support-Team,',
      '',
      'ich habe ein technisches Problem und bitte um Ihre Unterstützung.',
      '',
      'SID (Website-ID): 3456789',
      `Browser: ${agent.browser}`,
      `Betriebssystem: ${agent.operatingSystem}`,
      '',
      'Schritte vor dem Problem:',
      '1. Im Händlerportal auf „Bestellungen“ geklickt',
      '2. Export als CSV gewählt',
      '',
      'Fehlermeldung:',
      'Fehler 500: Export fehlgeschlagen',
      '',
      'Screenshots des Fehlers hänge ich an.',
      '',
      'Freundliche Grüße',
    ]);
    await expectText(opened.app.locator('[data-part="screenshot-reminder"]')).toContain('Screenshots');
    await opened.screenshot('support-composer', 'composer');

    await opened.app.locator('[data-part="copy-request"]').click();
    await expectText(opened.app.locator('[data-part="copy-request"]')).toBe('Kopiert');
    await expect(opened.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`Technisches Problem – SID 3456789\n\n${body}`);
    expect(ticketPosts()).toHaveLength(0);
  });

  test('send as new ticket: one request to Zendesk, the agent as requester, a clear confirmation', async () => {
    const opened = await openPane();
    await opened.app.locator('[data-part="request-error"]').fill('Login schlägt fehl');
    const send = opened.app.locator('[data-part="send-request"]');
    await send.dblclick();
    await opened.app.locator('[data-part="sent"]').waitFor();
    await expectText(opened.app.locator('[data-part="sent"]')).toContain('Ticket #5001 ist angelegt.');
    await expect(send.isDisabled()).resolves.toBe(true);
    await send.click({ force: true });
    await opened.page.waitForTimeout(300);
    expect(ticketPosts().map((call) => call.status)).toEqual([201]);
    expect(bed.api.created).toEqual([
      {
        id: 5001,
        subject: 'Technisches Problem – SID 3456789',
        comment: { body: await value(opened, 'request-body') },
        requester_id: 1,
        tags: ['rakuten_support'],
      },
    ]);
    expect(bed.api.created[0]?.comment.body).toContain('Fehlermeldung:\nLogin schlägt fehl');
    await opened.screenshot('support-sent', 'composer');

    await opened.app.locator('[data-part="open-ticket"]').click();
    await opened.page.waitForFunction(() => window.zafHost.log().some((entry) => entry.kind === 'invoke' && (entry.detail as { name: string }).name === 'routeTo'));
    expect((await opened.hostLog()).filter((entry) => entry.kind === 'invoke').map((entry) => entry.detail)).toContainEqual({ name: 'routeTo', args: ['ticket', 5001] });

    // A changed request may be sent again.
    await opened.app.locator('[data-part="request-steps"]').fill('Neu angemeldet');
    await expect(send.isDisabled()).resolves.toBe(false);
  });

  test('a rate limit is waited out; a server error is not retried (it may have made the ticket) and says so', async () => {
    const opened = await openPane({}, [
      { method: 'POST', path: /^\/api\/v2\/tickets\.json$/, status: 429, headers: { 'retry-after': '0' } },
      { method: 'POST', path: /^\/api\/v2\/tickets\.json$/, status: 500 },
    ]);
    await opened.app.locator('[data-part="send-request"]').click();
    await opened.app.locator('[data-part="send-failed"]').waitFor();
    await expectText(opened.app.locator('[data-part="send-failed"]')).toBe('Das Ticket konnte nicht angelegt werden. Kopieren Sie die Anfrage stattdessen.');
    await expect(opened.app.locator('[data-part="sent"]').count()).resolves.toBe(0);
    expect(ticketPosts().map((call) => call.status)).toEqual([429, 500]);
    await opened.screenshot('support-send-failed', 'composer');

    await opened.app.locator('[data-part="send-request"]').click();
    await opened.app.locator('[data-part="sent"]').waitFor();
    expect(ticketPosts().map((call) => call.status)).toEqual([429, 500, 201]);
  });

  test('no SID in the settings: the request asks for it, and a typed one goes in', async () => {
    const opened = await openPane({ settings: { sid: '' } });
    await expect(value(opened, 'request-subject')).resolves.toBe('Technisches Problem – SID (bitte ergänzen)');
    await opened.app.locator('[data-part="request-sid"]').fill('  998877 ');
    await expect(value(opened, 'request-body')).resolves.toContain('SID (Website-ID): 998877\n');
  });

  test('an English-speaking agent gets English labels and an English request, and can switch to German', async () => {
    const opened = await openPane({ locale: 'en-GB' });
    await expectText(opened.app.locator('[data-part="support"] h2')).toBe('Contact Rakuten support');
    await expectText(opened.app.locator('[data-part="channel-phone-us-alt"]')).toContain('+1-646-943-8200, then option 7');
    await expect(value(opened, 'request-subject')).resolves.toBe('Technical problem – SID 3456789');
    await expect(value(opened, 'request-body')).resolves.toContain('Screenshots of the error are attached.');
    await opened.app.locator('[data-part="request-language"]').selectOption('de');
    await expect(value(opened, 'request-subject')).resolves.toBe('Technisches Problem – SID 3456789');
    await opened.screenshot('support-english', 'support');
  });
});

describe('Rakuten support contact (ticket sidebar)', () => {
  const CASHBACK = {
    orderNumber: '123-456-789',
    customerName: 'Erika Mustermann',
    message: 'Hallo, wo bleibt mein Cashback von Rakuten Rewards? Hier soll ich mich melden: https://rakuten-rewards.example/help',
  };

  test('a customer asking about cashback: the finding says it is Rakuten’s matter and links Rakuten’s own help page', async () => {
    const fixture = genuineForwardTicket(301, CASHBACK, hoursAgo(2));
    const opened = await openTicket(fixture, scenarioFor(fixture));
    const notice = opened.app.locator('[data-part="rewards"]');
    await expectText(notice).toContain('Es geht um Rakuten Rewards, Ebates oder Cashback – das ist Sache von Rakuten, nicht des Händlers.');
    const link = notice.locator('a[data-part="rewards-link"]');
    await expect(link.getAttribute('href')).resolves.toBe(REWARDS_HELP_URL);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expectText(link).toBe('Rakuten-Hilfe öffnen (rakuten.com/help)');
    // The address in the customer's message is shown as text only, never linked.
    await expect(opened.app.locator('a[href*="rakuten-rewards.example"]').count()).resolves.toBe(0);
    await expect(opened.app.locator('[data-part="flags"]').count()).resolves.toBe(0);
    // Above the order facts, where the agent looks first.
    const order = await opened.app.locator('[data-part="rewards"], [data-part="order-number"]').evaluateAll((parts) => parts.map((part) => part.getAttribute('data-part')));
    expect(order).toEqual(['rewards', 'order-number']);

    await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await notice.locator('[data-part="copy-rewards-link"]').click();
    await expectText(notice.locator('[data-part="copy-rewards-link"]')).toBe('Kopiert');
    await opened.screenshot('support-rewards');
  });

  test('a forward without rewards talk has no such finding', async () => {
    const fixture = genuineForwardTicket(302, { ...CASHBACK, message: 'Wo bleibt meine Bestellung?' }, hoursAgo(2));
    const opened = await openTicket(fixture, scenarioFor(fixture));
    await expect(opened.app.locator('[data-part="rewards"]').count()).resolves.toBe(0);
  });

  test('the sidebar folds Rakuten’s support channels under a Rakuten ticket', async () => {
    const fixture = genuineForwardTicket(303, { ...CASHBACK, message: 'Wo bleibt meine Bestellung?' }, hoursAgo(2));
    const opened = await openTicket(fixture, scenarioFor(fixture));
    const section = opened.app.locator('[data-part="support-contact"]');
    await expect(section.locator('[data-part="support-channels"]').isVisible()).resolves.toBe(false);
    await section.locator('[data-part="support-toggle"]').click();
    await expect(section.locator('[data-part="support-channels"]').isVisible()).resolves.toBe(true);
    await expectText(section.locator('a[href="tel:+448000116169"]')).toBe('+44 (0) 800 011 6169');
    await expectText(section).toContain('Quelle: Rakuten-Hilfeseite');
    await expectText(section).toContain('linken Navigationsleiste');
    // The frame grows with the opened section, so nothing is cut off.
    await opened.page.waitForTimeout(200);
    const [frameHeight, contentHeight] = await Promise.all([
      opened.page.locator('#app').evaluate((frame) => frame.getBoundingClientRect().height),
      opened.app.locator('#sidebar').evaluate((root) => root.getBoundingClientRect().height),
    ]);
    expect(frameHeight).toBeGreaterThanOrEqual(contentHeight);
    await opened.screenshot('support-sidebar');
  });
});
