import { OTHER_MAIL } from '../../../test/freshdesk/support/rakuten-mail';
import { FakeClient, conversation } from '../../test-support/fake-client';
import { agentLocale, loadTicketContext } from './ticket-context';

describe('loadTicketContext', () => {
  test('reads ticket, requester, settings, the thread and the stored field names', async () => {
    const fake = new FakeClient({ conversations: [conversation(5, { body_text: 'Antwort', to_emails: ['service@rakuten.de'] })], tags: ['rakuten'] });
    const names = { orderNumber: 'cf_rakutenbestellnummer1', customerName: 'cf_rakutenkundenname1' };
    fake.store.set('ticket-fields', names);
    const context = await loadTicketContext(fake.client);
    expect(context).toMatchObject({ ticketId: 4711, requesterEmail: 'service@rakuten.de', settings: { signature: 'Ihr Mustershop' }, ticket: { tags: ['rakuten'] }, fieldNames: names });
    expect(context.state.maySolve).toBe(true);
    expect(fake.templateCalls).toEqual([{ name: 'listConversations', call: { context: { ticket_id: 4711, page: 1 } } }]);
  });

  test('without stored field names the fields are not known, and the view still loads', async () => {
    const fake = new FakeClient();
    await expect(loadTicketContext(fake.client)).resolves.toMatchObject({ fieldNames: { orderNumber: null, customerName: null } });
    expect(fake.storeReads).toEqual(['ticket-fields']);
  });

  test("another ticket's thread and the store are not read at all", async () => {
    const fake = new FakeClient({ text: OTHER_MAIL.text, requester: OTHER_MAIL.requester });
    expect((await loadTicketContext(fake.client)).state.kind).toBe('unrelated');
    expect(fake.templateCalls).toEqual([]);
    expect(fake.storeReads).toEqual([]);
  });

  test('fails when Freshdesk does not answer', async () => {
    const fake = new FakeClient();
    fake.failingData.add('ticket');
    await expect(loadTicketContext(fake.client)).rejects.toMatchObject({ status: 500 });
  });
});

describe('agentLocale', () => {
  test.each<[unknown, string]>([
    [{ loggedInUser: { contact: { language: 'en' } } }, 'en'],
    [{ loggedInUser: { contact: { language: 'de-AT' } } }, 'de'],
    [{ loggedInUser: { language: 'fr' } }, 'en'],
    [{ loggedInUser: {} }, 'de'],
    ['nonsense', 'de'],
  ])('%j → %s', async (value, locale) => {
    const fake = new FakeClient();
    fake.values['loggedInUser'] = value;
    await expect(agentLocale(fake.client)).resolves.toBe(locale);
  });

  test('German when the user cannot be read', async () => {
    const fake = new FakeClient();
    fake.failingData.add('loggedInUser');
    await expect(agentLocale(fake.client)).resolves.toBe('de');
  });
});
