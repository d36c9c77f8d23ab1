import { conversationState } from '@rakuten-helpdesk/core';
import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, asHtml, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import { FakeClient, conversation } from '../../test-support/fake-client';
import { FakeServices } from '../../test-support/fake-services';
import { onTicketCreate } from '../server/on-ticket-create';
import { NO_FIELDS } from '../shared/field-names';
import { UnexpectedAnswer, type TemplateCall } from '../shared/freshdesk-api';
import type { Conversation, Ticket } from '../shared/freshdesk-schemas';
import { ticketThread } from '../shared/thread';
import type { FieldNames } from '../shared/ticket-marks';
import { AUTO_FILL_GRACE_MS, autoFillMissed, fillFailure, fillTicket, planAutoFill, type AutoFillFacts } from './auto-fill';
import { loadTicketContext } from './ticket-context';

const NAMES = { orderNumber: 'cf_rakutenbestellnummer1', customerName: 'cf_rakutenkundenname1' };
const CREATED = '2026-03-02T09:00:00Z';
/** Monday 10:00 in Berlin: Wednesday 10:00, two working days on. */
const DUE = '2026-03-04T09:00:00Z';
const EMPTY_FIELDS = { [NAMES.orderNumber]: null, [NAMES.customerName]: null };
const FILLED = { tags: ['rakuten'], custom_fields: { [NAMES.orderNumber]: '123-456-789', [NAMES.customerName]: 'Erika Musterfrau' } };

const after = (ms: number) => new Date(Date.parse(CREATED) + ms);
const minutes = (count: number) => count * 60_000;

interface ViewSpec {
  readonly text?: string;
  readonly requester?: { readonly email: string; readonly name: string };
  readonly conversations?: Conversation[];
  readonly names?: FieldNames;
}

/** A ticket as the page hands it over, with the thread the core reads from it. */
function ticketView(extra: Partial<Ticket> = {}, spec: ViewSpec = {}): AutoFillFacts {
  const text = spec.text ?? forwardText();
  const ticket: Ticket = { id: 4711, created_at: CREATED, description_text: text, description: asHtml(text), tags: [], custom_fields: EMPTY_FIELDS, ...extra };
  const state = conversationState(ticketThread(ticket, spec.requester ?? RAKUTEN, spec.conversations ?? []));
  return { ticketId: 4711, ticket, state, fieldNames: spec.names ?? NAMES };
}

