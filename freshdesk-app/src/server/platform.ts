/**
 * The FDK serverless services the app uses, typed, and looked up in this one place. Handlers take them as a
 * parameter, so that unit tests pass fakes and only `platformServices()` touches the sandbox's globals.
 */
import type { RequestService } from '../shared/freshdesk-api';

export interface SetOptions {
  readonly setIf?: 'exist' | 'not_exist';
}

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: Readonly<Record<string, unknown>>, options?: SetOptions): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** `renderData()` lets an app setup event go on; `renderData({message})` stops it and shows the message. */
export type RenderData = (error?: { readonly message: string } | null) => void;

export interface Log {
  error(line: string): void;
}

export interface Services {
  readonly request: RequestService;
  readonly db: KeyValueStore;
  readonly renderData: RenderData;
  readonly log: Log;
  readonly now: () => Date;
}

declare const $request: RequestService;
declare const $db: KeyValueStore;
declare const renderData: RenderData;

export function platformServices(): Services {
  return {
    request: $request,
    db: $db,
    renderData,
    // One line per failure, with ids and statuses only: serverless logs are no place for customer data.
    log: { error: (line) => console.error(line) },
    now: () => new Date(),
  };
}
