import { REWARDS_HELP_URL, analyzeMessage } from '@rakuten-helpdesk/core';
import { FakeClient, flush } from '../../../test-support/fake-client';
import { FakeDocument, asDocument, button, byTag, field, find, findAll, type FakeElement } from '../../../test-support/fake-dom';
import type { TemplateCall } from '../../shared/freshdesk-api';
import { SUPPORT_TAG, agentEmail, channelsPanel, composerPanel, type SupportDeps } from './support-view';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

interface Setup {
  readonly panel: FakeElement;
  readonly fake: FakeClient;
  readonly copied: string[];
  readonly created: unknown[];
}

function setup(options: { sid?: string; userAgent?: string; copyWorks?: boolean; domain?: string | null; locale?: 'de' | 'en' } = {}): Setup {
  const doc = new FakeDocument();
  const fake = new FakeClient();
  fake.values['loggedInUser'] = { loggedInUser: { contact: { email: 'anna@mustershop.de', language: 'de' } } };
  const created: unknown[] = [];
  fake.templateRoute = (name: string, call: TemplateCall) => {
    if (name !== 'createTicket') return undefined;
    created.push(JSON.parse(call.body ?? 'null'));
    return { status: 201, response: JSON.stringify({ id: 9000 + created.length }) };
  };
  const copied: string[] = [];
  const deps: SupportDeps = {
    client: fake.client,
    sid: options.sid ?? '',
    userAgent: options.userAgent ?? CHROME_ON_WINDOWS,
    domain: options.domain === undefined ? 'mustershop.freshdesk.com' : options.domain,
    copy: async (value) => {
      copied.push(value);
      return options.copyWorks ?? true;
    },
  };
  const panel = composerPanel(asDocument(doc), deps, options.locale ?? 'de') as unknown as FakeElement;
  return { panel, fake, copied, created };
}

const preview = (panel: FakeElement) => ({ subject: find(panel, 'preview__subject').textContent, body: find(panel, 'preview__body').textContent });

