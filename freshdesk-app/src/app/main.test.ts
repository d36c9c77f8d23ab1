import { FakeClient, flush } from '../../test-support/fake-client';
import { FakeDocument, find } from '../../test-support/fake-dom';

// main.ts runs on import, against the page's globals: here a fake page and a fake `app`.
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  for (const name of ['app', 'document', 'window']) delete globals[name];
});

test('hands the client to the sidebar once the platform has initialised the app', async () => {
  const doc = new FakeDocument();
  const root = doc.createElement('main');
  const fake = new FakeClient();
  const intervals: number[] = [];
  globals['document'] = Object.assign(doc, { readyState: 'complete', getElementById: () => root });
  globals['window'] = { setInterval: (_tick: () => void, ms: number) => intervals.push(ms), setTimeout: () => 0 };
  globals['app'] = { initialized: () => Promise.resolve(fake.client) };
  await jest.isolateModulesAsync(async () => {
    await import('./main');
  });
  for (let i = 0; i < 5; i++) await flush();
  expect(find(root, 'verdict--genuine').textContent).toBe('Echte Rakuten-Weiterleitung');
  expect(intervals).toEqual([30_000]);
});

test('waits for the page to be parsed, and does nothing without the sidebar element', async () => {
  const listeners: (() => void)[] = [];
  const initialized = jest.fn(() => new Promise(() => undefined));
  globals['document'] = { readyState: 'loading', addEventListener: (_type: string, listener: () => void) => listeners.push(listener), getElementById: () => null };
  globals['app'] = { initialized };
  await jest.isolateModulesAsync(async () => {
    await import('./main');
  });
  expect(listeners).toHaveLength(1);
  listeners[0]?.();
  expect(initialized).not.toHaveBeenCalled();
});
