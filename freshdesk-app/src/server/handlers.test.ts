import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, asHtml, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import { FakeServices, type TemplateRoute } from '../../test-support/fake-services';
import { onAppInstall } from './on-app-install';
import { onConversationCreate } from './on-conversation-create';
import { onTicketCreate } from './on-ticket-create';

const FIELDS = { orderNumber: 'cf_rakutenbestellnummer1', customerName: 'cf_rakutenkundenname1' };

function storedTicket(text: string, extra: Record<string, unknown> = {}) {
  return { id: 4711, created_at: '2026-03-02T09:00:00Z', description_text: text, description: asHtml(text), tags: [], custom_fields: {}, requester: RAKUTEN, ...extra };
}

function ticketEvent(text: string, requester: { email: string; name: string } = RAKUTEN, extra: Record<string, unknown> = {}) {
  const { requester: _requester, ...ticket } = storedTicket(text, extra);
  return { data: { ticket, requester }, iparams: { bundesland: 'NW' } };
}

function withFields(route: TemplateRoute = () => ({})): FakeServices {
  const fake = new FakeServices(route);
  fake.store.set('ticket-fields', FIELDS);
  return fake;
}

describe('onTicketCreate', () => {
  test('a forward: fields, tag and deadline in one write', async () => {
    const fake = withFields();
    await onTicketCreate(ticketEvent(forwardText()), fake.services);
    expect(fake.names()).toEqual(['updateTicket']);
    expect(fake.bodies('updateTicket')).toEqual([
      {
        custom_fields: { [FIELDS.orderNumber]: '123-456-789', [FIELDS.customerName]: 'Erika Musterfrau' },
        tags: ['rakuten'],
        due_by: '2026-03-04T09:00:00Z',
        fr_due_by: '2026-03-04T09:00:00Z',
      },
    ]);
    expect(fake.storeCalls).toEqual(['set once:tc:4711', 'get ticket-fields']);
  });

  test('without stored field names the forward still gets tag and deadline', async () => {
    const fake = new FakeServices();
    await onTicketCreate(ticketEvent(forwardText()), fake.services);
    expect(fake.bodies('updateTicket')[0]).not.toHaveProperty('custom_fields');
  });

  test('a spoof: the warning tag only; another ticket: nothing at all', async () => {
    const fake = withFields();
    await onTicketCreate(ticketEvent(SPOOF_MAIL.text, SPOOF_MAIL.requester), fake.services);
    await onTicketCreate(ticketEvent(OTHER_MAIL.text, OTHER_MAIL.requester), fake.services);
    await onTicketCreate(ticketEvent('Ihre Rechnung', RAKUTEN), fake.services);
    expect(fake.bodies('updateTicket')).toEqual([{ tags: ['rakuten-verdacht'] }]);
    expect(fake.storeCalls).toEqual(['set once:tc:4711']);
  });

  test('a cut-off mail from Rakuten is read whole before it is judged', async () => {
    const fake = withFields((name) => (name === 'getTicket' ? storedTicket(forwardText()) : {}));
    await onTicketCreate(ticketEvent('Hallo Mustershop,\n\nAnbei erhalten Sie', RAKUTEN, { is_description_truncated: true }), fake.services);
    expect(fake.names()).toEqual(['getTicket', 'updateTicket']);
  });

  test('a stale claim on a ticket that already carries the tag: one read, no write', async () => {
    const fake = withFields((name) => (name === 'getTicket' ? storedTicket(forwardText(), { tags: ['rakuten'] }) : {}));
    fake.store.set('once:tc:4711', { claimedAt: 0 });
    await onTicketCreate(ticketEvent(forwardText()), fake.services);
    expect(fake.names()).toEqual(['getTicket']);
  });

  test('a replay does nothing; a failed write gives the claim back and is logged without customer data', async () => {
    const fake = withFields((name) => {
      if (name === 'updateTicket') throw { status: 503, attempts: 5, response: 'Erika Musterfrau' };
      return {};
    });
    await expect(onTicketCreate(ticketEvent(forwardText()), fake.services)).rejects.toMatchObject({ status: 503 });
    expect(fake.errors).toEqual(['rakuten onTicketCreate ticket 4711: status 503 after 5 attempt(s)']);
    expect(fake.store.has('once:tc:4711')).toBe(false);
    fake.store.set('once:tc:4711', { claimedAt: fake.now.getTime() });
    await onTicketCreate(ticketEvent(forwardText()), fake.services);
    expect(fake.names()).toEqual(['updateTicket']);
  });

  test('a payload without a ticket is refused', async () => {
    await expect(onTicketCreate({ data: {} }, new FakeServices().services)).rejects.toThrow();
  });
});

