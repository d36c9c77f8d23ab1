import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator } from 'playwright-core';

/** Debian's Chromium; the test tools cannot download their own browsers here. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the networking flags Chromium keeps dialling out, which this closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * A loopback server: `mounts` maps URL prefixes to folders; `handler` may answer a request first
 * (return true when it did).
 */
export async function serve(mounts: Readonly<Record<string, string>>, handler?: Handler): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (handler && (await handler(req, res))) return;
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        for (const [prefix, folder] of Object.entries(mounts)) {
          if (!path.startsWith(prefix)) continue;
          const file = normalize(join(folder, path.slice(prefix.length)));
          if (!file.startsWith(normalize(folder) + sep) && file !== normalize(folder)) break;
          const body = await readFile(file).catch(() => null);
          if (!body) continue;
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
          res.end(body);
          return;
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Assertions on an element's text that wait for the app to settle, the way a
 * person waits for a status line after a click: the text is read again until
 * the assertion holds or `timeoutMs` passes, and then the last failure is
 * thrown. Reading once right after an action races with the app's own
 * asynchronous work (clipboard, API calls, timers).
 */
export function expectText(locator: Locator, timeoutMs = 5000) {
  const settle = async (check: (text: string) => void): Promise<void> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = (await locator.textContent()) ?? '';
      try {
        check(text);
        return;
      } catch (failure) {
        if (Date.now() > until) throw failure;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    toBe: (expected: string) => settle((text) => expect(text).toBe(expected)),
    toContain: (expected: string) => settle((text) => expect(text).toContain(expected)),
    toMatch: (expected: RegExp | string) => settle((text) => expect(text).toMatch(expected)),
    not: {
      toContain: (expected: string) => settle((text) => expect(text).not.toContain(expected)),
    },
  };
}
