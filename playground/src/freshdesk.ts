/**
 * The Freshdesk side of the playground. The app's serverless part (server/server.js) runs in the tests' FDK
 * sandbox against the tests' loopback Freshdesk API: installed once (it creates its two ticket fields), then
 * told about every ticket as Freshdesk would (onTicketCreate, onConversationCreate), so fields, tags and due
 * dates are what the real app writes. The ticket page is the tests' emulated one (test/freshdesk/host), opened
 * with a scenario made from the simulator's copy of the ticket.
 */
import type { Scenario, ScenarioConversation } from '../../test/freshdesk/host/protocol';
import { loadServerApp, type ServerApp } from '../../test/freshdesk/support/fdk-sandbox';
import { FreshdeskSimulator, type SimConversation, type SimTicket } from '../../test/freshdesk/support/freshdesk-simulator';
import { KeyValueStore } from '../../test/freshdesk/support/kv-store';
import { asHtml } from '../../test/freshdesk/support/rakuten-mail';
import type { PlaygroundSettings } from './settings';
import type { Party, PlaygroundTicket, ThreadItem } from './tickets';

export const FRESHDESK_DOMAIN = 'mustershop.freshdesk.com';
const API_KEY = 'playground-api-key';
const HOUR = 3_600_000;
const AGENT = { name: 'Anna Agentin', email: 'anna@mustershop.de' } as const;

/** What the properties panel on the emulated page shows and edits. */
export interface FreshdeskProperties {
  readonly fields: { readonly name: string; readonly label: string; readonly value: string | null }[];
  readonly tags: readonly string[];
  readonly dueBy: string;
  readonly frDueBy: string;
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
  }

  async close(): Promise<void> {
    await this.sim?.close();
    this.sim = null;
  }

  async updateSettings(settings: PlaygroundSettings): Promise<void> {
    this.settings = settings;
    this.loadServer();
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
    const { requester, conversations, ...ticket } = structuredClone(stored);
    return {
      ticket,
      requester,
      conversations: conversations satisfies ScenarioConversation[],
      agent: { ...AGENT, language: settings.language },
      iparams: this.iparams(),
    };
  }
}
