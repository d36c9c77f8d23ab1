/**
 * The Freshdesk side of the playground. The app's serverless part (server/server.js) runs in the tests' FDK
 * sandbox against the tests' loopback Freshdesk API: installed once (it creates its two ticket fields), then
 * told about every ticket as Freshdesk would (onTicketCreate, onConversationCreate), so fields, tags and due
 * dates are what the real app writes. The ticket page is the tests' emulated one (test/freshdesk/host), opened
 * with a scenario made from the simulator's copy of the ticket. The app's request templates run here against
 * the same simulator (POST /invoke/…, as the tests' host server does), with the secure API key only on this side;
 * the thread is the page's own, so that a reply sent on it counts at once.
 */
import type { Scenario, ScenarioConversation } from '../../test/freshdesk/host/protocol';
import { loadServerApp, type ServerApp } from '../../test/freshdesk/support/fdk-sandbox';
import { FreshdeskSimulator, type SimConversation, type SimTicket } from '../../test/freshdesk/support/freshdesk-simulator';
import { KeyValueStore } from '../../test/freshdesk/support/kv-store';
import { asHtml } from '../../test/freshdesk/support/rakuten-mail';
import { templateRuntime, type TemplateInvoker } from '../../test/freshdesk/support/request-templates';
import type { AccountState, PlaygroundSettings } from './settings';
import type { Party, PlaygroundTicket, ThreadItem } from './tickets';

export const FRESHDESK_DOMAIN = 'mustershop.freshdesk.com';
const API_KEY = 'playground-api-key';
/** What the app's iparams hold once the key was revoked in Freshdesk: the simulator refuses it. */
const REVOKED_API_KEY = 'revoked-api-key';
/** The scenario and invoke id of the full-page app (tickets are named by their number). */
export const FULL_PAGE = 'full-page';
const STORED_NAMES_KEY = 'ticket-fields';
const HOUR = 3_600_000;
const AGENT = { name: 'Anna Agentin', email: 'anna@mustershop.de' } as const;

/** What the properties panel on the emulated page shows and edits. */
export interface FreshdeskProperties {
  readonly fields: { readonly name: string; readonly label: string; readonly value: string | null }[];
  readonly tags: readonly string[];
  readonly dueBy: string;
  readonly frDueBy: string;
}

/** What `POST /invoke/…` answers the emulated page: the template's answer as FDK resolves it, or its rejection. */
export interface InvokeOutcome {
  readonly ok: boolean;
  readonly answer?: unknown;
  readonly error?: unknown;
}

