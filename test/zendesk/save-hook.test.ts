/**
 * The ticket.save hook of the built app in a simulated agent workspace: which saves go through, which are
 * cancelled with the core's words, and that a failing app never stands in the agent's way.
 */
import { agentComment, genuineForwardTicket, hoursAgo, mailComment, rakutenForwardBody, scenarioFor, ticketFixture } from './support/fixtures';
import { expectText } from '../support/browser';
import { startTestbed, type OpenTicket, type Testbed } from './support/testbed';

const ERIKA = { orderNumber: '123-456-789', customerName: 'Erika Mustermann', message: 'Ist meine Rücksendung angekommen?' };
const THANKS = { ...ERIKA, message: 'Vielen Dank, hat sich erledigt!' };

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

/** Types into the workspace as an agent would; the host fires the matching ZAF change events. */
async function change(page: OpenTicket['page'], selector: string, value: string): Promise<void> {
  const tag = await page.locator(selector).evaluate((element) => element.tagName);
  if (tag === 'SELECT') {
    await page.selectOption(selector, value);
    return;
  }
  await page.fill(selector, value);
  await page.dispatchEvent(selector, 'change');
}

describe('Zendesk save hook', () => {
  test('closing-only: the banner inserts a public closing reply and the save goes through', async () => {
    const fixture = genuineForwardTicket(201, THANKS, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { commentType: 'internalNote' }));
    const { app, page } = opened;
    const banner = app.locator('[data-part="closing-only"]');
    await expectText(banner).toContain('Kurze Abschlussantwort genügt — aber antworten Sie');
    await opened.screenshot('closing-only');

    await app.locator('[data-part="insert-closing-reply"]').click();
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#comment-text')?.value ?? '').includes('Freundliche Grüße'));
    await expect(page.inputValue('#comment-type')).resolves.toBe('publicReply');
    const reply = await page.inputValue('#comment-text');
    expect(reply).toMatch(/^Guten Tag Erika Mustermann,/);
    expect(reply).toContain('Ihr Kundenservice von Muster-Shop');

    await change(page, '#status', 'solved');
    await expect(opened.submit()).resolves.toEqual({ outcome: 'saved', message: 'saved' });
    expect(bed.api.comments(201).at(-1)).toMatchObject({ public: true, plain_body: reply });
    // After the save the sidebar reads the thread again: the message counts as answered now.
    await app.locator('[data-part="all-answered"]').waitFor();
    await expect(opened.notices()).resolves.toEqual(['Abschlussantwort eingefügt']);
  });

  test('solving with only an internal note is cancelled with the reason', async () => {
    const fixture = genuineForwardTicket(202, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { commentType: 'internalNote', commentText: 'Rücksendung ist da, erledigt.' }));
    await change(opened.page, '#status', 'solved');
    const result = await opened.submit();
    expect(result.outcome).toBe('cancelled');
    expect(result.message).toContain('Eine weitergeleitete Kundennachricht ist noch unbeantwortet');
    expect(bed.api.comments(202)).toHaveLength(1);
  });

  test('solving with an empty public reply is cancelled', async () => {
    const fixture = genuineForwardTicket(203, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture));
    await change(opened.page, '#status', 'solved');
    const result = await opened.submit();
    expect(result).toEqual({ outcome: 'cancelled', message: expect.stringContaining('Die öffentliche Antwort ist leer') });
  });

  test('a changed requester shows as a finding while typing and cancels the save', async () => {
    const fixture = genuineForwardTicket(204, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { commentText: 'Guten Tag Frau Mustermann, Ihre Rücksendung ist angekommen.' }));
    const { app, page } = opened;
    await change(page, '#requester', 'erika.mustermann@example.com');
    const finding = app.locator('[data-finding="wrong-recipient"]');
    await finding.waitFor();
    await expect(finding.getAttribute('class')).resolves.toContain('notice--danger');
    await opened.screenshot('wrong-recipient');
    const result = await opened.submit();
    expect(result.outcome).toBe('cancelled');
    expect(result.message).toContain('nur an service@rakuten.de gehen, nicht an erika.mustermann@example.com');

    await change(page, '#requester', 'service@rakuten.de');
    await finding.waitFor({ state: 'detached' });
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
  });

  test('an added CC cancels the save', async () => {
    const fixture = genuineForwardTicket(205, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { commentText: 'Guten Tag Frau Mustermann, die Rücksendung ist da.' }));
    await change(opened.page, '#ccs', 'lager@muster-shop.example');
    await opened.app.locator('[data-finding="wrong-recipient"]').waitFor();
    const result = await opened.submit();
    expect(result.outcome).toBe('cancelled');
    expect(result.message).toContain('lager@muster-shop.example');
  });

  test('a warning (greeting Rakuten) shows while typing but never blocks', async () => {
    const fixture = genuineForwardTicket(206, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture));
    await opened.page.fill('#comment-text', 'Hallo Rakuten-Team,\ndie Rücksendung ist angekommen.');
    const warning = opened.app.locator('[data-finding="greets-marketplace"]');
    await warning.waitFor();
    await expect(warning.getAttribute('class')).resolves.toContain('notice--warning');
    await opened.screenshot('warning');
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
  });

  test('an English-speaking agent is stopped in English', async () => {
    const fixture = genuineForwardTicket(207, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { locale: 'en-GB', commentType: 'internalNote', commentText: 'done' }));
    await change(opened.page, '#status', 'solved');
    const result = await opened.submit();
    expect(result).toEqual({ outcome: 'cancelled', message: expect.stringContaining('A forwarded customer message has no public reply yet') });
  });

  test.each([
    ['Zendesk answers with something that is not a comment list', { status: 200, body: { comments: 'not a list' } }],
    ['Zendesk refuses the request', { status: 403, body: { error: 'Forbidden' } }],
  ])('when %s, the sidebar says so and saves go through with a notice', async (_name, answer) => {
    const fixture = genuineForwardTicket(208, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture), [{ method: 'GET', path: /^\/api\/v2\/tickets\/208\/comments\.json$/, ...answer }]);
    await expectText(opened.app.locator('[data-part="app-failed"]')).toBe(
      'Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.',
    );
    await opened.screenshot('app-failed');
    await change(opened.page, '#requester', 'erika.mustermann@example.com');
    await change(opened.page, '#status', 'solved');
    await expect(opened.submit()).resolves.toEqual({ outcome: 'saved', message: 'saved' });
    await expect(opened.notices()).resolves.toEqual(['Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.']);
  });

  test('when the framework fails to answer during the save, the save goes through and the agent gets a notice', async () => {
    const fixture = genuineForwardTicket(209, ERIKA, hoursAgo(2));
    const opened = await open(fixture, scenarioFor(fixture, { failingPaths: ['ticket.collaborators'] }));
    await expectText(opened.app.locator('[data-part="verdict"]')).toBe('Echte Rakuten-Weiterleitung');
    await change(opened.page, '#status', 'solved');
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
    await expect(opened.notices()).resolves.toEqual(['Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.']);
  });

  test('a ticket that is not from Rakuten is never blocked', async () => {
    const customer = { id: 400, name: 'Max Kunde', email: 'max@example.com', role: 'end-user' as const };
    const fixture = ticketFixture({
      id: 210,
      subject: 'Rechnungskopie',
      requester: customer,
      comments: [mailComment(2100, { from: { address: 'max@example.com', name: 'Max Kunde' }, authorId: 400, body: 'Bitte eine Rechnungskopie.', at: hoursAgo(5) })],
    });
    const opened = await open(fixture, scenarioFor(fixture, { commentType: 'internalNote' }));
    await change(opened.page, '#ccs', 'buchhaltung@example.com');
    await change(opened.page, '#status', 'solved');
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
    await expect(opened.notices()).resolves.toEqual([]);
  });

  test('a look-alike of Rakuten is not a Rakuten ticket: warned about, never blocked', async () => {
    const spoof = ticketFixture({
      id: 211,
      subject: 'Ihre Bestellung',
      requester: { id: 300, name: 'Rakuten', email: 'service@rakuten.de.example.net', role: 'end-user' },
      comments: [mailComment(2110, { from: { address: 'service@rakuten.de.example.net', name: 'Rakuten' }, authorId: 300, body: rakutenForwardBody(ERIKA), at: hoursAgo(1) })],
    });
    const opened = await open(spoof, scenarioFor(spoof));
    await change(opened.page, '#status', 'solved');
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
  });

  test('an answered forward may be solved without another reply', async () => {
    const fixture = genuineForwardTicket(212, ERIKA, hoursAgo(30), [
      agentComment(2121, { text: 'Guten Tag Frau Mustermann, ja, die Rücksendung ist angekommen.', at: hoursAgo(20), public: true }),
    ]);
    const opened = await open(fixture, scenarioFor(fixture));
    await expectText(opened.app.locator('[data-part="all-answered"]')).toBe('Alle Kundennachrichten sind beantwortet.');
    await change(opened.page, '#status', 'solved');
    await expect(opened.submit()).resolves.toMatchObject({ outcome: 'saved' });
  });
});
