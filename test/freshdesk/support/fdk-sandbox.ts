import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';
import { KeyValueStore } from './kv-store';
import { readJson, templateRuntime, type TemplateInvoker, type TemplateRuntimeOptions } from './request-templates';

/**
 * Runs the built server/server.js as FDK does: evaluated as a script in a fresh V8 context whose globals are
 * `exports` (which the script assigns), `$request`, `$db`, `renderData` and `console`, and nothing else: no
 * `require`, no `setTimeout`/`setInterval`, no Node globals. A handler runs until its promise settles (product
 * events) or until it calls `renderData` (app setup events), within the platform's time limit.
 */

export interface RenderDataCall {
  readonly error: unknown;
  readonly data: unknown;
}

export interface SandboxOptions extends Omit<TemplateRuntimeOptions, 'appDir'> {
  readonly appDir: string;
  /** FDK gives a handler 20 s (40 s with longer request timeouts). */
  readonly handlerTimeoutMs?: number;
  readonly db?: KeyValueStore;
}

export interface ServerApp {
  readonly handlers: Readonly<Record<string, unknown>>;
  readonly db: KeyValueStore;
  readonly request: TemplateInvoker;
  readonly logs: string[];
  readonly renderData: RenderDataCall[];
  /** Globals the script itself defined besides `exports` (its bundle variable, zod's registry). */
  readonly leakedGlobals: string[];
  /** Calls a handler with a payload as FDK does, with the installation's iparams added. */
  invoke(handler: string, payload: Readonly<Record<string, unknown>>): Promise<void>;
}

interface Manifest {
  readonly modules: Readonly<Record<string, { readonly events?: Readonly<Record<string, { readonly handler: string }>> }>>;
}

/** Events whose handler must answer with renderData: the platform waits for it, not for the promise. */
const SETUP_EVENTS = new Set(['onAppInstall', 'afterAppUpdate', 'onAppUninstall']);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(`${what} failed: ${JSON.stringify(error)}`));
      },
    );
  });
}

export function loadServerApp(options: SandboxOptions): ServerApp {
  const db = options.db ?? new KeyValueStore();
  const request = templateRuntime(options);
  const logs: string[] = [];
  const renderData: RenderDataCall[] = [];
  let onRenderData: ((call: RenderDataCall) => void) | null = null;
  const line = (level: string) => (...args: unknown[]) => logs.push(`${level}: ${args.map(String).join(' ')}`);
  const sandbox: Record<string, unknown> = {
    exports: {},
    console: { log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') },
    $request: { invokeTemplate: request.invokeTemplate.bind(request) },
    $db: { get: db.get.bind(db), set: db.set.bind(db), delete: db.delete.bind(db) },
    renderData: (error: unknown = null, data: unknown = null) => {
      const call = { error, data };
      renderData.push(call);
      onRenderData?.(call);
    },
  };
  const before = new Set(Object.keys(sandbox));
  const context = createContext(sandbox);
  new Script(readFileSync(join(options.appDir, 'server/server.js'), 'utf8'), { filename: 'server.js' }).runInContext(context, { timeout: 5000 });
  const handlers = sandbox['exports'] as Record<string, unknown>;

  const manifest = readJson<Manifest>(options.appDir, 'manifest.json');
  const eventOf = new Map(
    Object.values(manifest.modules).flatMap((module) => Object.entries(module.events ?? {}).map(([event, { handler }]) => [handler, event] as const)),
  );

  return {
    handlers,
    db,
    request,
    logs,
    renderData,
    leakedGlobals: Object.keys(sandbox).filter((key) => !before.has(key)),
    async invoke(handler, payload) {
      const run = handlers[handler];
      if (typeof run !== 'function') throw new Error(`server.js exports no function "${handler}"`);
      const event = eventOf.get(handler) ?? 'unknown';
      const args = JSON.parse(JSON.stringify({ ...payload, event, iparams: options.iparams })) as unknown;
      const limit = options.handlerTimeoutMs ?? 20_000;
      if (SETUP_EVENTS.has(event)) {
        const answered = new Promise<RenderDataCall>((resolve) => (onRenderData = resolve));
        const result: unknown = run(args);
        // A rejected promise without renderData leaves the platform waiting: the timeout below reports it.
        if (typeof result === 'object' && result !== null && 'catch' in result && typeof result.catch === 'function') result.catch(() => undefined);
        const call = await withTimeout(answered, limit, `${handler} (renderData)`);
        onRenderData = null;
        if (call.error !== null && call.error !== undefined) throw new Error(`renderData failed: ${JSON.stringify(call.error)}`);
        return;
      }
      await withTimeout(Promise.resolve(run(args)), limit, handler);
    },
  };
}
