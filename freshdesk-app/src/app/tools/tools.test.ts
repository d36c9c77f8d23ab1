import { credentialsCheck, fieldsCheck, type SetupCheckItem } from '@rakuten-helpdesk/core';
import { FakeClient, flush } from '../../../test-support/fake-client';
import { FakeDocument, asDocument, asElement, button, find, findAll, type FakeElement } from '../../../test-support/fake-dom';
import { startFullPage } from './full-page-view';
import { setupPanel, showTool, supportPanel, toolSettings, type ToolContext } from './tools';

function context(fake: FakeClient, check: ToolContext['check'], locale: 'de' | 'en' = 'de'): ToolContext {
  return {
    client: fake.client,
    doc: asDocument(new FakeDocument()),
    locale,
    settings: { domain: 'mustershop.freshdesk.com', sid: '42' },
    userAgent: '',
    ...(check ? { check } : {}),
  };
}

describe('toolSettings', () => {
  test('domain and SID from the installation parameters', async () => {
    const fake = new FakeClient();
    fake.iparamsValue = { domain: 'mustershop.freshdesk.com', rakuten_sid: ' 3456789 ' };
    await expect(toolSettings(fake.client)).resolves.toEqual({ domain: 'mustershop.freshdesk.com', sid: '3456789' });
    fake.iparamsValue = { domain: 'https://evil.example' };
    await expect(toolSettings(fake.client)).resolves.toEqual({ domain: null, sid: '' });
    fake.iparamsValue = 'garbage';
    await expect(toolSettings(fake.client)).resolves.toEqual({ domain: null, sid: '' });
    fake.client.iparams.get = () => Promise.reject(new Error('down'));
    await expect(toolSettings(fake.client)).resolves.toEqual({ domain: null, sid: '' });
  });
});

describe('setupPanel', () => {
  test('checks at once, busy meanwhile, and again on request', async () => {
    const runs: SetupCheckItem[][] = [[credentialsCheck({ status: 200 })], [fieldsCheck({ missing: ['Rakuten-Kundenname'], notOnForm: [] })]];
    let calls = 0;
    const panel = setupPanel(context(new FakeClient(), () => Promise.resolve(runs[calls++] ?? [])));
    const element = panel.element as unknown as FakeElement;
    expect(element.getAttribute('aria-busy')).toBe('true');
    expect(element.textContent).toContain('Prüfe die Einrichtung …');
    await panel.ready;
    expect(element.getAttribute('aria-busy')).toBe('false');
    expect(find(element, 'setup__summary').textContent).toBe('Alles in Ordnung.');
    button(element, 'Erneut prüfen').click();
    await flush();
    expect(find(element, 'setup__summary').textContent).toBe('1 Problem(e)');
    expect(calls).toBe(2);
  });

  test('a check that breaks says the assistant is disturbed', async () => {
    const panel = setupPanel(context(new FakeClient(), () => Promise.reject(new Error('bug')), 'en'));
    await panel.ready;
    expect(find(panel.element as unknown as FakeElement, 'banner--failed').textContent).toBe('The Rakuten assistant is not working right now. You can keep working as usual.');
  });

  test('by default the checks read Freshdesk through the templates', async () => {
    const fake = new FakeClient();
    fake.templateFailure = { status: 401 };
    const panel = setupPanel(context(fake, undefined));
    await panel.ready;
    expect(fake.templateCalls.map((call) => call.name)).toEqual(['getCurrentAgent']);
    expect(find(panel.element as unknown as FakeElement, 'check--problem').getAttribute('data-check')).toBe('credentials');
  });
});

describe('showTool', () => {
  test('the support panel in place of the ticket view, with the way back', async () => {
    const doc = new FakeDocument();
    const root = doc.createElement('main');
    let back = 0;
    await showTool('support', asElement(root), { ...context(new FakeClient(), undefined), doc: asDocument(doc) }, () => back++);
    expect(root.getAttribute('aria-busy')).toBe('false');
    expect(find(root, 'tool-title').textContent).toBe('Rakuten-Support kontaktieren');
    expect(findAll(root, 'channel')).toHaveLength(5);
    button(root, '← Zurück zum Ticket').click();
    expect(back).toBe(1);
  });

  test('the setup check, finished when its checks are', async () => {
    const doc = new FakeDocument();
    const root = doc.createElement('main');
    await showTool('setup', asElement(root), { ...context(new FakeClient(), () => Promise.resolve([credentialsCheck({ status: 401 })])), doc: asDocument(doc) }, () => undefined);
    expect(find(root, 'check--problem').textContent).toContain('HTTP 401');
  });

  test('the support panel is ready at once', async () => {
    await expect(supportPanel(context(new FakeClient(), undefined)).ready).resolves.toBeUndefined();
  });
});

describe('startFullPage', () => {
  test('setup check and support side by side, in the agent’s language', async () => {
    const doc = new FakeDocument();
    const root = doc.createElement('main');
    root.setAttribute('aria-busy', 'true');
    const fake = new FakeClient({ language: 'en' });
    await startFullPage(fake.client, asElement(root), 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', () =>
      Promise.resolve([credentialsCheck({ status: 200 })]),
    );
    expect(root.getAttribute('aria-busy')).toBe('false');
    expect(root.getAttribute('lang')).toBe('en');
    expect(findAll(root, 'tool-title').map((title) => title.textContent)).toEqual(['Check the setup', 'Contact Rakuten support']);
    expect(find(root, 'preview__body').textContent).toContain('Browser: Safari 17.5');
    expect(find(root, 'preview__body').textContent).toContain('Operating system: macOS');
  });
});