const hoursAgo = (hours: number): string => new Date(Date.now() - hours * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A ticket Freshdesk filed as spam, from `email`. */
function spamTicket(id: number, email: string, subject: string): SimTicket {
  return {
    id,
    subject,
    description: '<div>…</div>',
    description_text: '…',
    created_at: hoursAgo(5),
    status: 2,
    tags: [],
    custom_fields: {},
    due_by: hoursAgo(-48),
    fr_due_by: hoursAgo(-24),
    requester: { id: id + 1, email, name: email },
    conversations: [],
    spam: true,
  };
}

function mailbox(party: Party): string {
  return party.name ? `${party.name} <${party.email}>` : party.email;
}

function conversationOf(item: ThreadItem, id: number): SimConversation {
  const common = { id, body: asHtml(item.text), body_text: item.text, created_at: item.at, to_emails: [], cc_emails: [], bcc_emails: [] };
  if (item.kind === 'note') return { ...common, incoming: false, private: true, source: 2, from_email: AGENT.email };
  return { ...common, incoming: true, private: false, source: 0, from_email: mailbox(item.from) };
}

export class FreshdeskAccount {
  private sim: FreshdeskSimulator | null = null;
  private db = new KeyValueStore();
  private server: ServerApp | null = null;
  private state: AccountState = 'healthy';
  /** Runs the front end's request templates; made anew with the account (FDK counts calls per minute). */
  private invoker: TemplateInvoker | null = null;
  /** Why the serverless part is not running, when it is not. */
  serverProblem: string | null = null;

  constructor(
    private readonly appDir: string,
    private settings: PlaygroundSettings,
  ) {}

  private iparams(): Record<string, unknown> {
    return {
      domain: FRESHDESK_DOMAIN,
      shop_signature: this.settings.signature,
      bundesland: this.settings.bundesland === '' ? 'keins' : this.settings.bundesland,
      saturday_counts: this.settings.saturdayIsWorkingDay,
      rakuten_sid: this.settings.sid,
    };
  }

  private loadServer(): void {
    if (!this.sim) return;
    try {
      this.server = loadServerApp({
        appDir: this.appDir,
        iparams: { ...this.iparams(), api_key: API_KEY },
        hosts: { [FRESHDESK_DOMAIN]: this.sim.url },
        db: this.db,
        requestTimeoutMs: 5000,
        // The platform waits seconds between retries; nobody waits for that in a playground.
        retryDelayScale: 0.1,
      });
      this.serverProblem = null;
    } catch (error) {
      this.server = null;
      this.serverProblem = `server.js did not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** A fresh account: the app installed, no tickets. */
  async reset(): Promise<void> {
    await this.sim?.close();
    this.sim = new FreshdeskSimulator(API_KEY);
    await this.sim.start();
    this.db = new KeyValueStore();
    this.loadServer();
    await this.run('onAppInstallHandler', {});
    this.applyAccount();
  }

  /** Sets the account up healthy or broken; tickets and requests made so far stay. */
  setAccount(state: AccountState): void {
    this.state = state;
    this.applyAccount();
  }

  /**
   * Healthy: both fields (onAppInstall made them) on the default form, a confirmation rule that leaves Rakuten
   * out, only foreign spam. Broken: the customer-name field off the form, a rule that mails every requester,
   * two Rakuten mails in spam; broken-key also has the app's API key refused.
   */
  private applyAccount(): void {
    const sim = this.sim;
    if (!sim) return;
    const broken = this.state !== 'healthy';
    const names = sim.fields.map((field) => field.name);
    const customerName = sim.fields.find((field) => field.label === 'Rakuten-Kundenname')?.name;
    sim.forms = [{ id: 1, name: 'Default Ticket Form', title: 'Standard', default: true, fieldNames: broken ? names.filter((name) => name !== customerName) : names }];
    const confirmation = { field_name: 'send_email_to_requester', email_subject: 'Wir haben Ihre Anfrage erhalten', email_body: 'Wir melden uns.' };
    sim.creationRules = [
      {
        id: 20,
        name: 'Eingangsbestätigung (ohne Rakuten)',
        active: true,
        operator: 'AND',
        conditions: [{ match_type: 'all', properties: [{ resource_type: 'ticket', field_name: 'requester_email', operator: 'is_not', value: ['service@rakuten.de'] }] }],
        actions: [confirmation],
      },
      ...(broken ? [{ id: 21, name: 'Eingangsbestätigung an Kunden', active: true, actions: [confirmation] }] : []),
    ];
    for (const ticket of [...sim.tickets.values()]) if (ticket.spam) sim.tickets.delete(ticket.id);
    sim.addTicket(spamTicket(801, 'gewinn@lotterie-spam.example', 'Sie haben gewonnen!'));
    if (broken) {
      sim.addTicket(spamTicket(802, 'service@rakuten.de', 'Nachricht Ihres Kunden zur Bestellung 345-678-901'));
      sim.addTicket(spamTicket(803, 'noreply@mail.rakuten.com', 'Ihr Rakuten-Konto'));
    }
    this.makeInvoker();
  }

  private makeInvoker(): void {
    if (!this.sim) return;
    this.invoker = templateRuntime({
      appDir: this.appDir,
      iparams: { ...this.iparams(), api_key: this.state === 'broken-key' ? REVOKED_API_KEY : API_KEY },
      hosts: { [FRESHDESK_DOMAIN]: this.sim.url },
      requestTimeoutMs: 5000,
      retryDelayScale: 0.05,
    });
  }

  /** Runs one of the app's request templates for the page, as FDK does server-side. */
  async invoke(name: string, call: { context?: Record<string, unknown>; body?: string }): Promise<InvokeOutcome> {
    if (!this.invoker) return { ok: false, error: { status: 503, response: 'The simulated Freshdesk is not running.' } };
    try {
      const answer = await this.invoker.invokeTemplate(name, call);
      return { ok: true, answer: { status: answer.status, headers: answer.headers, response: answer.response } };
    } catch (error) {
      // A template the runtime cannot even send (a bad expression) rejects with an Error; the page gets its text.
      return { ok: false, error: error instanceof Error ? { status: 400, response: error.message } : error };
    }
  }

  /** Tickets the support composer created (POST /api/v2/tickets), oldest first. */
  created(): { id: number; subject: string }[] {
    return (this.sim?.created() ?? []).map((ticket) => ({ id: ticket.id, subject: ticket.subject }));
  }

  async close(): Promise<void> {
    await this.sim?.close();
    this.sim = null;
  }

  async updateSettings(settings: PlaygroundSettings): Promise<void> {
    this.settings = settings;
    this.loadServer();
    this.makeInvoker();
  }

  private async run(handler: string, payload: Record<string, unknown>): Promise<void> {
    if (!this.server) return;
    try {
      await this.server.invoke(handler, payload);
    } catch (error) {
      this.serverProblem = `${handler}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The ticket arrives: its first mail opens it, every later mail or note is added as Freshdesk would. */
  async add(ticket: PlaygroundTicket): Promise<void> {
    const sim = this.sim;
    const [first, ...rest] = ticket.thread;
    if (!sim || !first || first.kind !== 'mail') return;
    const createdAt = Date.parse(first.at);
    const customFields: Record<string, string | null> = Object.fromEntries(sim.fields.map((field) => [field.name, null]));
    const stored: SimTicket = {
      id: ticket.id,
      subject: ticket.subject,
      description: asHtml(first.text),
      description_text: first.text,
      created_at: first.at,
      status: 2,
      tags: [],
      custom_fields: customFields,
      // Freshdesk's default SLA until the app sets Rakuten's deadline.
      due_by: new Date(createdAt + 72 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      fr_due_by: new Date(createdAt + 24 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      requester: { id: ticket.id * 10, email: first.from.email, name: first.from.name },
      conversations: [],
    };
    sim.addTicket(stored);
    const { requester, conversations: _conversations, ...fields } = structuredClone(stored);
    await this.run('onTicketCreateHandler', { data: { ticket: { ...fields, is_description_truncated: false }, requester } });
    for (const [index, item] of rest.entries()) {
      const conversation = conversationOf(item, ticket.id * 100 + index + 1);
      stored.conversations.push(conversation);
      if (item.kind === 'mail') await this.run('onConversationCreateHandler', { data: { conversation: { ...conversation, ticket_id: ticket.id } } });
    }
  }

  properties(id: number): FreshdeskProperties | null {
    const stored = this.sim?.tickets.get(id);
    if (!stored || !this.sim) return null;
    return {
      fields: this.sim.fields.map((field) => ({ name: field.name, label: field.label, value: stored.custom_fields[field.name] ?? null })),
      tags: [...stored.tags],
      dueBy: stored.due_by,
      frDueBy: stored.fr_due_by,
    };
  }

  /** Saves edited field values through Freshdesk's API, as the ticket form does. */
  async saveFields(id: number, values: Readonly<Record<string, string | null>>): Promise<{ status: number; body: unknown }> {
    if (!this.sim) return { status: 503, body: { error: 'no account' } };
    const answer = await fetch(`${this.sim.url}/api/v2/tickets/${id}`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from(`${API_KEY}:X`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ custom_fields: values }),
    });
    return { status: answer.status, body: await answer.json().catch(() => null) };
  }

  scenario(id: number, settings: PlaygroundSettings): Scenario | null {
    const stored = this.sim?.tickets.get(id);
    if (!stored) return null;
    const { requester, conversations, spam: _spam, ...ticket } = structuredClone(stored);
    return {
      ticket,
      requester,
      conversations: conversations satisfies ScenarioConversation[],
      agent: { ...AGENT, language: settings.language },
      iparams: this.iparams(),
      db: this.storedNames(),
      api: 'simulator',
      conversationsFromPage: true,
    };
  }

  /** The full-page app (setup check, Rakuten support, request composer): no ticket, every template to Freshdesk. */
  fullPageScenario(settings: PlaygroundSettings): Scenario {
    const now = new Date().toISOString();
    return {
      location: 'full_page_app',
      ticket: { id: 0, subject: '', description: '', description_text: '', created_at: now, status: 2, tags: [], custom_fields: {}, due_by: now, fr_due_by: now },
      requester: { id: 0, email: '', name: '' },
      conversations: [],
      agent: { ...AGENT, language: settings.language },
      iparams: this.iparams(),
      db: this.storedNames(),
      api: 'simulator',
    };
  }

  /** The field names onAppInstall stored, as `client.db.get` hands them to the front end. */
  private storedNames(): Record<string, unknown> {
    const names = this.db.entries.get(STORED_NAMES_KEY);
    return names === undefined ? {} : { [STORED_NAMES_KEY]: structuredClone(names) };
  }
}
