/**
 * The app talks to Zendesk only through this small interface, so tests and local hosts can hand in anything
 * that speaks the ZAF protocol. `wrapZafClient` adapts the real SDK client (ZAFClient.init()).
 */

/** The slice of the ZAF SDK 2.0 client the app uses, typed as the SDK behaves (lib/client.js). */
export interface ZafSdkClient {
  get(paths: string[]): Promise<unknown>;
  set(path: string, value: unknown): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (payload: unknown) => unknown): void;
  request(options: Record<string, unknown>): Promise<unknown>;
}

/** Values by path; a path the framework could not read is in `failed` instead (the SDK's `errors` object). */
export interface ReadResult {
  readonly values: Readonly<Record<string, unknown>>;
  readonly failed: readonly string[];
}

export interface HttpRequest {
  readonly url: string;
  readonly type?: 'GET' | 'PUT' | 'POST';
  readonly data?: string;
}

/** Status 0: the request never got an HTTP answer (network, framework timeout). */
export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
  /** Header value by lower-case name. */
  header(name: string): string | null;
}

export interface HelpdeskClient {
  read(paths: readonly string[]): Promise<ReadResult>;
  write(path: string, value: unknown): Promise<void>;
  invoke(name: string, ...args: unknown[]): Promise<void>;
  on(event: string, handler: (payload: unknown) => void): void;
  /** The ticket.save hook: a rejected promise (with the message) cancels the save. */
  onSave(handler: () => Promise<void>): void;
  request(request: HttpRequest): Promise<HttpResponse>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerLookup(headers: unknown): (name: string) => string | null {
  const entries = isRecord(headers) ? Object.entries(headers) : [];
  return (name) => {
    const found = entries.find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found && typeof found[1] === 'string' ? found[1] : null;
  };
}

/**
 * With `httpCompleteResponse` ZAF resolves and rejects with `{status, headers, responseText, responseJSON}`,
 * so 429's Retry-After is readable; anything else (a thrown Error, a timeout) becomes status 0.
 */
function toHttpResponse(raw: unknown): HttpResponse {
  if (!isRecord(raw) || typeof raw['status'] !== 'number') return { status: 0, body: null, header: () => null };
  let body: unknown = raw['responseJSON'];
  if (body === undefined && typeof raw['responseText'] === 'string') {
    try {
      body = JSON.parse(raw['responseText']);
    } catch {
      body = raw['responseText'];
    }
  }
  return { status: raw['status'], body: body ?? null, header: headerLookup(raw['headers']) };
}

export function wrapZafClient(zaf: ZafSdkClient): HelpdeskClient {
  return {
    async read(paths) {
      // An array read never throws for one bad path: the SDK lists it under `errors`.
      const raw = await zaf.get([...paths]);
      const result = isRecord(raw) ? raw : {};
      const errors = isRecord(result['errors']) ? Object.keys(result['errors']) : [];
      const values: Record<string, unknown> = {};
      for (const path of paths) if (!errors.includes(path) && path in result) values[path] = result[path];
      return { values, failed: paths.filter((path) => !(path in values)) };
    },
    async write(path, value) {
      await zaf.set(path, value);
    },
    async invoke(name, ...args) {
      await zaf.invoke(name, ...args);
    },
    on(event, handler) {
      zaf.on(event, (payload) => {
        handler(payload);
      });
    },
    onSave(handler) {
      zaf.on('ticket.save', () => handler());
    },
    request(request) {
      const options: Record<string, unknown> = {
        url: request.url,
        type: request.type ?? 'GET',
        httpCompleteResponse: true,
        ...(request.data === undefined ? {} : { data: request.data, contentType: 'application/json' }),
      };
      return zaf.request(options).then(toHttpResponse, (failure: unknown) => toHttpResponse(failure));
    },
  };
}
