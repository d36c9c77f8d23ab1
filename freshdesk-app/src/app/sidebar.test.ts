import { FakeClient, FakeClock, flush } from '../../test-support/fake-client';
import { FakeDocument, asElement, find } from '../../test-support/fake-dom';
import { startSidebar } from './sidebar';

function start(fake: FakeClient, clock = new FakeClock()) {
  const root = new FakeDocument().createElement('main');
  const started = startSidebar(fake.client, asElement(root), clock);
  return { root, clock, started };
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
});