describe('onConversationCreate', () => {
  const nextForward = {
    id: 80,
    ticket_id: 4711,
    incoming: true,
    created_at: '2026-03-05T14:00:00Z',
    from_email: 'Rakuten <service@rakuten.de>',
    body_text: forwardText({ message: 'Danke, alles angekommen!' }),
  };
  const agentReply = { id: 79, incoming: false, source: 0, created_at: '2026-03-02T12:00:00Z', body_text: 'Ist unterwegs.', to_emails: ['service@rakuten.de'] };

  function route(tags: string[] = ['rakuten']): TemplateRoute {
    return (name) => {
      if (name === 'getTicket') return storedTicket(forwardText(), { tags, due_by: '2026-03-04T09:00:00Z', fr_due_by: '2026-03-04T09:00:00Z' });
      if (name === 'listConversations') return [agentReply, nextForward];
      return {};
    };
  }

  test('a further forward moves the deadline to the first unanswered message', async () => {
    const fake = withFields(route());
    await onConversationCreate({ data: { conversation: nextForward } }, fake.services);
    expect(fake.names()).toEqual(['getTicket', 'listConversations', 'updateTicket']);
    expect(fake.bodies('updateTicket')[0]).toMatchObject({ tags: ['rakuten', 'rakuten-abschluss'], due_by: '2026-03-09T14:00:00Z' });
  });

  test('a spoof in the thread gets the warning tag', async () => {
    const fake = withFields(route());
    const spoof = { ...nextForward, from_email: 'Rakuten <service@rakuten-de.com>', body_text: SPOOF_MAIL.text };
    await onConversationCreate({ data: { conversation: spoof } }, fake.services);
    expect(fake.bodies('updateTicket')).toEqual([{ tags: ['rakuten', 'rakuten-verdacht'] }]);
  });

  test('replies, notes, mail from others and conversations without a ticket cost nothing', async () => {
    const fake = withFields(route());
    await onConversationCreate({ data: { conversation: agentReply } }, fake.services);
    await onConversationCreate({ data: { conversation: { ...nextForward, from_email: 'kunde@example.org', body_text: 'Hallo' } } }, fake.services);
    await onConversationCreate({ data: { conversation: { ...nextForward, ticket_id: null } } }, fake.services);
    expect(fake.calls).toEqual([]);
  });

  test('a failure is logged and gives the claim back', async () => {
    const fake = withFields(() => {
      throw { status: 500, attempts: 3 };
    });
    await expect(onConversationCreate({ data: { conversation: nextForward } }, fake.services)).rejects.toMatchObject({ status: 500 });
    expect(fake.errors).toEqual(['rakuten onConversationCreate ticket 4711: status 500 after 3 attempt(s)']);
    expect(fake.store.has('once:cc:80')).toBe(false);
  });
});

describe('onAppInstall', () => {
  test('reuses fields the account already has', async () => {
    const fake = new FakeServices(() => [
      { id: 1, name: FIELDS.orderNumber, label: 'Rakuten-Bestellnummer' },
      { id: 2, name: FIELDS.customerName, label: 'Anders', label_for_customers: 'Rakuten-Kundenname' },
    ]);
    await onAppInstall({}, fake.services);
    expect(fake.names()).toEqual(['listTicketFields']);
    expect(fake.store.get('ticket-fields')).toEqual(FIELDS);
    expect(fake.rendered).toEqual([undefined]);
  });

  test('a failing API stops the install with a message of at most 60 characters', async () => {
    const fake = new FakeServices(() => {
      throw { status: 401 };
    });
    await onAppInstall({}, fake.services);
    expect(fake.rendered).toHaveLength(1);
    expect(fake.rendered[0]?.message.length).toBeLessThanOrEqual(60);
    expect(fake.errors).toEqual(['rakuten onAppInstall: status 401']);
  });
});
