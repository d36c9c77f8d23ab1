import type { RequestService } from '../shared/freshdesk-api';

/**
 * The part of the Freshworks front-end client (`app.initialized()` → client) the sidebar uses. Everything
 * takes the client as a parameter, so tests hand in a fake or a host page that emulates the platform.
 */
export interface EventHelper {
  getData(): unknown;
  /** Lets an intercepted action go on. */
  done(): void;
  /** Stops an intercepted action; Freshdesk shows the message to the agent. */
  fail(message: string): void;
}

export interface FreshworksEvent {
  readonly type?: string;
  readonly helper: EventHelper;
}

export type InterceptedEvent = 'ticket.sendReply' | 'ticket.closeTicketClick' | 'ticket.propertiesUpdated';

export interface FreshworksClient {
  readonly data: { get(name: 'ticket' | 'requester' | 'loggedInUser'): Promise<unknown> };
  /** The app's key-value store (`$db` on the server); the setup check reads the field names stored on install. */
  readonly db: { get(key: string): Promise<unknown> };
  readonly events: {
    on(name: 'app.activated', callback: () => void): void;
    on(name: InterceptedEvent, callback: (event: FreshworksEvent) => void, options: { intercept: true }): void;
  };
  readonly interface: { trigger(action: string, payload: Readonly<Record<string, unknown>>): Promise<unknown> };
  readonly iparams: { get(): Promise<unknown> };
  readonly request: RequestService;
}

export interface Clock {
  now(): Date;
  /** Calls `tick` every `ms` until the page goes away; the sidebar's countdown lives as long as the ticket view. */
  every(ms: number, tick: () => void): void;
  /** Resolves after `ms`: how long an intercepted action may wait for the app. */
  after(ms: number): Promise<void>;
}