describe('autoFillMissed', () => {
  test('a ticket younger than two minutes: no notice, the serverless event may still be at work', () => {
    const view = ticketView();
    expect(autoFillMissed(view, after(minutes(1)))).toBe(false);
    expect(autoFillMissed(view, after(AUTO_FILL_GRACE_MS))).toBe(false);
    expect(autoFillMissed(view, after(AUTO_FILL_GRACE_MS + 1))).toBe(true);
  });

  test('fields filled and the tag there: no notice', () => {
    expect(autoFillMissed(ticketView(FILLED), after(minutes(10)))).toBe(false);
    expect(autoFillMissed(ticketView({ ...FILLED, tags: ['vip', 'Rakuten'] }), after(minutes(10)))).toBe(false);
  });

  test('the tag missing: notice, even with both fields filled', () => {
    expect(autoFillMissed(ticketView({ ...FILLED, tags: ['vip'] }), after(minutes(10)))).toBe(true);
  });

  test('a field empty where the core found a value: notice, even with the tag there', () => {
    const custom_fields = { ...FILLED.custom_fields, [NAMES.customerName]: '  ' };
    expect(autoFillMissed(ticketView({ tags: ['rakuten'], custom_fields }), after(minutes(10)))).toBe(true);
  });

  test('a value an agent typed is theirs: no notice for it, and the fill keeps it', () => {
    const typed = { [NAMES.orderNumber]: '123-456-780 (korrigiert)', [NAMES.customerName]: 'E. Musterfrau' };
    expect(autoFillMissed(ticketView({ tags: ['rakuten'], custom_fields: typed }), after(minutes(10)))).toBe(false);

    const halfTyped = ticketView({ tags: [], custom_fields: { ...typed, [NAMES.customerName]: null } });
    expect(autoFillMissed(halfTyped, after(minutes(10)))).toBe(true);
    expect(planAutoFill(halfTyped.ticket, halfTyped.state, halfTyped.fieldNames)).toEqual({
      custom_fields: { [NAMES.customerName]: 'Erika Musterfrau' },
      tags: ['rakuten'],
      due_by: DUE,
      fr_due_by: DUE,
    });
  });

  test('what neither the page nor the store says is not taken for missing', () => {
    expect(autoFillMissed(ticketView({ tags: ['rakuten'] }, { names: NO_FIELDS }), after(minutes(10)))).toBe(false);
    expect(autoFillMissed(ticketView({ tags: null, custom_fields: null }), after(minutes(10)))).toBe(false);
    expect(autoFillMissed(ticketView({ created_at: 'gestern' }), after(minutes(10)))).toBe(false);
  });

  test('a spoof or another mail: no notice', () => {
    expect(autoFillMissed(ticketView({}, { text: SPOOF_MAIL.text, requester: SPOOF_MAIL.requester }), after(minutes(10)))).toBe(false);
    expect(autoFillMissed(ticketView({}, { text: OTHER_MAIL.text, requester: OTHER_MAIL.requester }), after(minutes(10)))).toBe(false);
  });

  test('a later forward gives its own serverless event two minutes again', () => {
    const later = conversation(7, { incoming: true, created_at: '2026-03-02T10:00:00Z', from_email: 'Rakuten <service@rakuten.de>', body_text: forwardText({ message: 'Und die Rechnung?' }) });
    const view = ticketView({}, { conversations: [later] });
    expect(autoFillMissed(view, new Date('2026-03-02T10:01:00Z'))).toBe(false);
    expect(autoFillMissed(view, new Date('2026-03-02T10:03:00Z'))).toBe(true);
  });
});

describe('planAutoFill', () => {
  test('is exactly the write onTicketCreate makes for the same ticket', async () => {
    const fake = new FakeClient({ tags: [], customFields: EMPTY_FIELDS });
    fake.store.set('ticket-fields', NAMES);
    const context = await loadTicketContext(fake.client);

    const server = new FakeServices();
    server.store.set('ticket-fields', NAMES);
    const { ticket } = fake.values['ticket'] as { ticket: Record<string, unknown> };
    await onTicketCreate({ data: { ticket, requester: RAKUTEN }, iparams: fake.iparamsValue }, server.services);

    expect(server.bodies('updateTicket')).toHaveLength(1);
    expect(planAutoFill(context.ticket, context.state, context.fieldNames)).toEqual(server.bodies('updateTicket')[0]);
  });

  test('once Rakuten has an answer, the deadline of the message still open, and the first-reply time is left', () => {
    const answered = conversation(5, { created_at: '2026-03-02T10:00:00Z', body_text: 'Ist unterwegs.', to_emails: ['service@rakuten.de'] });
    const next = conversation(6, { incoming: true, created_at: '2026-03-03T09:00:00Z', from_email: 'service@rakuten.de', body_text: forwardText({ message: 'Und die Rechnung?' }) });
    const view = ticketView({ fr_due_by: '2026-03-03T09:00:00Z', due_by: '2026-03-04T09:00:00Z' }, { conversations: [answered, next] });
    expect(planAutoFill(view.ticket, view.state, view.fieldNames)).toEqual({
      custom_fields: { [NAMES.orderNumber]: '123-456-789', [NAMES.customerName]: 'Erika Musterfrau' },
      tags: ['rakuten'],
      due_by: '2026-03-05T09:00:00Z',
    });
  });
});