describe('the support request composer', () => {
  test('drafts everything Rakuten asks for: SID, detected browser and system, steps, error, screenshots', () => {
    const { panel } = setup({ sid: '3456789' });
    expect(field(panel, 'sid').value).toBe('3456789');
    expect(field(panel, 'browser').value).toBe('Chrome 126');
    expect(field(panel, 'os').value).toBe('Windows 10/11');
    expect(panel.textContent).toContain('Steht oben rechts in Ihrem Rakuten-Dashboard.');
    expect(find(panel, 'notice--reminder').textContent).toBe('Fügen Sie möglichst Screenshots der Fehlermeldung oder des Problems bei.');

    field(panel, 'steps').type('Bestellübersicht geöffnet, auf „Export“ geklickt');
    field(panel, 'error').type('Error 500 – Export fehlgeschlagen');
    const { subject, body } = preview(panel);
    expect(subject).toBe('Technisches Problem – SID 3456789');
    expect(body).toContain('SID (Website-ID): 3456789');
    expect(body).toContain('Browser: Chrome 126');
    expect(body).toContain('Betriebssystem: Windows 10/11');
    expect(body).toContain('Schritte vor dem Problem:\nBestellübersicht geöffnet, auf „Export“ geklickt');
    expect(body).toContain('Fehlermeldung:\nError 500 – Export fehlgeschlagen');
    expect(body).toContain('Screenshots des Fehlers hänge ich an.');
  });

  test('what is missing is marked to fill in; the request can be written in English', () => {
    const { panel } = setup({ userAgent: 'curl/8' });
    expect(field(panel, 'browser').value).toBe('');
    expect(preview(panel).subject).toBe('Technisches Problem – SID (bitte ergänzen)');
    const language = field(panel, 'language');
    language.value = 'en';
    language.dispatch('change');
    expect(preview(panel).subject).toBe('Technical problem – SID (please fill in)');
    expect(preview(panel).body).toContain('Screenshots of the error are attached.');
  });

  test('copies subject and text together', async () => {
    const { panel, copied } = setup({ sid: '42' });
    button(panel, 'Anfrage kopieren').click();
    await flush();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^Technisches Problem – SID 42\n\nHallo Rakuten-Support-Team,/);
    expect(find(panel, 'composer__status').textContent).toBe('Betreff und Text kopiert.');
  });

  test('a failed copy says how to copy by hand', async () => {
    const { panel } = setup({ copyWorks: false });
    button(panel, 'Anfrage kopieren').click();
    await flush();
    expect(find(panel, 'composer__status').className).toBe('composer__status composer__status--problem');
  });

  test('creates one ticket for the agent, with a link, however often the button is pressed', async () => {
    const { panel, fake, created } = setup({ sid: '42' });
    field(panel, 'steps').type('Login <b>versucht</b>');
    const send = button(panel, 'Als neues Ticket anlegen');
    send.click();
    send.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(created).toEqual([
      {
        email: 'anna@mustershop.de',
        subject: 'Technisches Problem – SID 42',
        description: expect.stringContaining('Login &lt;b&gt;versucht&lt;/b&gt;<br>') as unknown,
        status: 2,
        priority: 1,
        tags: [SUPPORT_TAG],
      },
    ]);
    const status = find(panel, 'composer__status');
    expect(status.textContent).toBe('Ticket angelegt: #9001');
    expect(byTag(status, 'a')[0]?.getAttribute('href')).toBe('https://mustershop.freshdesk.com/a/tickets/9001');
    expect(byTag(status, 'a')[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(send.disabled).toBe(true);
    expect(fake.triggers).toContainEqual({ action: 'showNotify', payload: { type: 'success', title: 'Rakuten-Assistent', message: 'Ticket angelegt: #9001' } });

    // The same request again stays one ticket; a changed one may go.
    send.click();
    await flush();
    expect(created).toHaveLength(1);
    field(panel, 'error').type('Fehler 403');
    expect(send.disabled).toBe(false);
    send.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(created).toHaveLength(2);
  });

  test('the tracking ticket is not taken for a Rakuten forward or a spoof of one when it arrives', () => {
    const { panel } = setup({ sid: '42' });
    field(panel, 'steps').type('Bestellnummer: 123-456-789 im Dashboard gesucht');
    const { subject, body } = preview(panel);
    const analysis = analyzeMessage({ senderAddress: 'anna@mustershop.de', senderName: 'Anna Agentin', subject, receivedAt: new Date(), text: body });
    expect(analysis.kind).toBe('unrelated');
  });

  test('without a known helpdesk domain the new ticket is named, not linked', async () => {
    const { panel } = setup({ domain: null });
    button(panel, 'Als neues Ticket anlegen').click();
    for (let i = 0; i < 5; i++) await flush();
    expect(byTag(find(panel, 'composer__status'), 'a')).toEqual([]);
    expect(find(panel, 'composer__status').textContent).toBe('Ticket angelegt: #9001');
  });

  test('when Freshdesk refuses the ticket, the agent is told and may try again', async () => {
    const { panel, fake } = setup({ locale: 'en' });
    fake.templateRoute = () => Promise.reject({ status: 400, response: '{}' });
    const send = button(panel, 'Create as new ticket');
    send.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(find(panel, 'composer__status').textContent).toBe('The ticket could not be created.');
    expect(send.disabled).toBe(false);
    expect(fake.triggers.at(-1)?.payload).toMatchObject({ type: 'danger' });
  });

  test('without the agent’s address the request is only to copy', async () => {
    const { panel, fake } = setup();
    fake.values['loggedInUser'] = { loggedInUser: {} };
    fake.templateRoute = () => Promise.reject({ status: 401 });
    const send = button(panel, 'Als neues Ticket anlegen');
    send.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(find(panel, 'composer__status').textContent).toBe('Ihre E-Mail-Adresse ist nicht bekannt; bitte kopieren Sie die Anfrage.');
    expect(send.disabled).toBe(false);
  });
});

describe('agentEmail', () => {
  test('from the page, else from agents/me', async () => {
    const fake = new FakeClient();
    fake.values['loggedInUser'] = { loggedInUser: { email: 'chef@mustershop.de' } };
    await expect(agentEmail(fake.client)).resolves.toBe('chef@mustershop.de');
    fake.values['loggedInUser'] = { loggedInUser: { contact: { language: 'de' } } };
    fake.templateRoute = (name) => (name === 'getCurrentAgent' ? { status: 200, response: JSON.stringify({ id: 3, contact: { email: 'api@mustershop.de' } }) } : undefined);
    await expect(agentEmail(fake.client)).resolves.toBe('api@mustershop.de');
    fake.templateRoute = () => ({ status: 200, response: JSON.stringify({ id: 3 }) });
    await expect(agentEmail(fake.client)).resolves.toBeNull();
  });
});

describe('the channels panel', () => {
  test('gives Rakuten’s channels as its help page does, invents no e-mail address, and names its source', () => {
    const panel = channelsPanel(asDocument(new FakeDocument()), 'de') as unknown as FakeElement;
    const channels = findAll(panel, 'channel');
    expect(channels.map((channel) => channel.getAttribute('data-channel'))).toEqual(['chat', 'email', 'phone-us', 'phone-us-alt', 'phone-uk']);
    expect(channels[0]?.textContent).toContain('„Support“');
    expect(channels[1]?.textContent).not.toMatch(/@/);
    expect(findAll(panel, 'channel__phone').map((phone) => [phone.getAttribute('href'), phone.textContent])).toEqual([
      ['tel:+18888808430', '+1-888-880-8430'],
      ['tel:+16469438200', '+1-646-943-8200, dann Option 7'],
      ['tel:+448000116169', '+44 (0) 800 011 6169'],
    ]);
    expect(find(panel, 'source').textContent).toBe('Quelle: Rakuten-Hilfeseite „So kontaktieren Sie den Kunden-Support“');
    expect(panel.textContent).toContain('oben rechts in Ihrem Dashboard');
    const rewards = byTag(find(panel, 'notice--info'), 'a')[0];
    expect(rewards?.getAttribute('href')).toBe(REWARDS_HELP_URL);
    expect(rewards?.getAttribute('target')).toBe('_blank');
    expect(rewards?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
