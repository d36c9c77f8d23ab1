import type { Clock, FreshworksClient, FreshworksEvent, InterceptedEvent } from '../src/app/client';
import type { TemplateCall, TemplateResponse } from '../src/shared/freshdesk-api';
import type { Conversation } from '../src/shared/freshdesk-schemas';
import { RAKUTEN, asHtml, forwardText, type ForwardParts } from '../../test/freshdesk/support/rakuten-mail';

/** A Freshworks front-end client in memory: the ticket page's data, events, interface calls and templates. */

export type Outcome = { readonly outcome: 'done' } | { readonly outcome: 'fail'; readonly message: string };

export interface FakeTicketSpec {
  readonly text?: string;
  readonly forward?: ForwardParts;
  readonly requester?: { readonly email: string; readonly name: string };
  readonly createdAt?: string;
  readonly conversations?: Conversation[];
  readonly language?: string;
  /** What the page's ticket data carries; without them the sidebar cannot tell whether the server filled it. */
  readonly tags?: string[];
  readonly customFields?: Record<string, string | null>;
}

export class FakeClient {
  readonly values: Record<string, unknown>;
  readonly failingData = new Set<string>();
  iparamsValue: unknown = { domain: 'shop.freshdesk.com', shop_signature: 'Ihr Mustershop', bundesland: 'keins', saturday_counts: false };
  conversations: Conversation[];
  templateFailure: unknown = null;
  /** Answers templates other than listConversations; return undefined for the default answer. */
  templateRoute: ((name: string, call: TemplateCall) => TemplateResponse | Promise<TemplateResponse | undefined> | undefined) | null = null;
  readonly store = new Map<string, unknown>();
  readonly storeReads: string[] = [];
  triggerFailure: unknown = null;
  readonly templateCalls: { name: string; call: TemplateCall }[] = [];
  readonly triggers: { action: string; payload: Readonly<Record<string, unknown>> }[] = [];
  private readonly listeners = new Map<string, ((event: FreshworksEvent) => void)[]>();

  constructor(spec: FakeTicketSpec = {}) {
    const text = spec.text ?? forwardText(spec.forward);
    this.values = {
      ticket: {
        ticket: {
          id: 4711,
          subject: 'Nachricht',
          description: asHtml(text),
          description_text: text,
          created_at: spec.createdAt ?? '2026-03-02T09:00:00Z',
          status: 2,
          ...(spec.tags ? { tags: spec.tags } : {}),
          ...(spec.customFields ? { custom_fields: spec.customFields } : {}),
        },
      },
      requester: { requester: spec.requester ?? RAKUTEN },
      loggedInUser: { loggedInUser: { contact: { language: spec.language ?? 'de' } } },
    };
    this.conversations = spec.conversations ?? [];
  }

  readonly client: FreshworksClient = {
    data: {
      get: async (name) => {
        if (this.failingData.has(name)) throw { status: 500, message: 'failed' };
        return structuredClone(this.values[name]);
      },
    },
    events: {
      on: (name: string, callback: (event: FreshworksEvent) => void) => {
        this.listeners.set(name, [...(this.listeners.get(name) ?? []), callback]);
      },
    },
    interface: {
      trigger: async (action, payload) => {
        this.triggers.push({ action, payload });
        if (this.triggerFailure) throw this.triggerFailure;
        return { success: true };
      },
    },
    db: {
      get: async (key) => {
        this.storeReads.push(key);
        if (!this.store.has(key)) throw { status: 404, message: 'Record not found' };
        return structuredClone(this.store.get(key));
      },
    },
    iparams: { get: async () => this.iparamsValue },
    request: {
      invokeTemplate: async (name: string, call: TemplateCall): Promise<TemplateResponse> => {
        this.templateCalls.push({ name, call });
        if (this.templateFailure) throw this.templateFailure;
        const routed = await this.templateRoute?.(name, call);
        if (routed) return routed;
        const page = Number(call.context?.['page'] ?? 1);
        return { status: 200, response: JSON.stringify(this.conversations.slice((page - 1) * 100, page * 100)) };
      },
    },
  };

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  activate(): void {
    for (const listener of this.listeners.get('app.activated') ?? []) listener({ helper: { getData: () => ({}), done() {}, fail() {} } });
  }

  /** Fires an intercepted event and resolves with the app's verdict; `getData` may stand in for plain data. */
  intercept(name: InterceptedEvent, data: unknown = {}, getData: () => unknown = () => data): Promise<Outcome> {
    return new Promise((resolve) => {
      for (const listener of this.listeners.get(name) ?? []) {
        listener({
          type: name,
          helper: {
            getData,
            done: () => resolve({ outcome: 'done' }),
            fail: (message) => resolve({ outcome: 'fail', message }),
          },
        });
      }
    });
  }
}

export function conversation(id: number, fields: Partial<Conversation>): Conversation {
  return { id, created_at: '2026-03-02T10:00:00Z', incoming: false, private: false, source: 0, body_text: '', to_emails: [], ...fields };
}

/** A clock that stands still unless a test moves it; its waits never end unless released. */
export class FakeClock implements Clock {
  readonly ticks: (() => void)[] = [];
  private readonly waits: (() => void)[] = [];
  constructor(public current = new Date('2026-03-02T12:00:00Z')) {}
  now(): Date {
    return this.current;
  }
  every(_ms: number, tick: () => void): void {
    this.ticks.push(tick);
  }
  after(): Promise<void> {
    return new Promise((resolve) => this.waits.push(resolve));
  }
  /** Ends every pending wait, as if the time limit had passed. */
  expire(): void {
    for (const resolve of this.waits.splice(0)) resolve();
  }
}

export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
