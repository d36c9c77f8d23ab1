/**
 * Zendesk accounts for the setup check: a healthy one and the ways one goes wrong. Triggers are modelled on
 * Zendesk's default triggers (the same conditions and notification actions an account starts with).
 */
import type { AccountFixture, ApiSuspendedTicket, ApiTrigger } from './api-simulator';
import { AGENT, FIELD, RAKUTEN_SERVICE } from './fixtures';
import type { HostScenario } from './scenario';

export const SUBDOMAIN = 'haendler';

/** The app's own trigger from requirements.json, as Zendesk lists it once installed. */
export function rakutenTagger(id: number, position: number): ApiTrigger {
  return {
    id,
    title: 'Rakuten: weitergeleitete Kundennachrichten markieren',
    active: true,
    position,
    conditions: {
      all: [
        { field: 'update_type', operator: 'is', value: 'Create' },
        { field: 'via_id', operator: 'is', value: '4' },
        { field: 'comment_includes_word', operator: 'is', value: 'Weitergeleitete Nachricht des Kunden' },
      ],
      any: [],
    },
    actions: [{ field: 'current_tags', value: 'rakuten' }],
  };
}

/** Zendesk's default "Notify requester and CCs of received request"; `extra` conditions are the admin's. */
export function receivedRequestTrigger(id: number, position: number, extra: ApiTrigger['conditions']['all'] = [], title = 'Notify requester and CCs of received request'): ApiTrigger {
  return {
    id,
    title,
    active: true,
    position,
    conditions: {
      all: [
        { field: 'update_type', operator: 'is', value: 'Create' },
        { field: 'status', operator: 'is_not', value: 'solved' },
        { field: 'ticket_is_public', operator: 'is', value: 'public' },
        ...extra,
      ],
      any: [],
    },
    actions: [
      {
        field: 'notification_user',
        value: ['requester_and_ccs', '[{{ticket.account}}] Re: {{ticket.title}}', 'Your request ({{ticket.id}}) has been received and is being reviewed by our support staff.'],
      },
    ],
  };
}

/** Defaults that mail, but not a new mail ticket's requester: proactive tickets, comment updates, the agents. */
const HARMLESS_DEFAULTS: ApiTrigger[] = [
  {
    id: 9100,
    title: 'Notify requester of new proactive ticket',
    active: true,
    position: 19,
    conditions: {
      all: [
        { field: 'update_type', operator: 'is', value: 'Create' },
        { field: 'role', operator: 'is', value: 'agent' },
        { field: 'ticket_is_public', operator: 'is', value: 'public' },
      ],
      any: [],
    },
    actions: [{ field: 'notification_user', value: ['requester_id', '{{ticket.title}}', '{{ticket.comments_formatted}}'] }],
  },
  {
    id: 9101,
    title: 'Notify requester and CCs of comment update',
    active: true,
    position: 20,
    conditions: {
      all: [
        { field: 'update_type', operator: 'is', value: 'Change' },
        { field: 'comment_is_public', operator: 'is', value: 'requester_can_see_comment' },
      ],
      any: [],
    },
    actions: [{ field: 'notification_user', value: ['requester_and_ccs', '[{{ticket.account}}] Re: {{ticket.title}}', '{{ticket.comments_formatted}}'] }],
  },
  {
    id: 9102,
    title: 'Notify all agents of received request',
    active: true,
    position: 21,
    conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
    actions: [{ field: 'notification_user', value: ['all_agents', '[{{ticket.account}}] {{ticket.title}}', 'A ticket (#{{ticket.id}}) by {{ticket.requester.name}} has been received.'] }],
  },
];

export function suspended(id: number, email: string, subject: string, cause = 'Detected as spam'): ApiSuspendedTicket {
  return {
    id,
    subject,
    author: { id: null, name: email.split('@')[0] ?? email, email },
    recipient: 'support@muster-shop.zendesk.com',
    cause,
    cause_id: cause === 'Detected as spam' ? 0 : 13,
    created_at: '2026-03-02T08:00:00Z',
  };
}

