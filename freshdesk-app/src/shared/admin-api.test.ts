import { adminApi } from './admin-api';
import { UnexpectedAnswer, failureStatus, type RequestService, type TemplateCall } from './freshdesk-api';

function service(answer: (name: string, call: TemplateCall) => unknown): { request: RequestService; calls: { name: string; call: TemplateCall }[] } {
  const calls: { name: string; call: TemplateCall }[] = [];
  return {
    calls,
    request: {
      invokeTemplate: async (name, call) => {
        calls.push({ name, call });
        return { status: 200, response: JSON.stringify(answer(name, call)) };
      },
    },
  };
}

const rule = { id: 1, name: 'R', active: true, actions: [{ field_name: 'send_email_to_requester', email_body: 'x' }] };

describe('adminApi', () => {
  test.each([[[rule]], [{ automation_rules: [rule] }], [{ rules: [rule] }]])('reads ticket-creation rules, bare or wrapped: %j', async (body) => {
    const rules = await adminApi(service(() => body).request).listTicketCreationRules();
    expect(rules).toEqual([{ id: 1, name: 'R', active: true, actions: [{ field_name: 'send_email_to_requester' }] }]);
  });

  test('reads spam at most three pages deep', async () => {
    const page = (from: number) => Array.from({ length: 100 }, (_, index) => ({ id: from + index, subject: 's' }));
    const { request, calls } = service((_name, call) => page(Number(call.context?.['page']) * 1000));
    await expect(adminApi(request).listSpamTickets()).resolves.toHaveLength(300);
    expect(calls.map((call) => call.call.context)).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
  });

  test('forms, a form, the agent and a new ticket', async () => {
    const { request, calls } = service((name) =>
      ({
        listTicketForms: [{ id: 3, name: 'Default', default: true }],
        getTicketForm: { id: 3, fields: [{ id: 5, name: 'cf_x' }] },
        getCurrentAgent: { id: 9, contact: { email: 'a@b.de', name: 'A' } },
        createTicket: { id: 9001, subject: 'S' },
      })[name],
    );
    const api = adminApi(request);
    await expect(api.listTicketForms()).resolves.toEqual([{ id: 3, name: 'Default', default: true }]);
    await expect(api.getTicketForm(3)).resolves.toEqual({ id: 3, fields: [{ id: 5, name: 'cf_x' }] });
    await expect(api.getCurrentAgent()).resolves.toEqual({ id: 9, contact: { email: 'a@b.de', name: 'A' } });
    const ticket = { email: 'a@b.de', subject: 'S', description: 'D', status: 2, priority: 1, tags: ['t'] } as const;
    await expect(api.createTicket(ticket)).resolves.toEqual({ id: 9001 });
    expect(calls.map((call) => [call.name, call.call])).toEqual([
      ['listTicketForms', {}],
      ['getTicketForm', { context: { form_id: 3 } }],
      ['getCurrentAgent', {}],
      ['createTicket', { body: JSON.stringify(ticket) }],
    ]);
  });

  test('an answer of the wrong shape is an UnexpectedAnswer', async () => {
    await expect(adminApi(service(() => ({ rules: 'none' })).request).listTicketCreationRules()).rejects.toThrow(UnexpectedAnswer);
  });

  test('failureStatus reads the status of a rejected template call', () => {
    expect(failureStatus({ status: 429, attempts: 3 })).toBe(429);
    expect(failureStatus(new Error('x'))).toBeNull();
    expect(failureStatus(null)).toBeNull();
  });
});
