import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve, type RunningServer } from '../../support/browser';
import type { Scenario } from '../host/protocol';
import type { TemplateInvoker } from './request-templates';

/**
 * Serves the emulated Freshdesk page (/host/), the built app as FDK serves it (/app/, with {{{appclient}}}
 * replaced by the emulated client), the app's config for the page (/pkg/), and one scenario per test. A
 * scenario with an invoker has its request templates run here (POST /invoke/<scenario>), as FDK runs them
 * server-side, against whatever the invoker points at: the loopback Freshdesk simulator.
 */

const HOST_DIR = join(__dirname, '../host');

/** The host scripts are TypeScript without runtime imports; one file each becomes one browser script. */
function browserScript(file: string): string {
  const source = readFileSync(join(HOST_DIR, file), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext },
    fileName: file,
  });
  return outputText.replace(/^export \{\};?\s*$/m, '');
}

export interface HostServer {
  readonly url: string;
  /** Registers a scenario and returns the page URL that shows it; `invoker` answers its request templates. */
  page(scenario: Scenario, invoker?: TemplateInvoker): string;
  close(): Promise<void>;
}

export async function startHost(appDir: string): Promise<HostServer> {
  const scripts: Record<string, string> = {
    '/host/host-page.js': browserScript('host-page.ts'),
    '/host/fresh-client.js': browserScript('fresh-client.ts'),
  };
  const appPages: Record<string, string> = Object.fromEntries(
    ['index.html', 'full-page.html'].map((page) => [`/app/${page}`, readFileSync(join(appDir, 'app', page), 'utf8').replace('{{{appclient}}}', '/host/fresh-client.js')]),
  );
  const scenarios = new Map<string, Scenario>();
  const invokers = new Map<string, TemplateInvoker>();
  const server: RunningServer = await serve({ '/host/': HOST_DIR, '/app/': join(appDir, 'app'), '/pkg/': appDir }, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const invoke = /^\/invoke\/([\w-]+)$/.exec(path);
    if (invoke && req.method === 'POST') return answerTemplate(req, res, invokers.get(invoke[1] ?? ''));
    const script = scripts[path];
    const appPage = appPages[path];
    const scenario = /^\/scenario\/([\w-]+)\.json$/.exec(path);
    if (script === undefined && appPage === undefined && !scenario) return false;
    const [type, body] =
      script !== undefined
        ? ['text/javascript; charset=utf-8', script]
        : scenario
          ? ['application/json; charset=utf-8', JSON.stringify(scenarios.get(scenario[1] ?? '') ?? null)]
          : ['text/html; charset=utf-8', appPage ?? ''];
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  });
  let count = 0;
  return {
    url: server.url,
    page(scenario, invoker) {
      const id = `s${++count}`;
      scenarios.set(id, scenario);
      if (invoker) invokers.set(id, invoker);
      return `${server.url}/host/host.html?scenario=${id}`;
    },
    close: () => server.close(),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** Runs one request template for the page: `{ok, answer}` as FDK resolves it, or `{ok: false, error}` as it rejects. */
async function answerTemplate(req: IncomingMessage, res: ServerResponse, invoker: TemplateInvoker | undefined): Promise<boolean> {
  const { name, call } = JSON.parse(await readBody(req)) as { name: string; call: { context?: Record<string, unknown>; body?: string } };
  let outcome: { ok: boolean; answer?: unknown; error?: unknown };
  if (!invoker) outcome = { ok: false, error: { status: 400, response: 'no simulator for this scenario' } };
  else {
    try {
      const answer = await invoker.invokeTemplate(name, call);
      outcome = { ok: true, answer: { status: answer.status, headers: answer.headers, response: answer.response } };
    } catch (error) {
      outcome = { ok: false, error };
    }
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(outcome));
  return true;
}
