import { wrapZafClient, type ZafSdkClient } from './zaf-client';

function sdk(overrides: Partial<ZafSdkClient>): ZafSdkClient {
  return {
    get: async () => ({ errors: {} }),
    set: async () => ({}),
    invoke: async () => ({}),
    on: () => undefined,
    request: async () => ({}),
    ...overrides,
  };
}

describe('wrapZafClient', () => {
  test('a path listed under errors is reported as failed, not as a value', async () => {
    const client = wrapZafClient(sdk({ get: async () => ({ 'ticket.id': 7, errors: { 'requirement:order_number': { message: 'nope' } } }) }));
    await expect(client.read(['ticket.id', 'requirement:order_number', 'comment.text'])).resolves.toEqual({
      values: { 'ticket.id': 7 },
      failed: ['requirement:order_number', 'comment.text'],
    });
  });

  test('complete responses keep status and headers, for success and failure alike', async () => {
    const answers = [
      Promise.resolve({ status: 200, headers: { 'Content-Type': 'application/json' }, responseJSON: { ok: true } }),
      Promise.reject({ status: 429, headers: { 'retry-after': '3' }, responseText: '{"error":"TooManyRequests"}' }),
      Promise.reject(new Error('Timeout')),
    ];
    const client = wrapZafClient(sdk({ request: () => answers.shift() ?? Promise.reject(new Error('no more')) }));
    const ok = await client.request({ url: '/api/v2/tickets/1.json' });
    expect([ok.status, ok.body, ok.header('content-type')]).toEqual([200, { ok: true }, 'application/json']);
    const limited = await client.request({ url: '/api/v2/tickets/1.json', type: 'PUT', data: '{}' });
    expect([limited.status, limited.body, limited.header('Retry-After')]).toEqual([429, { error: 'TooManyRequests' }, '3']);
    expect((await client.request({ url: '/x' })).status).toBe(0);
  });

  test('the save handler hands its promise to the SDK unchanged', async () => {
    let registered: ((payload: unknown) => unknown) | undefined;
    const client = wrapZafClient(sdk({ on: (event, handler) => void (event === 'ticket.save' && (registered = handler)) }));
    client.onSave(() => Promise.reject(new Error('Nur an service@rakuten.de')));
    await expect(registered?.(undefined)).rejects.toThrow('Nur an service@rakuten.de');
  });
});
