import type { ApiComment, ApiUser, TicketFixture } from './api-simulator';
import type { HostScenario } from './scenario';

export const RAKUTEN_SERVICE: ApiUser = { id: 200, name: 'Rakuten.de Kundenservice', email: 'service@rakuten.de', role: 'end-user' };
export const AGENT: ApiUser = { id: 1, name: 'Anna Agentin', email: 'anna@muster-shop.example', role: 'agent' };

/** Field ids the installed requirements resolve to in these tests. */
export const FIELD = { orderNumber: 360_001, customerName: 360_002 } as const;

export interface ForwardText {
  readonly orderNumber: string;
  readonly customerName: string;
  readonly message: string;
}

/** A forward worded like Rakuten's own example mail (seeds/004). */
export function rakutenForwardBody({ orderNumber, customerName, message }: ForwardText): string {
  return [
    'Hallo Muster-Shop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    '',
    'Bitte antworten Sie zur Klärung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.',
    '',
    `Bestellnummer: ${orderNumber}`,
    '',
    `Kundenname: ${customerName}`,
    '',
    `#### Weitergeleitete Nachricht des Kunden ${customerName} ####`,
    message,
    '',
    '#### Ende der weitergeleiteten Nachricht ####',
  ].join('\n');
}

function htmlOf(text: string): string {
  return `<div class="zd-comment">${text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split('\n')
    .join('<br>')}</div>`;
}

export function mailComment(id: number, options: { from: { address: string; name: string }; authorId: number; body: string; at: Date }): ApiComment {
  return {
    id,
    type: 'Comment',
    author_id: options.authorId,
    public: true,
    body: options.body,
    plain_body: options.body,
    html_body: htmlOf(options.body),
    created_at: options.at.toISOString(),
    via: { channel: 'email', source: { from: options.from, to: { address: 'support@muster-shop.zendesk.com', name: 'Muster-Shop' }, rel: null } },
  };
}

export function agentComment(id: number, options: { text: string; at: Date; public: boolean }): ApiComment {
  return {
    id,
    type: 'Comment',
    author_id: AGENT.id,
    public: options.public,
    body: options.text,
    plain_body: options.text,
    html_body: htmlOf(options.text),
    created_at: options.at.toISOString(),
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
  };
}

export function triggerComment(id: number, options: { text: string; at: Date }): ApiComment {
  return {
    id,
    type: 'Comment',
    author_id: AGENT.id,
    public: true,
    body: options.text,
    plain_body: options.text,
    html_body: htmlOf(options.text),
    created_at: options.at.toISOString(),
    via: { channel: 'rule', source: { from: {}, to: {}, rel: 'trigger' } },
  };
}

export function ticketFixture(options: {
  id: number;
  subject: string;
  requester: ApiUser;
  comments: ApiComment[];
  users?: ApiUser[];
  fieldValues?: { orderNumber?: string | null; customerName?: string | null };
}): TicketFixture {
  return {
    ticket: {
      id: options.id,
      subject: options.subject,
      status: 'open',
      requester_id: options.requester.id,
      custom_fields: [
        { id: FIELD.orderNumber, value: options.fieldValues?.orderNumber ?? null },
        { id: FIELD.customerName, value: options.fieldValues?.customerName ?? null },
      ],
      tags: [],
      updated_at: '2026-03-02T08:00:00Z',
    },
    comments: options.comments,
    users: options.users ?? [options.requester, AGENT],
  };
}

/** A genuine forward from service@rakuten.de, received `hoursAgo` hours before now. */
export function genuineForwardTicket(id: number, text: ForwardText, receivedAt: Date, extra: ApiComment[] = []): TicketFixture {
  return ticketFixture({
    id,
    subject: `Ihre Bestellung ${text.orderNumber} – Nachricht Ihres Kunden`,
    requester: RAKUTEN_SERVICE,
    comments: [mailComment(id * 10, { from: { address: 'service@rakuten.de', name: 'Rakuten.de' }, authorId: RAKUTEN_SERVICE.id, body: rakutenForwardBody(text), at: receivedAt }), ...extra],
  });
}

export function scenarioFor(fixture: TicketFixture, overrides: Partial<HostScenario> = {}): HostScenario {
  const requester = fixture.users.find((user) => user.id === fixture.ticket.requester_id) ?? RAKUTEN_SERVICE;
  const formFields: Record<string, string | null> = {};
  for (const field of fixture.ticket.custom_fields) formFields[String(field.id)] = field.value;
  return {
    ticketId: fixture.ticket.id,
    appGuid: 'b2c4e6f8-rakuten-sidebar',
    locale: 'de',
    requester,
    collaborators: [],
    status: fixture.ticket.status,
    commentType: 'publicReply',
    commentText: '',
    fields: formFields,
    requirements: { order_number: FIELD.orderNumber, customer_name: FIELD.customerName },
    settings: { signature: 'Ihr Kundenservice von Muster-Shop', bundesland: 'NW', saturdayIsWorkingDay: false, orderNumberFieldId: null, customerNameFieldId: null },
    failingPaths: [],
    ...overrides,
  };
}

export function hoursAgo(hours: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - hours * 3_600_000);
}
