import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { serve, type RunningServer } from '../../support/browser';
import type { Scenario } from '../host/protocol';

/**
 * Serves the emulated Freshdesk page (/host/), the built app as FDK serves it (/app/, with {{{appclient}}}
 * replaced by the emulated client), the app's config for the page (/pkg/), and one scenario per test.
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
  /** Registers a scenario and returns the page URL that shows it. */
  page(scenario: Scenario): string;
  close(): Promise<void>;
}

export async function startHost(appDir: string): Promise<HostServer> {
  const scripts: Record<string, string> = {
    '/host/host-page.js': browserScript('host-page.ts'),
    '/host/fresh-client.js': browserScript('fresh-client.ts'),
  };
  const appPage = readFileSync(join(appDir, 'app/index.html'), 'utf8').replace('{{{appclient}}}', '/host/fresh-client.js');
  const scenarios = new Map<string, Scenario>();
  const server: RunningServer = await serve({ '/host/': HOST_DIR, '/app/': join(appDir, 'app'), '/pkg/': appDir }, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const script = scripts[path];
    const scenario = /^\/scenario\/([\w-]+)\.json$/.exec(path);
    if (script === undefined && path !== '/app/index.html' && !scenario) return false;
    const [type, body] =
      script !== undefined
        ? ['text/javascript; charset=utf-8', script]
        : scenario
          ? ['application/json; charset=utf-8', JSON.stringify(scenarios.get(scenario[1] ?? '') ?? null)]
          : ['text/html; charset=utf-8', appPage];
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  });
  let count = 0;
  return {
    url: server.url,
    page(scenario) {
      const id = `s${++count}`;
      scenarios.set(id, scenario);
      return `${server.url}/host/host.html?scenario=${id}`;
    },
    close: () => server.close(),
  };
}