describe('fillTicket', () => {
  function answering(fake: FakeClient, current: Record<string, unknown>): void {
    fake.templateRoute = (name: string, call: TemplateCall) => {
      if (name === 'getTicket') return { status: 200, response: JSON.stringify({ ...current, id: call.context?.['ticket_id'] }) };
      if (name === 'updateTicket') return { status: 200, response: '{}' };
      return undefined;
    };
  }

  test('reads the ticket as Freshdesk holds it now and writes the plan once', async () => {
    const fake = new FakeClient({ tags: [], customFields: EMPTY_FIELDS });
    fake.store.set('ticket-fields', NAMES);
    const context = await loadTicketContext(fake.client);
    // An agent typed the order number after the page was loaded.
    answering(fake, { created_at: CREATED, tags: ['vip'], custom_fields: { ...EMPTY_FIELDS, [NAMES.orderNumber]: '123-456-780' } });

    await expect(fillTicket(fake.client.request, context)).resolves.toBe('filled');
    expect(fake.templateCalls.map((call) => call.name)).toEqual(['listConversations', 'getTicket', 'updateTicket']);
    const write = fake.templateCalls[2]?.call;
    expect(write?.context).toEqual({ ticket_id: 4711 });
    expect(JSON.parse(write?.body ?? 'null')).toEqual({ custom_fields: { [NAMES.customerName]: 'Erika Musterfrau' }, tags: ['vip', 'rakuten'], due_by: DUE, fr_due_by: DUE });
  });

  test('writes nothing when the server’s write arrived after all', async () => {
    const fake = new FakeClient({ tags: [], customFields: EMPTY_FIELDS });
    fake.store.set('ticket-fields', NAMES);
    const context = await loadTicketContext(fake.client);
    answering(fake, { created_at: CREATED, ...FILLED, due_by: DUE, fr_due_by: DUE });

    await expect(fillTicket(fake.client.request, context)).resolves.toBe('nothing-to-do');
    expect(fake.templateCalls.map((call) => call.name)).toEqual(['listConversations', 'getTicket']);
  });

  test('a refused write rejects with the platform’s failure', async () => {
    const fake = new FakeClient();
    const context = await loadTicketContext(fake.client);
    fake.templateFailure = { status: 503, response: 'Service unavailable', attempts: 5 };
    await expect(fillTicket(fake.client.request, context)).rejects.toMatchObject({ status: 503 });
  });
});

describe('fillFailure', () => {
  test.each<[unknown, string, string]>([
    [
      { status: 429, attempts: 5 },
      'Nicht übernommen: Freshdesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen. Bitte gleich noch einmal versuchen.',
      'Not filled in: Freshdesk is limiting requests right now (HTTP 429), even after several attempts. Please try again in a moment.',
    ],
    [
      { status: 503, attempts: 5 },
      'Nicht übernommen: Freshdesk antwortet gerade nicht (HTTP 503). Bitte gleich noch einmal versuchen.',
      'Not filled in: Freshdesk is not answering right now (HTTP 503). Please try again in a moment.',
    ],
    [
      { status: 401, attempts: 1 },
      'Nicht übernommen: Freshdesk verweigert den Zugriff (HTTP 401); der API-Schlüssel braucht Administratorrechte. Bitte „Einrichtung prüfen“ öffnen.',
      'Not filled in: Freshdesk refuses access (HTTP 401); the API key needs administrator rights. Please open "Check setup".',
    ],
    [
      { message: 'Failed to fetch' },
      'Nicht übernommen: Freshdesk war nicht erreichbar. Bitte gleich noch einmal versuchen.',
      'Not filled in: Freshdesk could not be reached. Please try again in a moment.',
    ],
    [
      { status: 0 },
      'Nicht übernommen: Freshdesk war nicht erreichbar. Bitte gleich noch einmal versuchen.',
      'Not filled in: Freshdesk could not be reached. Please try again in a moment.',
    ],
    [
      { status: 400 },
      'Nicht übernommen: Freshdesk antwortete mit HTTP 400. Bitte „Einrichtung prüfen“ öffnen.',
      'Not filled in: Freshdesk answered HTTP 400. Please open "Check setup".',
    ],
    [
      new UnexpectedAnswer('getTicket: not JSON'),
      'Nicht übernommen: Freshdesk antwortete unerwartet. Bitte gleich noch einmal versuchen.',
      'Not filled in: Freshdesk gave an unexpected answer. Please try again in a moment.',
    ],
  ])('%j', (error, de, en) => {
    expect(fillFailure(error)).toEqual({ de, en });
  });
});
