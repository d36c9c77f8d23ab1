import { OTHER_MAIL } from '../../../test/freshdesk/support/rakuten-mail';
import { FakeClient, conversation } from '../../test-support/fake-client';
import { agentLocale, loadTicketContext } from './ticket-context';

describe('loadTicketContext', () => {
  test('reads ticket, requester, settings and the thread', async () => {
    const fake = new FakeClient({ conversations: [conversation(5, { body_text: 'Antwort', to_emails: ['service@rakuten.de'] })] });
    const context = await loadTicketContext(fake.client);
    expect(context).toMatchObject({ ticketId: 4711, requesterEmail: 'service@rakuten.de', settings: { signature: 'Ihr Mustershop' } });
    expect(context.state.maySolve).toBe(true);
    expect(fake.templateCalls).toEqual([{ name: 'listConversations', call: { context: { ticket_id: 4711, page: 1 } } }]);
  });

  test("another ticket's thread is not read at all", async () => {
    const fake = new FakeClient({ text: OTHER_MAIL.text, requester: OTHER_MAIL.requester });
    expect((await loadTicketContext(fake.client)).state.kind).toBe('unrelated');
    expect(fake.templateCalls).toEqual([]);
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
