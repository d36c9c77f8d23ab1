/**
 * The Zendesk side of the playground: each ticket in its own instance of the tests' REST API simulator, and the
 * scenario the tests' workspace host (test/zendesk/host/host.ts) opens it with, read from the simulator's copy
 * so that what an agent saved is what the next view shows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brokenAccount, healthyAccount, navBarScenario } from '../../test/zendesk/support/account-fixtures';
import { ZendeskApiSimulator, type AccountFixture, type ApiComment, type ApiUser, type CreatedTicket, type TicketFixture } from '../../test/zendesk/support/api-simulator';
import { AGENT, FIELD, RAKUTEN_SERVICE, agentComment, mailComment, scenarioFor, ticketFixture } from '../../test/zendesk/support/fixtures';
import type { HostScenario } from '../../test/zendesk/support/scenario';
import type { AccountState, PlaygroundSettings } from './settings';
import type { PlaygroundTicket } from './tickets';

/** Labels for the two custom fields the host draws (it only knows their ids). */
export const ZENDESK_FIELD_LABELS: Readonly<Record<string, string>> = {
  [String(FIELD.orderNumber)]: 'Rakuten-Bestellnummer',
  [String(FIELD.customerName)]: 'Rakuten-Kundenname',
};

/** One user per sender address; Rakuten's is the tests' well-known user. */
function usersOf(ticket: PlaygroundTicket): Map<string, ApiUser> {
  const users = new Map<string, ApiUser>();
  for (const item of ticket.thread) {
    if (item.kind !== 'mail') continue;
    const key = item.from.email.toLowerCase();
    if (users.has(key)) continue;
    users.set(
      key,
      key === RAKUTEN_SERVICE.email
        ? RAKUTEN_SERVICE
        : { id: 300 + users.size, name: item.from.name || item.from.email || 'Unbekannt', email: item.from.email || null, role: 'end-user' },
    );
  }
  return users;
}

export function zendeskFixture(ticket: PlaygroundTicket): TicketFixture {
  const users = usersOf(ticket);
  const comments: ApiComment[] = ticket.thread.map((item, index) => {
    const id = ticket.id * 100 + index;
    const at = new Date(item.at);
    if (item.kind === 'note') return agentComment(id, { text: item.text, at, public: false });
    const author = users.get(item.from.email.toLowerCase()) ?? RAKUTEN_SERVICE;
    return mailComment(id, { from: { address: item.from.email, name: item.from.name }, authorId: author.id, body: item.text, at });
  });
  const requester = [...users.values()][0] ?? RAKUTEN_SERVICE;
  return ticketFixture({ id: ticket.id, subject: ticket.subject, requester, comments, users: [...users.values(), AGENT] });
}

/** The tests' healthy and broken accounts (fields and forms, triggers, suspended tickets) for the nav bar's setup check. */
export function zendeskAccountFixture(state: AccountState): AccountFixture {
  if (state === 'healthy') return healthyAccount();
  const broken = brokenAccount();
  // The tests name one trigger with markup, to show it comes out as text; a visitor gets a plain name.
  const triggers = broken.triggers.map((trigger) => (trigger.id === 9005 ? { ...trigger, title: 'Eingangsbestätigung (außer Rakuten-Tag)' } : trigger));
  return { ...broken, triggers };
}

function appSettings(settings: PlaygroundSettings): Record<string, unknown> {
  return {
    signature: settings.signature,
    bundesland: settings.bundesland,
    saturdayIsWorkingDay: settings.saturdayIsWorkingDay,
    orderNumberFieldId: null,
    customerNameFieldId: null,
    sid: settings.sid,
  };
}

const locale = (settings: PlaygroundSettings): string => (settings.language === 'en' ? 'en-US' : 'de');

/** The account's REST API: one simulator per ticket, so tickets can be added and reset one by one. */
export class ZendeskAccount {
  private readonly simulators = new Map<number, { api: ZendeskApiSimulator; users: readonly ApiUser[] }>();
  /** Answers what belongs to no one ticket (whatever the simulator knows of the account besides tickets). */
  private account = new ZendeskApiSimulator();
  private state: AccountState = 'healthy';

  constructor() {
    this.account.useAccount(zendeskAccountFixture(this.state));
  }

  /** Sets the account up healthy or broken; tickets and requests made so far stay. */
  setAccount(state: AccountState): void {
    this.state = state;
    this.account.useAccount(zendeskAccountFixture(state));
  }

  /** Tickets the nav bar's composer created (POST /api/v2/tickets.json), oldest first. */
  created(): readonly CreatedTicket[] {
    return this.account.created;
  }

  add(ticket: PlaygroundTicket): void {
    const fixture = zendeskFixture(ticket);
    const api = new ZendeskApiSimulator();
    api.reset(fixture);
    this.simulators.set(ticket.id, { api, users: fixture.users });
  }

  clear(): void {
    this.simulators.clear();
    this.account = new ZendeskApiSimulator();
    this.account.useAccount(zendeskAccountFixture(this.state));
  }

  /** The ticket as the simulator holds it now (fields and status as last saved). */
  current(id: number): TicketFixture | null {
    const entry = this.simulators.get(id);
    if (!entry) return null;
    return { ticket: entry.api.ticket(id), comments: [...entry.api.comments(id)], users: [...entry.users] };
  }

  scenario(id: number, settings: PlaygroundSettings): HostScenario | null {
    const fixture = this.current(id);
    if (!fixture) return null;
    return scenarioFor(fixture, { locale: locale(settings), settings: appSettings(settings) });
  }

  /** The app's nav bar pane (setup check, Rakuten support, request composer) for an admin of this account. */
  navBarScenario(settings: PlaygroundSettings): HostScenario {
    return navBarScenario({ locale: locale(settings), settings: appSettings(settings) });
  }

  /** Answers /api/v2/tickets/{id}… from that ticket's simulator, the rest of /api/v2/ from the account's. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith('/api/v2/')) return false;
    const id = /^\/api\/v2\/tickets\/(\d+)[/.]/.exec(path)?.[1];
    const api = id === undefined ? this.account : (this.simulators.get(Number(id))?.api ?? this.account);
    return api.handle(req, res);
  }
}
