import { FakeServices } from '../../test-support/fake-services';
import { onAppInstallHandler, onConversationCreateHandler, onTicketCreateHandler } from './index';

// The entry binds the handlers to FDK's globals; here the globals are fakes.
const fake = new FakeServices((name) => (name === 'createTicketField' ? { id: 9, name: 'cf_new1' } : []));
const sandbox = globalThis as Record<string, unknown>;

beforeAll(() => {
  sandbox['$request'] = fake.services.request;
  sandbox['$db'] = fake.services.db;
  sandbox['renderData'] = fake.services.renderData;
});

afterAll(() => {
  delete sandbox['$request'];
  delete sandbox['$db'];
  delete sandbox['renderData'];
});

test('the handlers reach the platform through its globals', async () => {
  await onAppInstallHandler({});
  expect(fake.names()).toEqual(['listTicketFields', 'createTicketField', 'createTicketField']);
  await onTicketCreateHandler({ data: { ticket: { id: 1, created_at: '2026-03-02T09:00:00Z', description_text: 'Hallo' }, requester: { email: 'a@example.org' } } });
  await onConversationCreateHandler({ data: { conversation: { id: 2, created_at: '2026-03-02T09:00:00Z', incoming: false } } });
  expect(fake.names()).toHaveLength(3);
});
