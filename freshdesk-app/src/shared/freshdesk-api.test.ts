import { freshdeskApi, UnexpectedAnswer, type RequestService, type TemplateCall } from './freshdesk-api';

function service(answers: (name: string, call: TemplateCall) => string): { request: RequestService; calls: { name: string; call: TemplateCall }[] } {
  const calls: { name: string; call: TemplateCall }[] = [];
  return {
    calls,
    request: {
      invokeTemplate: async (name, call) => {
        calls.push({ name, call });
        return { status: 200, response: answers(name, call) };
      },
    },
  };
}

const conversations = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: from + index, created_at: '2026-03-02T10:00:00Z' }));

describe('freshdeskApi', () => {
  test('reads conversations page by page until a page is not full', async () => {
    const { request, calls } = service((_name, call) => JSON.stringify(call.context?.['page'] === 1 ? conversations(1, 100) : conversations(101, 3)));
    await expect(freshdeskApi(request).listConversations(9)).resolves.toHaveLength(103);
    expect(calls.map((call) => call.call.context)).toEqual([
      { ticket_id: 9, page: 1 },
      { ticket_id: 9, page: 2 },
    ]);
  });

  test('an answer that is not JSON or not the expected shape is an UnexpectedAnswer', async () => {
    await expect(freshdeskApi(service(() => '<html>').request).getTicket(1)).rejects.toThrow(UnexpectedAnswer);
    await expect(freshdeskApi(service(() => '{"id":"x"}').request).getTicket(1)).rejects.toThrow('getTicket: unexpected shape');
  });

  test('writes and creates with JSON bodies', async () => {
    const { request, calls } = service((name) => (name === 'createTicketField' ? '{"id":5,"name":"cf_x1","label":"X"}' : '[]'));
    const api = freshdeskApi(request);
    await api.updateTicket(3, { tags: ['rakuten'] });
    await expect(api.listTicketFields()).resolves.toEqual([]);
    await expect(
      api.createTicketField({
        label: 'X',
        label_for_customers: 'X',
        type: 'custom_text',
        customers_can_edit: false,
        displayed_to_customers: false,
        required_for_agents: false,
        required_for_customers: false,
        required_for_closure: false,
      }),
    ).resolves.toMatchObject({ name: 'cf_x1' });
    expect(calls[0]).toEqual({ name: 'updateTicket', call: { context: { ticket_id: 3 }, body: '{"tags":["rakuten"]}' } });
  });
});
