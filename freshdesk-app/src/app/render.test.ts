import { conversationState } from '@rakuten-helpdesk/core';
import { RAKUTEN, SPOOF_MAIL, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import { REWARDS_HELP_URL } from '@rakuten-helpdesk/core';
import { FakeDocument, asElement, button, buttons, byTag, find, findAll, type FakeElement } from '../../test-support/fake-dom';
import { ticketThread } from '../shared/thread';
import { renderSidebar, type SidebarActions } from './render';
import { failedView, loadingView, sidebarView } from './view-model';

const received = new Date('2026-03-02T09:00:00Z');

function setup(): { root: FakeElement; doc: FakeDocument; actions: SidebarActions & { copied: string[]; inserted: number; fixed: number; fills: number } } {
  const doc = new FakeDocument();
  const root = doc.createElement('main');
  const actions = {
    copied: [] as string[],
    inserted: 0,
    fixed: 0,
    fills: 0,
    copy(value: string) {
      this.copied.push(value);
      return Promise.resolve(value !== 'fails');
    },
    insertClosingReply() {
      this.inserted++;
    },
    fixRecipients() {
      this.fixed++;
    },
    fillNow() {
      this.fills++;
    },
  };
  return { root, doc, actions };
}

const stateOf = (text: string, requester: { email: string; name: string } = RAKUTEN) =>
  conversationState(ticketThread({ id: 1, created_at: received.toISOString(), description_text: text }, requester, []));

describe('renderSidebar', () => {
  test('draws a genuine forward as text, with copy buttons and a ticking countdown', async () => {
    const { root, actions } = setup();
    const name = '<img src=x onerror=alert(1)>';
    const view = sidebarView(stateOf(forwardText({ customerName: name, message: 'Danke, alles angekommen!' })), [], 'de');
    const drawn = renderSidebar(asElement(root), view, 'de', actions, new Date('2026-03-02T10:00:00Z'));

    expect(root.getAttribute('aria-busy')).toBe('false');
    expect(root.getAttribute('lang')).toBe('de');
    expect(findAll(root, 'fact__value').map((value) => value.textContent)).toEqual(['123-456-789', name, 'service@rakuten.de']);
    expect(find(root, 'countdown').className).toBe('countdown countdown--ok');
    expect(find(root, 'countdown').textContent).toBe('Noch 1 Tag 23 Std.');
    drawn.tick(new Date('2026-03-03T22:00:00Z'));
    expect(find(root, 'countdown').className).toBe('countdown countdown--warning');
    drawn.tick(new Date('2026-03-05T09:00:00Z'));
    expect(find(root, 'countdown').textContent).toBe('Überfällig seit 1 Tag 0 Std.');

    button(root, 'Kopieren').click();
    await Promise.resolve();
    await Promise.resolve();
    expect(actions.copied).toEqual(['123-456-789']);
    expect(buttons(root)[1]?.textContent).toBe('Kopiert');
    button(root, 'Abschlussantwort einfügen').click();
    expect(actions.inserted).toBe(1);
  });

  test('a failed copy leaves the button as it was', async () => {
    const { root, actions } = setup();
    renderSidebar(asElement(root), sidebarView(stateOf(forwardText({ orderNumber: 'fails' })), [], 'de'), 'de', actions, received);
    buttons(root)[0]?.click();
    await Promise.resolve();
    expect(buttons(root)[0]?.textContent).toBe('Kopieren');
  });

  test('draws findings with the fix, the spoof warning, loading and failure', () => {
    const { root, actions } = setup();
    const state = stateOf(forwardText());
    renderSidebar(
      asElement(root),
      sidebarView(state, [{ code: 'wrong-recipient', severity: 'block', text: { de: 'Falscher Empfänger', en: 'Wrong recipient' } }], 'en'),
      'en',
      actions,
      received,
    );
    expect(find(root, 'finding--block').textContent).toBe('Wrong recipient');
    button(root, 'Send only to service@rakuten.de').click();
    expect(actions.fixed).toBe(1);

    renderSidebar(asElement(root), sidebarView(stateOf(SPOOF_MAIL.text, SPOOF_MAIL.requester), [], 'de'), 'de', actions, received);
    expect(find(root, 'verdict--spoof').getAttribute('role')).toBe('alert');
    expect(findAll(root, 'verdict__reasons')[0]?.children.length).toBe(3);
    expect(buttons(root)).toEqual([]);

    renderSidebar(asElement(root), loadingView('de'), 'de', actions, received);
    expect(root.getAttribute('aria-busy')).toBe('true');
    renderSidebar(asElement(root), failedView('de'), 'de', actions, received);
    expect(find(root, 'banner--failed').textContent).toContain('gestört');
  });

  test('everything answered, and a forward without deadline or message', () => {
    const { root, actions } = setup();
    const answered = conversationState(
      ticketThread({ id: 1, created_at: received.toISOString(), description_text: forwardText() }, RAKUTEN, [
        { id: 2, created_at: '2026-03-02T10:00:00Z', source: 0, body_text: 'Antwort', to_emails: ['service@rakuten.de'] },
      ]),
    );
    renderSidebar(asElement(root), sidebarView(answered, [], 'de'), 'de', actions, received);
    expect(find(root, 'unanswered').textContent).toContain('Alle Kundennachrichten sind beantwortet.');
    expect(findAll(root, 'countdown')).toEqual([]);
  });

  test('a question about Rewards or cashback: a prominent note with a real link to Rakuten’s help page', () => {
    const { root, actions } = setup();
    const message = 'Wo bleibt mein Cashback? Siehe https://evil.example/help';
    renderSidebar(asElement(root), sidebarView(stateOf(forwardText({ message })), [], 'de'), 'de', actions, received);
    const banner = find(root, 'banner--rewards');
    expect(root.children.indexOf(banner)).toBe(1);
    expect(find(banner, 'banner__title').textContent).toBe('Nicht Ihre Sache: Rakuten Rewards / Cashback');
    expect(find(banner, 'banner__body').textContent).toContain('das ist Sache von Rakuten, nicht des Händlers');
    const link = find(banner, 'banner__link');
    expect([link.tagName, link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['a', REWARDS_HELP_URL, '_blank', 'noopener noreferrer']);
    expect(byTag(root, 'a')).toHaveLength(1);
    expect(findAll(root, 'flags')).toEqual([]);
  });

  test('the tools at the foot of every view but loading', () => {
    const { root, actions } = setup();
    const opened: string[] = [];
    const nav = { open: (kind: 'setup' | 'support') => void opened.push(kind) };
    renderSidebar(asElement(root), loadingView('de'), 'de', actions, received, nav);
    expect(findAll(root, 'tools-nav')).toEqual([]);
    renderSidebar(asElement(root), sidebarView(stateOf(SPOOF_MAIL.text, SPOOF_MAIL.requester), [], 'en'), 'en', actions, received, nav);
    expect(find(root, 'tools-nav').getAttribute('aria-label')).toBe('Tools');
    button(root, 'Check setup').click();
    button(root, 'Rakuten support').click();
    expect(opened).toEqual(['setup', 'support']);
    renderSidebar(asElement(root), failedView('de'), 'de', actions, received, nav);
    expect(buttons(root).map((candidate) => candidate.textContent)).toEqual(['Einrichtung prüfen', 'Rakuten-Support']);
  });

  test('the missed fill: a warning with its button; busy disables it, a failure is said as text', () => {
    const { root, actions } = setup();
    const state = stateOf(forwardText());
    renderSidebar(asElement(root), sidebarView(state, [], 'de', { busy: false, error: null }), 'de', actions, received);
    const notice = find(root, 'banner--autofill');
    expect(root.children.indexOf(notice)).toBe(1);
    expect(find(notice, 'banner__text').textContent).toBe('Die automatische Übernahme hat dieses Ticket nicht erreicht (zum Beispiel, weil die Freshdesk-API ausgelastet war).');
    const fill = button(notice, 'Jetzt übernehmen');
    expect(fill.disabled).toBe(false);
    expect(findAll(notice, 'banner__error')).toEqual([]);
    fill.click();
    expect(fill.disabled).toBe(true);
    expect(actions.fills).toBe(1);

    renderSidebar(asElement(root), sidebarView(state, [], 'en', { busy: true, error: null }), 'en', actions, received);
    expect(button(root, 'Fill in now').disabled).toBe(true);
    expect(find(root, 'banner__busy').textContent).toBe('Filling in …');

    const error = { de: 'Nicht übernommen: <b>HTTP 503</b>', en: 'Not filled in: <b>HTTP 503</b>' };
    renderSidebar(asElement(root), sidebarView(state, [], 'en', { busy: false, error }), 'en', actions, received);
    expect(button(root, 'Fill in now').disabled).toBe(false);
    expect(find(root, 'banner__error').getAttribute('role')).toBe('alert');
    expect(find(root, 'banner__error').children.map((child) => child.constructor.name)).toEqual(['FakeText']);
    expect(byTag(root, 'b')).toEqual([]);

    renderSidebar(asElement(root), sidebarView(state, [], 'de'), 'de', actions, received);
    expect(findAll(root, 'banner--autofill')).toEqual([]);
  });
});