/** Everything set up: both fields on the default form, the tagger above an excluding auto-reply, no Rakuten spam. */
export function healthyAccount(): AccountFixture {
  return {
    ticketFields: [
      { id: FIELD.orderNumber, type: 'text', title: 'Rakuten-Bestellnummer', active: true },
      { id: FIELD.customerName, type: 'text', title: 'Rakuten-Kundenname', active: true },
    ],
    ticketForms: [
      { id: 7001, name: 'Standard-Ticketformular', active: true, default: true, ticket_field_ids: [1, 2, 3, FIELD.orderNumber, FIELD.customerName] },
      { id: 7002, name: 'Alte Reklamationen', active: false, default: false, ticket_field_ids: [1, 2, 3] },
    ],
    triggers: [
      rakutenTagger(9001, 1),
      receivedRequestTrigger(9002, 2, [{ field: 'current_tags', operator: 'not_includes', value: 'rakuten' }]),
      {
        ...receivedRequestTrigger(9003, 3, [{ field: 'requester_id', operator: 'is_not', value: String(RAKUTEN_SERVICE.id) }], 'Eingangsbestätigung außerhalb der Geschäftszeiten'),
      },
      { ...receivedRequestTrigger(9004, 4, [], 'Alte Eingangsbestätigung (inaktiv)'), active: false },
      ...HARMLESS_DEFAULTS,
    ],
    suspendedTickets: [suspended(8001, 'gewinn@lotterie-spam.example', 'Sie haben gewonnen!')],
    users: [RAKUTEN_SERVICE, AGENT],
  };
}

/** The account with everything wrong that the check can find. */
export function brokenAccount(): AccountFixture {
  const account = healthyAccount();
  return {
    ...account,
    ticketFields: account.ticketFields.filter((field) => field.id !== FIELD.orderNumber),
    triggers: [
      // Zendesk's default as shipped: nothing keeps Rakuten out.
      receivedRequestTrigger(9002, 1),
      // Keeps tagged tickets out, but runs before the app's tagger has tagged anything.
      receivedRequestTrigger(9005, 2, [{ field: 'current_tags', operator: 'not_includes', value: 'rakuten' }], '<img src=x onerror=alert(1)> Auto-Antwort'),
      rakutenTagger(9001, 3),
      // These three are fine: Rakuten excluded by requester, on updates only, or inactive.
      ...account.triggers.filter((trigger) => trigger.id !== 9001 && trigger.id !== 9002),
    ],
    suspendedTickets: [
      ...account.suspendedTickets,
      suspended(8002, 'service@rakuten.de', 'Ihre Bestellung 123-456-789 – Nachricht Ihres Kunden'),
      suspended(8003, 'newsletter@news.rakuten.com', 'Neuigkeiten für Händler', 'Email is from a blocklisted sender or domain'),
      // A look-alike is not Rakuten's mail.
      suspended(8004, 'service@rakuten-de.support', 'Ihre Bestellung 999-999-999'),
    ],
  };
}

/** The nav bar pane for an admin of the account (the ticket fields of the scenario are unused there). */
export function navBarScenario(overrides: Partial<HostScenario> = {}): HostScenario {
  return {
    location: 'nav_bar',
    ticketId: 0,
    appGuid: 'd4e6f8a0-rakuten-nav-bar',
    locale: 'de',
    requester: AGENT,
    collaborators: [],
    status: 'open',
    commentType: 'publicReply',
    commentText: '',
    fields: {},
    requirements: { order_number: FIELD.orderNumber, customer_name: FIELD.customerName },
    settings: { signature: 'Muster-Shop', bundesland: 'NW', saturdayIsWorkingDay: false, orderNumberFieldId: null, customerNameFieldId: null, sid: '3456789' },
    failingPaths: [],
    ...overrides,
  };
}
