import { FakeClient, flush } from '../../test-support/fake-client';
import { FakeDocument, find } from '../../test-support/fake-dom';

// full-page.ts runs on import, against the page's globals: here a fake page and a fake `app`.
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  for (const name of ['app', 'document']) delete globals[name];
});

test('hands the client to the full page once the platform has initialised the app', async () => {
  const doc = new FakeDocument();
  const root = doc.createElement('main');
  const fake = new FakeClient();
  fake.templateFailure = { status: 401 };
  globals['document'] = Object.assign(doc, { readyState: 'complete', getElementById: (id: string) => (id === 'rakuten-full-page' ? root : null) });
  globals['app'] = { initialized: () => Promise.resolve(fake.client) };
  await jest.isolateModulesAsync(async () => {
    await import('./full-page');
  });
  for (let i = 0; i < 10; i++) await flush();
  expect(find(root, 'full-page__title').textContent).toBe('Rakuten-Assistent');
  expect(find(root, 'check--problem').getAttribute('data-check')).toBe('credentials');
  expect(root.getAttribute('aria-busy')).toBe('false');
});

test('waits for the page to be parsed, and does nothing without its element', async () => {
  const listeners: (() => void)[] = [];
  const initialized = jest.fn(() => new Promise(() => undefined));
  globals['document'] = { readyState: 'loading', addEventListener: (_type: string, listener: () => void) => listeners.push(listener), getElementById: () => null };
  globals['app'] = { initialized };
  await jest.isolateModulesAsync(async () => {
    await import('./full-page');
  });
  expect(listeners).toHaveLength(1);
  listeners[0]?.();
  expect(initialized).not.toHaveBeenCalled();
});
