import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * FDK's request method as the platform runs it: `$request.invokeTemplate(name, {context, body})` looks the
 * template up in config/requests.json (and in the manifest's `requests`), substitutes `<%= … %>`, sends it,
 * and resends on network errors, timeouts, 429 and 5xx up to `options.maxAttempts`, `options.retryDelay` apart.
 */

export interface TemplateSchema {
  readonly protocol?: string;
  readonly method: string;
  readonly host: string;
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
}

export interface RequestTemplate {
  readonly schema: TemplateSchema;
  readonly options?: { readonly maxAttempts?: number; readonly retryDelay?: number };
}

export interface TemplateAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly response: string;
}

/** How the platform rejects: the last answer (or a network error) and how often it tried. */
export interface TemplateFailure extends TemplateAnswer {
  readonly attempts: number;
  readonly errorSource: 'APP' | 'PLATFORM';
}

export interface TemplateRuntimeOptions {
  readonly appDir: string;
  readonly iparams: Readonly<Record<string, unknown>>;
  /** Where the harness sends a request for a host, e.g. `https://shop.freshdesk.com` → the simulator. */
  readonly hosts: Readonly<Record<string, string>>;
  /** Per attempt; the platform gives up on an answer after this long and counts it as a network error. */
  readonly requestTimeoutMs?: number;
  /** Tests may shorten `retryDelay` (1 = as the template says). */
  readonly retryDelayScale?: number;
  /** Calls per minute per app and account; the platform refuses more. */
  readonly callsPerMinute?: number;
}

export interface TemplateInvoker {
  invokeTemplate(name: string, call?: { context?: Record<string, unknown>; body?: string }): Promise<TemplateAnswer>;
  /** Every attempt sent, in order. */
  readonly attempts: { name: string; url: string; status: number }[];
}

interface Manifest {
  readonly modules: Readonly<Record<string, { readonly requests?: Readonly<Record<string, unknown>> }>>;
}

interface IparamDefinition {
  readonly secure?: boolean;
}

export function readJson<T>(appDir: string, file: string): T {
  return JSON.parse(readFileSync(join(appDir, file), 'utf8')) as T;
}

const EXPRESSION = /<%=\s*(.*?)\s*%>/g;
const REFERENCE = /^(iparam|context)\.([A-Za-z_][A-Za-z0-9_]*)$/;
const ENCODE = /^encode\((.*)\)$/;

type Place = 'host' | 'path' | 'query' | 'headers';

/** The substitution FDK does: `iparam.NAME`, `context.NAME` and `encode(…)` (base64); anything else is an error. */
export function substitute(
  text: string,
  place: Place,
  iparams: Readonly<Record<string, unknown>>,
  secure: ReadonlySet<string>,
  context: Readonly<Record<string, unknown>>,
): string {
  const value = (expression: string): string => {
    const encoded = ENCODE.exec(expression);
    if (encoded?.[1]) return Buffer.from(value(encoded[1].trim()), 'utf8').toString('base64');
    const reference = REFERENCE.exec(expression);
    if (!reference?.[1] || !reference[2]) throw new Error(`Unsupported template expression "${expression}"`);
    const [, scope, name] = reference;
    if (scope === 'iparam') {
      // Secure iparams may only go into headers, so that they never show in a URL or a log.
      if (secure.has(name) && place !== 'headers') throw new Error(`Secure iparam "${name}" used in ${place}`);
      const found = iparams[name];
      if (found === undefined || found === null) throw new Error(`iparam "${name}" is not set`);
      return String(found);
    }
    if (place === 'host') throw new Error(`context.${name} in host: only iparams may name the host`);
    const found = context[name];
    if (found === undefined || found === null) throw new Error(`context.${name} is missing`);
    return String(found);
  };
  return text.replace(EXPRESSION, (_whole, expression: string) => value(expression));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryable(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

export function templateRuntime(options: TemplateRuntimeOptions): TemplateInvoker {
  const templates = readJson<Record<string, RequestTemplate>>(options.appDir, 'config/requests.json');
  const manifest = readJson<Manifest>(options.appDir, 'manifest.json');
  const declared = new Set(Object.values(manifest.modules).flatMap((module) => Object.keys(module.requests ?? {})));
  const iparamDefinitions = readJson<Record<string, IparamDefinition>>(options.appDir, 'config/iparams.json');
  const secure = new Set(Object.entries(iparamDefinitions).filter(([, definition]) => definition.secure).map(([name]) => name));
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const attempts: TemplateInvoker['attempts'] = [];
  const sentAt: number[] = [];

  async function send(name: string, url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<TemplateAnswer> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const answer = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }), signal: abort.signal });
      const response = await answer.text();
      attempts.push({ name, url, status: answer.status });
      return { status: answer.status, headers: Object.fromEntries(answer.headers.entries()), response };
    } catch {
      attempts.push({ name, url, status: 0 });
      return { status: 0, headers: {}, response: 'Timeout or network error while processing the request.' };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    attempts,
    async invokeTemplate(name, call = {}) {
      const template = templates[name];
      if (!template || !declared.has(name)) {
        throw { status: 400, headers: {}, response: `Request template "${name}" is not defined or not declared in manifest.json`, attempts: 0, errorSource: 'APP' } satisfies TemplateFailure;
      }
      const now = Date.now();
      while (sentAt.length > 0 && now - (sentAt[0] ?? now) > 60_000) sentAt.shift();
      if (sentAt.length >= (options.callsPerMinute ?? 50)) {
        throw { status: 429, headers: {}, response: 'Rate limit exceeded', attempts: 0, errorSource: 'PLATFORM' } satisfies TemplateFailure;
      }
      sentAt.push(now);

      const { schema } = template;
      if ((schema.protocol ?? 'https') !== 'https') throw new Error(`Template "${name}": only https is allowed in production`);
      const context = call.context ?? {};
      const at = (text: string, place: Place) => substitute(text, place, options.iparams, secure, context);
      const host = at(schema.host, 'host');
      const base = options.hosts[host];
      if (!base) throw { status: 502, headers: {}, response: `Unknown host ${host}`, attempts: 1, errorSource: 'PLATFORM' } satisfies TemplateFailure;
      const query = new URLSearchParams(Object.entries(schema.query ?? {}).map(([key, value]) => [key, at(value, 'query')]));
      const url = `${base}${at(schema.path ?? '/', 'path')}${query.size > 0 ? `?${query}` : ''}`;
      const headers = Object.fromEntries(Object.entries(schema.headers ?? {}).map(([key, value]) => [key, at(value, 'headers')]));

      const maxAttempts = Math.min(Math.max(template.options?.maxAttempts ?? 1, 1), 5);
      const retryDelay = Math.min(template.options?.retryDelay ?? 0, 1500) * (options.retryDelayScale ?? 1);
      let answer: TemplateAnswer = { status: 0, headers: {}, response: '' };
      let attempt = 0;
      while (attempt < maxAttempts) {
        if (attempt > 0) await delay(retryDelay);
        attempt++;
        answer = await send(name, url, schema.method, headers, call.body);
        if (answer.status >= 200 && answer.status < 300) return answer;
        if (!retryable(answer.status)) break;
      }
      // A request that never got an answer comes back as a gateway timeout.
      throw { ...answer, status: answer.status === 0 ? 504 : answer.status, attempts: attempt, errorSource: 'APP' } satisfies TemplateFailure;
    },
  };
}
