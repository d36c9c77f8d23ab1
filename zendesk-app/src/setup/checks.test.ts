import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RetryPolicy } from '../retry';
import type { HelpdeskClient, HttpRequest, HttpResponse } from '../zaf-client';
import { FIELD_TITLE, runSetupChecks, type SetupCheckDeps } from './checks';

const NO_WAIT: RetryPolicy = { maxAttempts: 4, serverErrorDelayMs: 0, maxWaitMs: 30_000, sleep: async () => undefined };

function ok(body: unknown): HttpResponse {
  return { status: 200, body, header: () => null };
}

/** A client whose answers come from `answer(url)`; unknown URLs get a 404. */
function fakeClient(answer: (url: string) => HttpResponse | undefined): HelpdeskClient & { urls: string[] } {
  const urls: string[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used by the setup check');
  };
  return {
    urls,
    read: unused,
    write: unused,
    invoke: unused,
    on: () => undefined,
    onSave: () => undefined,
    async request(request: HttpRequest) {
      urls.push(request.url);
      return answer(request.url) ?? { status: 404, body: { error: 'RecordNotFound' }, header: () => null };
    },
  };
}

const HEALTHY: Record<string, unknown> = {
  '/api/v2/ticket_fields/11.json': { ticket_field: { id: 11, active: true } },
  '/api/v2/ticket_fields/12.json': { ticket_field: { id: 12, active: true } },
  '/api/v2/ticket_forms.json': { ticket_forms: [{ id: 1, active: true, default: true, ticket_field_ids: [11, 12] }] },
  '/api/v2/triggers/active.json?page[size]=100': { triggers: [], meta: { has_more: false } },
  '/api/v2/suspended_tickets.json?page[size]=100': { suspended_tickets: [], meta: { has_more: false } },
};

function deps(client: HelpdeskClient, overrides: Partial<SetupCheckDeps> = {}): SetupCheckDeps {
  return { client, fieldIds: { orderNumber: 11, customerName: 12 }, subdomain: 'haendler', locale: 'de', policy: NO_WAIT, ...overrides };
}

function account(changes: Record<string, unknown>): HelpdeskClient & { urls: string[] } {
  const answers = { ...HEALTHY, ...changes };
  return fakeClient((url) => (url in answers ? ok(answers[url]) : undefined));
}

describe('runSetupChecks', () => {
  test('the field titles are those requirements.json creates', () => {
    const requirements = JSON.parse(readFileSync(join(__dirname, '../../static/requirements.json'), 'utf8')) as { ticket_fields: Record<string, { title: string }> };
    expect(requirements.ticket_fields['order_number']?.title).toBe(FIELD_TITLE.orderNumber);
    expect(requirements.ticket_fields['customer_name']?.title).toBe(FIELD_TITLE.customerName);
  });

  test('a healthy account: three all-clears', async () => {
    const checks = runSetupChecks(deps(account({})));
    await expect(Promise.all([checks.fields, checks['auto-replies'], checks.spam]).then((items) => items.map((item) => item.status))).resolves.toEqual(['ok', 'ok', 'ok']);
  });

  test('an inactive field counts as missing', async () => {
    const item = await runSetupChecks(deps(account({ '/api/v2/ticket_fields/12.json': { ticket_field: { id: 12, active: false } } }))).fields;
    expect(item.status).toBe('problem');
    expect(item.detail.de).toContain('„Rakuten-Kundenname“');
  });

  test('without forms the fields count as on the form; no default form means every active one', async () => {
    await expect(runSetupChecks(deps(account({ '/api/v2/ticket_forms.json': { ticket_forms: [] } }))).fields).resolves.toMatchObject({ status: 'ok' });
    const twoForms = {
      ticket_forms: [
        { id: 1, active: true, default: false, ticket_field_ids: [11, 12] },
        { id: 2, active: true, default: false, ticket_field_ids: [11] },
      ],
    };
    const item = await runSetupChecks(deps(account({ '/api/v2/ticket_forms.json': twoForms }))).fields;
    expect(item.status).toBe('problem');
    expect(item.detail.de).toContain('„Rakuten-Kundenname“');
  });

  test('an answer that is not what Zendesk sends is an error, never an all-clear', async () => {
    const item = await runSetupChecks(deps(account({ '/api/v2/suspended_tickets.json?page[size]=100': { tickets: [] } }))).spam;
    expect(item).toMatchObject({ status: 'error', detail: { de: 'Prüfung nicht möglich: Zendesk gab eine unerwartete Antwort.', en: 'Could not check: Zendesk gave an unexpected answer.' } });
  });

  test('triggers beyond the page limit: no verdict on a part of the list', async () => {
    const client = fakeClient((url) =>
      url.startsWith('/api/v2/triggers/active.json')
        ? ok({ triggers: [], meta: { has_more: true }, links: { next: 'https://haendler.zendesk.com/api/v2/triggers/active.json?page[after]=x' } })
        : ok(HEALTHY[url]),
    );
    const item = await runSetupChecks(deps(client))['auto-replies'];
    expect(item).toMatchObject({ status: 'error', detail: { de: 'Prüfung nicht möglich: Zu viele aktive Auslöser, um alle zu lesen.' } });
    expect(client.urls.filter((url) => url.startsWith('/api/v2/triggers/'))).toHaveLength(10);
  });

  test('suspended mail beyond the page limit: Rakuten mail found still counts, none found is no all-clear', async () => {
    const endless = (email: string): HelpdeskClient =>
      fakeClient((url) =>
        url.startsWith('/api/v2/suspended_tickets.json')
          ? ok({ suspended_tickets: [{ id: 1, author: { email } }], meta: { has_more: true }, links: { next: 'https://haendler.zendesk.com/api/v2/suspended_tickets.json?page[after]=x' } })
          : ok(HEALTHY[url]),
      );
    await expect(runSetupChecks(deps(endless('spam@bulk.example'))).spam).resolves.toMatchObject({ status: 'error' });
    await expect(runSetupChecks(deps(endless('service@rakuten.de'))).spam).resolves.toMatchObject({ status: 'problem' });
  });

  test('an unknown subdomain: trigger names without links, no link to the suspended view', async () => {
    const client = account({
      '/api/v2/triggers/active.json?page[size]=100': {
        triggers: [{ id: 5, title: 'Auto-Antwort', active: true, position: 1, conditions: { all: [], any: [] }, actions: [{ field: 'notification_user', value: ['requester_id', 's', 'b'] }] }],
      },
      '/api/v2/suspended_tickets.json?page[size]=100': { suspended_tickets: [{ id: 1, author: { email: 'service@rakuten.de' } }] },
    });
    const checks = runSetupChecks(deps(client, { subdomain: null }));
    await expect(checks['auto-replies']).resolves.toMatchObject({ status: 'problem', links: [{ label: 'Auto-Antwort', url: '' }] });
    await expect(checks.spam).resolves.toMatchObject({ status: 'problem', links: [] });
  });
});
