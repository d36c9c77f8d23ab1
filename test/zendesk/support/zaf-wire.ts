/**
 * The ZAF 2.0 postMessage protocol as the SDK (zendesk_app_framework_sdk/lib/client.js) speaks it.
 * Every message is a JSON string; app → host messages carry the app's guid.
 */

interface FromApp {
  readonly appGuid: string;
  readonly instanceGuid?: string;
}

export interface ZafRequestOptions {
  readonly url: string;
  readonly type?: string;
  readonly data?: string;
  readonly contentType?: string;
  readonly httpCompleteResponse?: boolean;
}

/** App → host. */
export type AppMessage =
  | (FromApp & { readonly key: 'iframe.handshake'; readonly message: { readonly version: string } })
  | (FromApp & { readonly id: number; readonly request: 'get'; readonly params: readonly string[] })
  | (FromApp & { readonly id: number; readonly request: 'set'; readonly params: Readonly<Record<string, unknown>> })
  | (FromApp & { readonly id: number; readonly request: 'invoke'; readonly params: Readonly<Record<string, readonly unknown[]>> })
  | (FromApp & { readonly key: `iframe.on:${string}` | `iframe.off:${string}`; readonly message: { readonly subscriberCount: number } })
  | (FromApp & { readonly key: `request:${number}`; readonly message: ZafRequestOptions })
  | (FromApp & { readonly key: `iframe.reply:${string}`; readonly error?: { readonly msg: unknown } });

/** How a path that could not be read is reported inside a result's `errors`. */
export interface ZafPathError {
  readonly name: string;
  readonly message: string;
  readonly path?: string;
}

export interface ZafContext {
  readonly product: 'support';
  readonly location: 'ticket_sidebar' | 'nav_bar';
  /** Only where a ticket is open. */
  readonly ticketId?: number;
  readonly instanceGuid: string;
  readonly account: { readonly subdomain: string };
}

export interface ZafMetadata {
  readonly appId: number;
  readonly installationId: number;
  readonly name: string;
  readonly version: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** `[data, textStatus, xhr]` on success, `[xhr, textStatus, error]` on failure, as jQuery would call back. */
export type ResponseArgs = readonly unknown[];

/** Host → app. */
export type HostMessage =
  | { readonly key: 'zaf.app.registered'; readonly message: { readonly context: ZafContext; readonly metadata: ZafMetadata } }
  | { readonly id: number; readonly result: Readonly<Record<string, unknown>> & { readonly errors: Readonly<Record<string, ZafPathError>> } }
  | { readonly key: `zaf.request:${number}.done` | `zaf.request:${number}.fail`; readonly message: { readonly responseArgs: ResponseArgs } }
  | { readonly key: `zaf.${string}`; readonly needsReply: true }
  | { readonly key: `zaf.${string}`; readonly message?: unknown };
