import { FakeClient, FakeClock, flush } from '../../test-support/fake-client';
import { FakeDocument, asElement, button, find, findAll } from '../../test-support/fake-dom';
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
});
