import { FakeClient, FakeClock, flush } from '../../test-support/fake-client';
import { FakeDocument, asElement, button, find, findAll } from '../../test-support/fake-dom';
import type { TemplateCall, TemplateResponse } from '../shared/freshdesk-api';
import { startSidebar, type ToolLoader } from './sidebar';
import * as tools from './tools/tools';

function start(fake: FakeClient, clock = new FakeClock(), loader?: ToolLoader) {
  const root = new FakeDocument().createElement('main');
  const started = startSidebar(fake.client, asElement(root), clock, loader, 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0');
  return { root, clock, started };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await flush();
}

describe('startSidebar', () => {
  test('guards first, then one complete picture in the agent language', async () => {
    const fake = new FakeClient({ language: 'en' });
    const { root, started } = start(fake);
    expect(['ticket.sendReply', 'ticket.closeTicketClick', 'ticket.propertiesUpdated', 'app.activated'].map((name) => fake.listenerCount(name))).toEqual([1, 1, 1, 1]);
    expect(root.getAttribute('aria-busy')).toBe('true');
    await started;
    expect(root.getAttribute('aria-busy')).toBe('false');
    expect(find(root, 'verdict--genuine').textContent).toBe('Genuine Rakuten forward');
  });

  test('a stopped reply shows its findings; the countdown ticks', async () => {
    const fake = new FakeClient();
    const { root, clock, started } = start(fake);
    await started;
    await fake.intercept('ticket.sendReply', { to_emails: ['kunde@example.org'], body_text: 'Guten Tag' });
    expect(find(root, 'finding--block').textContent).toContain('nicht an kunde@example.org');
    clock.current = new Date('2026-03-10T12:00:00Z');
    clock.ticks[0]?.();
    expect(find(root, 'countdown').className).toBe('countdown countdown--danger');
  });

  test('activation while the first read runs, or soon after, reads nothing new; later it reads again', async () => {
    const fake = new FakeClient();
    const { clock, started } = start(fake);
    fake.activate();
    await started;
    fake.activate();
    expect(fake.templateCalls).toHaveLength(1);
    clock.current = new Date(clock.current.getTime() + 11_000);
    fake.activate();
    await flush();
    expect(fake.templateCalls).toHaveLength(2);
  });

  test('when Freshdesk cannot be read the sidebar says so', async () => {
    const fake = new FakeClient();
    fake.templateFailure = { status: 503 };
    const { root, started } = start(fake);
    await started;
    expect(find(root, 'banner--failed').textContent).toBe('Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.');
  });

  test('the support panel opens in place of the ticket; findings wait for the way back', async () => {
    const fake = new FakeClient();
    fake.iparamsValue = { domain: 'mustershop.freshdesk.com', rakuten_sid: '3456789' };
    const { root, started } = start(fake, new FakeClock(), () => Promise.resolve(tools));
    await started;
    button(root, 'Rakuten-Support').click();
    expect(root.getAttribute('aria-busy')).toBe('true');
    await settle();
    expect(find(root, 'tool-title').textContent).toBe('Rakuten-Support kontaktieren');
    expect(find(root, 'preview__body').textContent).toContain('SID (Website-ID): 3456789');
    expect(find(root, 'preview__body').textContent).toContain('Browser: Firefox 128');

    await fake.intercept('ticket.sendReply', { to_emails: ['kunde@example.org'], body_text: 'Guten Tag' });
    expect(findAll(root, 'finding--block')).toEqual([]);
    button(root, '← Zurück zum Ticket').click();
    expect(find(root, 'finding--block').textContent).toContain('nicht an kunde@example.org');
  });

  test('the setup check opens from any ticket, even one that is not Rakuten’s', async () => {
    const fake = new FakeClient({ text: 'Hallo, ein Angebot bitte.', requester: { email: 'kunde@example.org', name: 'Kunde' } });
    fake.templateFailure = { status: 401 };
    const { root, started } = start(fake, new FakeClock(), () => Promise.resolve(tools));
    await started;
    button(root, 'Einrichtung prüfen').click();
    await settle();
    expect(find(root, 'check--problem').getAttribute('data-check')).toBe('credentials');
  });

  test('when the tools cannot be loaded, the ticket view comes back with a notice', async () => {
    const fake = new FakeClient();
    const { root, started } = start(fake, new FakeClock(), () => Promise.reject(new Error('chunk failed')));
    await started;
    button(root, 'Einrichtung prüfen').click();
    await settle();
    expect(find(root, 'verdict--genuine').textContent).toBe('Echte Rakuten-Weiterleitung');
    expect(fake.triggers.at(-1)).toMatchObject({ action: 'showNotify', payload: { type: 'warning' } });
  });

  test('a second click while the tools load: the tool asked for last', async () => {
    const fake = new FakeClient();
    let resolve: (module: typeof tools) => void = () => undefined;
    const { root, started } = start(fake, new FakeClock(), () => new Promise((done) => (resolve = done)));
    await started;
    button(root, 'Rakuten-Support').click();
    button(root, 'Einrichtung prüfen').click();
    resolve(tools);
    await settle();
    expect(find(root, 'tool-title').textContent).toBe('Einrichtung prüfen');
  });

  describe('when the server’s fill never arrived', () => {
    const NAMES = { orderNumber: 'cf_rakutenbestellnummer1', customerName: 'cf_rakutenkundenname1' };
    const EMPTY = { [NAMES.orderNumber]: null, [NAMES.customerName]: null };
    const DUE = '2026-03-04T09:00:00Z';
    const NOTICE = 'Die automatische Übernahme hat dieses Ticket nicht erreicht (zum Beispiel, weil die Freshdesk-API ausgelastet war).';

    /** A forward whose fields and tag never came; Freshdesk's API answers `getTicket` with `current`. */
    function unfilled(current: Record<string, unknown> = { tags: [], custom_fields: EMPTY }, language = 'de'): FakeClient {
      const fake = new FakeClient({ tags: [], customFields: EMPTY, language });
      fake.store.set('ticket-fields', NAMES);
      fake.templateRoute = (name: string, call: TemplateCall): TemplateResponse | undefined => {
        if (name === 'getTicket') return { status: 200, response: JSON.stringify({ id: call.context?.['ticket_id'], created_at: '2026-03-02T09:00:00Z', ...current }) };
        if (name === 'updateTicket') return { status: 200, response: '{}' };
        return undefined;
      };
      return fake;
    }

    const names = (fake: FakeClient) => fake.templateCalls.map((call) => call.name);
    const notices = (fake: FakeClient) => fake.triggers.filter((trigger) => trigger.action === 'showNotify').map((trigger) => trigger.payload);

    test('within two minutes of the ticket nothing is said; later the notice and its button', async () => {
      const early = start(unfilled(), new FakeClock(new Date('2026-03-02T09:01:30Z')));
      await early.started;
      expect(findAll(early.root, 'banner--autofill')).toEqual([]);

      const late = start(unfilled(), new FakeClock(new Date('2026-03-02T09:10:00Z')));
      await late.started;
      expect(find(late.root, 'banner__text').textContent).toBe(NOTICE);
      expect(button(late.root, 'Jetzt übernehmen').disabled).toBe(false);
    });

    test('judged by the time of the read: a later drawing of the same data says nothing new, the next read does', async () => {
      const fake = unfilled();
      const { root, clock, started } = start(fake, new FakeClock(new Date('2026-03-02T09:01:30Z')));
      await started;
      clock.current = new Date('2026-03-02T09:10:00Z');
      await fake.intercept('ticket.sendReply', { to_emails: ['kunde@example.org'], body_text: 'Guten Tag' });
      expect(find(root, 'finding--block').textContent).toContain('nicht an kunde@example.org');
      expect(findAll(root, 'banner--autofill')).toEqual([]);
      fake.activate();
      await settle();
      expect(find(root, 'banner__text').textContent).toBe(NOTICE);
    });

    test('a filled ticket: no notice', async () => {
      const fake = new FakeClient({ tags: ['rakuten'], customFields: { [NAMES.orderNumber]: '123-456-789', [NAMES.customerName]: 'Erika Musterfrau' } });
      fake.store.set('ticket-fields', NAMES);
      const { root, started } = start(fake);
      await started;
      expect(findAll(root, 'banner--autofill')).toEqual([]);
    });

    test('„Jetzt übernehmen“: one read and one write however often it is clicked, then success, no notice, the ticket read again', async () => {
      const fake = unfilled();
      const route = fake.templateRoute;
      let release: () => void = () => undefined;
      fake.templateRoute = async (name, call) => {
        if (name === 'updateTicket') await new Promise<void>((resolve) => (release = resolve));
        return route?.(name, call);
      };
      const { root, started } = start(fake);
      await started;
      const first = button(root, 'Jetzt übernehmen');
      first.click();
      first.click();
      await settle();
      const again = button(root, 'Jetzt übernehmen');
      expect(again.disabled).toBe(true);
      expect(find(root, 'banner__busy').textContent).toBe('Wird übernommen …');
      again.click();
      release();
      await settle();

      expect(names(fake)).toEqual(['listConversations', 'getTicket', 'updateTicket', 'listConversations']);
      expect(JSON.parse(fake.templateCalls[2]?.call.body ?? 'null')).toEqual({
        custom_fields: { [NAMES.orderNumber]: '123-456-789', [NAMES.customerName]: 'Erika Musterfrau' },
        tags: ['rakuten'],
        due_by: DUE,
        fr_due_by: DUE,
      });
      expect(notices(fake)).toEqual([{ type: 'success', title: 'Rakuten-Assistent', message: 'Rakuten-Angaben in das Ticket übernommen.' }]);
      // The page's copy of the ticket still lacks the tag; the sidebar knows better.
      expect(findAll(root, 'banner--autofill')).toEqual([]);
      expect(find(root, 'verdict--genuine').textContent).toBe('Echte Rakuten-Weiterleitung');
    });

    test('a refused write: the reason, in English, the button ready again, nothing written; the next click writes', async () => {
      const fake = unfilled(undefined, 'en');
      const route = fake.templateRoute;
      let refusals = 1;
      fake.templateRoute = (name, call) => {
        if (name === 'updateTicket' && refusals-- > 0) return Promise.reject({ status: 503, response: 'Service unavailable', attempts: 5 });
        return route?.(name, call);
      };
      const { root, started } = start(fake);
      await started;
      button(root, 'Fill in now').click();
      await settle();
      expect(find(root, 'banner__error').textContent).toBe('Not filled in: Freshdesk is not answering right now (HTTP 503). Please try again in a moment.');
      expect(button(root, 'Fill in now').disabled).toBe(false);
      expect(notices(fake)).toEqual([]);
      expect(names(fake)).toEqual(['listConversations', 'getTicket', 'updateTicket']);

      button(root, 'Fill in now').click();
      await settle();
      expect(names(fake)).toEqual(['listConversations', 'getTicket', 'updateTicket', 'getTicket', 'updateTicket', 'listConversations']);
      expect(findAll(root, 'banner--autofill')).toEqual([]);
      expect(notices(fake)).toEqual([{ type: 'success', title: 'Rakuten assistant', message: 'Rakuten details filled in on the ticket.' }]);
    });

    test('a failure to fill stays with its ticket: the next ticket shows the notice without it', async () => {
      const fake = unfilled();
      fake.templateRoute = (name) => (name === 'updateTicket' ? Promise.reject({ status: 503, attempts: 5 }) : undefined);
      const { root, clock, started } = start(fake, new FakeClock(new Date('2026-03-02T09:10:00Z')));
      await started;
      button(root, 'Jetzt übernehmen').click();
      await settle();
      expect(findAll(root, 'banner__error')).toHaveLength(1);

      (fake.values['ticket'] as { ticket: { id: number } }).ticket.id = 4712;
      clock.current = new Date('2026-03-02T09:11:00Z');
      fake.activate();
      await settle();
      expect(find(root, 'banner__text').textContent).toBe(NOTICE);
      expect(findAll(root, 'banner__error')).toEqual([]);
    });

    test('the server’s write arrived after all: nothing written, and the sidebar says so', async () => {
      const fake = unfilled({ tags: ['rakuten'], custom_fields: { [NAMES.orderNumber]: '123-456-789', [NAMES.customerName]: 'Erika Musterfrau' }, due_by: DUE, fr_due_by: DUE });
      const { root, started } = start(fake);
      await started;
      button(root, 'Jetzt übernehmen').click();
      await settle();
      expect(names(fake)).toEqual(['listConversations', 'getTicket']);
      expect(notices(fake)).toEqual([{ type: 'info', title: 'Rakuten-Assistent', message: 'Nichts zu übernehmen: Das Ticket enthält die Rakuten-Angaben schon.' }]);
      expect(findAll(root, 'banner--autofill')).toEqual([]);
    });
  });
});
