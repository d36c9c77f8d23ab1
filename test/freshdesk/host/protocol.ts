/**
 * What the emulated Freshdesk ticket page (host-page.ts, the parent window) offers the emulated Freshworks
 * client (fresh-client.ts, inside the app's iframe), and what a test puts on the page. Types only: both
 * scripts are transpiled one file at a time, and this file is erased from them.
 */

export interface ScenarioConversation {
  id: number;
  body: string;
  body_text: string;
  incoming: boolean;
  private: boolean;
  source: number;
  created_at: string;
  from_email: string;
  to_emails: string[];
  cc_emails: string[];
  bcc_emails: string[];
}

export interface Scenario {
  readonly ticket: {
    readonly id: number;
    readonly subject: string;
    readonly description: string;
    readonly description_text: string;
    readonly created_at: string;
    status: number;
    readonly tags: string[];
    readonly custom_fields: Record<string, string | null>;
    readonly due_by: string;
    readonly fr_due_by: string;
  };
  readonly requester: { readonly id: number; readonly email: string; readonly name: string };
  readonly conversations: ScenarioConversation[];
  readonly agent: { readonly name: string; readonly email: string; readonly language: string };
  /** Non-secure iparams, as `client.iparams.get()` returns them. */
  readonly iparams: Readonly<Record<string, unknown>>;
  /** How long Freshdesk's API takes to answer a request template (0 when not given). */
  readonly latencyMs?: number;
  /** Where Freshdesk shows the app: the ticket sidebar (default) or the full-page app. */
  readonly location?: 'ticket_sidebar' | 'full_page_app';
  /**
   * Request templates go through the host server to the loopback Freshdesk simulator, with the app's real
   * templates, retries and secure iparams; otherwise the page answers conversations from the scenario.
   */
  readonly api?: 'simulator';
  /**
   * With `api: 'simulator'`: conversations are still answered by the page, from `conversations` as they stand
   * (replies sent on the page included), while every other template goes to the simulator.
   */
  readonly conversationsFromPage?: boolean;
  /** What `client.db.get(key)` finds: the app's store as onAppInstall left it. */
  readonly db?: Readonly<Record<string, unknown>>;
  /** The app frame's height in pixels (Freshdesk grows it when the app asks; the emulation just sets it). */
  readonly frameHeight?: number;
  readonly failures?: {
    /** `client.data.get(name)` rejects for these names. */
    readonly data?: readonly string[];
    /** Every `client.request.invokeTemplate` rejects, as when Freshdesk's API is down. */
    readonly templates?: boolean;
  };
}

/** An event as the host delivers it; the client turns it into `{type, helper: {getData, done, fail}}`. */
export interface HostEvent {
  readonly type: string;
  readonly data: unknown;
  done(): void;
  fail(message: string): void;
}

export interface HostApi {
  dataGet(name: string): Promise<unknown>;
  dbGet(key: string): Promise<unknown>;
  iparams(): Promise<unknown>;
  on(event: string, callback: (event: HostEvent) => void, intercept: boolean): void;
  trigger(action: string, payload: unknown): Promise<unknown>;
  invokeTemplate(name: string, call: unknown): Promise<unknown>;
  /** Timestamps (ms since the epoch, sub-millisecond) for the registration→render measurement. */
  registered(at: number): void;
  rendered(at: number): void;
}

export interface InterceptRecord {
  readonly event: string;
  readonly outcome: 'done' | 'fail' | 'no-answer';
  readonly message?: string;
}

/** Everything a test reads back from the page. */
export interface HostLog {
  readonly notifications: { type: string; title: string; message: string }[];
  readonly intercepts: InterceptRecord[];
  readonly templateCalls: { name: string; path: string }[];
  readonly triggers: { action: string; payload: unknown }[];
  registeredAt: number | null;
  renderedAt: number | null;
}

export interface HostWindow {
  fdHost?: HostApi;
  fdLog?: HostLog;
}
