/**
 * The Zendesk side of the playground: each ticket in its own instance of the tests' REST API simulator, and the
 * scenario the tests' workspace host (test/zendesk/host/host.ts) opens it with, read from the simulator's copy
 * so that what an agent saved is what the next view shows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZendeskApiSimulator, type ApiComment, type ApiUser, type TicketFixture } from '../../test/zendesk/support/api-simulator';
import { AGENT, FIELD, RAKUTEN_SERVICE, agentComment, mailComment, scenarioFor, ticketFixture } from '../../test/zendesk/support/fixtures';
import type { HostScenario } from '../../test/zendesk/support/scenario';
import type { PlaygroundSettings } from './settings';
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

/** The account's REST API: one simulator per ticket, so tickets can be added and reset one by one. */
export class ZendeskAccount {
  private readonly simulators = new Map<number, { api: ZendeskApiSimulator; users: readonly ApiUser[] }>();
  /** Answers what belongs to no one ticket (whatever the simulator knows of the account besides tickets). */
  private account = new ZendeskApiSimulator();

  add(ticket: PlaygroundTicket): void {
    const fixture = zendeskFixture(ticket);
    const api = new ZendeskApiSimulator();
    api.reset(fixture);
    this.simulators.set(ticket.id, { api, users: fixture.users });
  }

  clear(): void {
    this.simulators.clear();
    this.account = new ZendeskApiSimulator();
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
    return scenarioFor(fixture, {
      locale: settings.language === 'en' ? 'en-US' : 'de',
      settings: {
        signature: settings.signature,
        bundesland: settings.bundesland,
        saturdayIsWorkingDay: settings.saturdayIsWorkingDay,
        orderNumberFieldId: null,
        customerNameFieldId: null,
      },
    });
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
