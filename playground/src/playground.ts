/**
 * The playground's HTTP server: one loopback port serving the landing page, both simulated helpdesks with the
 * built apps in them, their simulators, and the .eml upload. Nothing here talks to the outside world.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { analyzeMessage, parseSettings } from '@rakuten-helpdesk/core';
import { readEml } from '@rakuten-helpdesk/core/node';
import { FULL_PAGE, FreshdeskAccount } from './freshdesk';
import { DEFAULT_PLAYGROUND_SETTINGS, mergeSettings, parseAccountState, type AccountState, type PlaygroundSettings } from './settings';
import { FIRST_UPLOAD_ID, sampleTickets, uploadedTicket, type PlaygroundTicket } from './tickets';
import { ZENDESK_FIELD_LABELS, ZendeskAccount } from './zendesk';

/** An upload larger than this is refused before it is read to the end. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Uploaded tickets kept at most; "Reset" removes them. */
export const MAX_UPLOADS = 100;
const MAX_JSON_BYTES = 64 * 1024;
/** The script Zendesk's iframe.html loads from Zendesk's CDN; the playground serves the npm SDK instead. */
const CDN_SDK = /https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/[^"']*zaf_sdk(?:\.min)?\.js/g;
const LOCAL_SDK = '/zendesk-sdk/zaf_sdk.min.js';

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly repoRoot: string;
  /** The browser scripts `npm start` builds (playground/dist/public). */
  readonly publicDir: string;
}

export interface RunningPlayground {
  readonly port: number;
  /** http://localhost:PORT */
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Reads a request body, refusing it once it passes `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  const tooLarge = () => new HttpError(413, 'too-large', `The upload is larger than ${max} bytes.`);
  if (declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, MAX_JSON_BYTES)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not JSON.');
  }
}

/** A file under `folder`, or null when the path would leave it. */
function inside(folder: string, relative: string): string | null {
  const file = normalize(join(folder, relative));
  return file.startsWith(normalize(folder) + sep) ? file : null;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const root = options.repoRoot;
  const zendeskAppDir = join(root, 'zendesk-app/dist/app');
  const freshdeskAppDir = join(root, 'freshdesk-app/dist/app');
  const missing = [join(zendeskAppDir, 'assets/app.js'), join(freshdeskAppDir, 'app/scripts/app.js'), join(options.publicDir, 'zendesk-host.js'), join(options.publicDir, LOCAL_SDK.split('/').pop() ?? '')].filter(
    (file) => !existsSync(file),
  );
  if (missing.length > 0) throw new Error(`Not built yet: ${missing.join(', ')}. Run "npm start" (it builds first).`);

  /** A location's page as the built manifest names it (assets/iframe.html, …), read each time: a rebuild may change it. */
  async function zendeskPage(location: 'ticket_sidebar' | 'nav_bar'): Promise<string> {
    const manifest = JSON.parse(await readFile(join(zendeskAppDir, 'manifest.json'), 'utf8')) as { location?: { support?: Record<string, { url?: string }> } };
    return manifest.location?.support?.[location]?.url ?? (location === 'nav_bar' ? 'assets/setup.html' : 'assets/iframe.html');
  }

  let settings: PlaygroundSettings = DEFAULT_PLAYGROUND_SETTINGS;
  /** How both simulated accounts are set up; stays through "Reset tickets", like the settings. */
  let account: AccountState = 'healthy';
  let tickets: PlaygroundTicket[] = [];
  let nextUploadId = FIRST_UPLOAD_ID;
  const zendesk = new ZendeskAccount();
  const freshdesk = new FreshdeskAccount(freshdeskAppDir, settings);

  async function addTicket(ticket: PlaygroundTicket): Promise<void> {
    tickets.push(ticket);
    zendesk.add(ticket);
    await freshdesk.add(ticket);
  }

  async function reset(): Promise<void> {
    tickets = [];
    nextUploadId = FIRST_UPLOAD_ID;
    zendesk.clear();
    await freshdesk.reset();
    for (const ticket of await sampleTickets(root)) await addTicket(ticket);
  }
  await reset();

  const summary = (ticket: PlaygroundTicket) => ({
    id: ticket.id,
    slug: ticket.slug,
    title: ticket.title,
    hint: ticket.hint,
    subject: ticket.subject,
    source: ticket.source,
    receivedAt: ticket.thread[0]?.at ?? null,
  });
  const state = () => ({
    tickets: tickets.map(summary),
    settings,
    account,
    // What the support composers filed as tickets in each simulated helpdesk.
    supportRequests: {
      zendesk: zendesk.created().map((ticket) => ({ id: ticket.id, subject: ticket.subject })),
      freshdesk: freshdesk.created(),
    },
    freshdeskServer: freshdesk.serverProblem ?? 'running',
  });

  async function file(res: ServerResponse, path: string, transform?: (text: string) => string): Promise<boolean> {
    const body = await readFile(path).catch(() => null);
    if (!body) return false;
    sendText(res, TYPES[extname(path)] ?? 'application/octet-stream', transform ? transform(body.toString('utf8')) : body);
    return true;
  }

  async function fromFolder(res: ServerResponse, folder: string, relative: string, transform?: (text: string) => string): Promise<boolean> {
    const path = inside(folder, relative);
    return path !== null && file(res, path, transform);
  }

  const injectScript = (src: string) => (html: string) => html.replace('</body>', `    <script type="module" src="${src}"></script>\n  </body>`);

  async function upload(req: IncomingMessage, url: URL): Promise<unknown> {
    if (nextUploadId - FIRST_UPLOAD_ID >= MAX_UPLOADS) {
      throw new HttpError(429, 'too-many-uploads', `At most ${MAX_UPLOADS} uploads; press Reset to start over.`);
    }
    const bytes = await readBody(req, MAX_UPLOAD_BYTES);
    const read = await readEml(bytes, { maxBytes: MAX_UPLOAD_BYTES });
    if (!read.ok) throw new HttpError(read.error.code === 'too-large' ? 413 : 422, read.error.code, read.error.message);
    const message = read.value;
    const receivedNow = url.searchParams.get('received') === 'now' || message.receivedAt === null;
    const at = receivedNow ? new Date() : (message.receivedAt ?? new Date());
    const parsedSettings = parseSettings({ signature: settings.signature, bundesland: settings.bundesland, saturdayIsWorkingDay: settings.saturdayIsWorkingDay });
    const analysis = analyzeMessage({ ...message, receivedAt: at }, parsedSettings.ok ? { settings: parsedSettings.value } : {});
    const name = (url.searchParams.get('name') ?? '').replace(/[^\p{L}\p{N} ._()-]/gu, '').slice(0, 80);
    const ticket = uploadedTicket(nextUploadId++, message, name, at);
    await addTicket(ticket);
    return {
      ticket: summary(ticket),
      analysis: {
        kind: analysis.kind,
        orderNumber: analysis.orderNumber,
        customerName: analysis.customerName,
        closingOnly: analysis.closingOnly,
        replyTo: analysis.replyTo,
        receivedAt: analysis.receivedAt?.toISOString() ?? null,
        replyDueBy: analysis.replyDueBy?.toISOString() ?? null,
        flags: analysis.flags.map((flag) => flag.code),
      },
    };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const onlyPost = () => {
      if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', `${path} takes POST.`);
    };
    if (path === '/api/tickets') {
      sendJson(res, 200, state());
      return true;
    }
    if (path === '/api/eml') {
      onlyPost();
      sendJson(res, 201, await upload(req, url));
      return true;
    }
    if (path === '/api/reset') {
      onlyPost();
      await reset();
      sendJson(res, 200, state());
      return true;
    }
    if (path === '/api/settings') {
      onlyPost();
      const merged = mergeSettings(settings, await readJson(req));
      if (typeof merged === 'string') throw new HttpError(400, 'invalid-settings', merged);
      settings = merged;
      await freshdesk.updateSettings(settings);
      sendJson(res, 200, state());
      return true;
    }
    if (path === '/api/account') {
      if (method === 'GET') {
        sendJson(res, 200, state());
        return true;
      }
      onlyPost();
      const parsed = parseAccountState(await readJson(req));
      if ('error' in parsed) throw new HttpError(400, 'invalid-account', parsed.error);
      account = parsed.state;
      zendesk.setAccount(account);
      freshdesk.setAccount(account);
      sendJson(res, 200, state());
      return true;
    }
    if (path === '/api/zendesk/nav-bar') {
      sendJson(res, 200, { scenario: zendesk.navBarScenario(settings), subject: '', fieldLabels: {}, entryUrl: `/zendesk-app/${await zendeskPage('nav_bar')}` });
      return true;
    }
    const zendeskScenario = /^\/api\/zendesk\/scenario\/(\d+)$/.exec(path);
    if (zendeskScenario) {
      const id = Number(zendeskScenario[1]);
      const scenario = zendesk.scenario(id, settings);
      if (!scenario) throw new HttpError(404, 'no-such-ticket', `No ticket ${id}.`);
      const ticket = tickets.find((candidate) => candidate.id === id);
      sendJson(res, 200, { scenario, subject: ticket?.subject ?? '', fieldLabels: ZENDESK_FIELD_LABELS, entryUrl: `/zendesk-app/${await zendeskPage('ticket_sidebar')}` });
      return true;
    }
    const properties = /^\/api\/freshdesk\/properties\/(\d+)$/.exec(path);
    if (properties) {
      const id = Number(properties[1]);
      if (method === 'PUT') {
        const body = await readJson(req);
        const values = (body as { custom_fields?: unknown } | null)?.custom_fields;
        if (typeof values !== 'object' || values === null) throw new HttpError(400, 'invalid-fields', 'Expected {"custom_fields": {…}}.');
        const saved = await freshdesk.saveFields(id, values as Record<string, string | null>);
        sendJson(res, saved.status, saved.status === 200 ? freshdesk.properties(id) : { error: { code: 'freshdesk-refused', message: JSON.stringify(saved.body) } });
        return true;
      }
      const found = freshdesk.properties(id);
      if (!found) throw new HttpError(404, 'no-such-ticket', `No ticket ${id}.`);
      sendJson(res, 200, found);
      return true;
    }
    return false;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'bad-path', 'The path is not valid percent-encoding.');
    }
    const page = join(root, 'playground/src/page');

    // The landing page.
    if (path === '/' || path === '/index.html') return file(res, join(page, 'index.html'));
    if (path === '/playground/page.css') return file(res, join(page, 'page.css'));
    const script = /^\/playground\/([\w-]+\.js)$/.exec(path);
    if (script?.[1]) return fromFolder(res, options.publicDir, script[1]);
    if (path.startsWith('/api/v2/')) return zendesk.handle(req, res);
    if (path.startsWith('/api/')) return api(req, res, url);

    // Zendesk: the tests' workspace host, the built app (with the SDK served from here), the SDK.
    if (path === '/zendesk/host.html') return file(res, join(root, 'test/zendesk/host/host.html'), injectScript('/playground/zendesk-boot.js'));
    if (path === '/host.js') return file(res, join(options.publicDir, 'zendesk-host.js'));
    if (path === LOCAL_SDK) return file(res, join(options.publicDir, 'zaf_sdk.min.js'));
    if (path.startsWith('/zendesk-app/')) {
      const relative = path.slice('/zendesk-app/'.length);
      return fromFolder(res, zendeskAppDir, relative, relative.endsWith('.html') ? (html) => html.replace(CDN_SDK, LOCAL_SDK) : undefined);
    }

    // Freshdesk: the tests' emulated ticket page and client, the built app, one scenario per ticket.
    if (path === '/host/host.html') return file(res, join(root, 'test/freshdesk/host/host.html'), injectScript('/playground/freshdesk-boot.js'));
    if (path === '/host/host.css') return file(res, join(root, 'test/freshdesk/host/host.css'));
    if (path === '/host/host-page.js') return file(res, join(options.publicDir, 'freshdesk-host-page.js'));
    if (path === '/host/fresh-client.js') return file(res, join(options.publicDir, 'fresh-client.js'));
    const appPage = /^\/app\/(index|full-page)\.html$/.exec(path);
    if (appPage) return file(res, join(freshdeskAppDir, `app/${appPage[1]}.html`), (html) => html.replace('{{{appclient}}}', '/host/fresh-client.js'));
    if (path.startsWith('/app/')) return fromFolder(res, join(freshdeskAppDir, 'app'), path.slice('/app/'.length));
    if (path === '/pkg/manifest.json' || path === '/pkg/config/requests.json') return file(res, join(freshdeskAppDir, path.slice('/pkg/'.length)));
    // The page's request templates, run here against the simulated Freshdesk (the key stays on the server).
    const invoke = /^\/invoke\/([\w-]+)$/.exec(path);
    if (invoke && (invoke[1] === FULL_PAGE || /^\d+$/.test(invoke[1] ?? ''))) {
      if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', `${path} takes POST.`);
      const body = (await readJson(req)) as { name?: unknown; call?: unknown } | null;
      if (typeof body?.name !== 'string') throw new HttpError(400, 'invalid-invoke', 'Expected {"name": "…", "call": {…}}.');
      const call = typeof body.call === 'object' && body.call !== null ? (body.call as { context?: Record<string, unknown>; body?: string }) : {};
      sendJson(res, 200, await freshdesk.invoke(body.name, call));
      return true;
    }
    if (path === `/scenario/${FULL_PAGE}.json`) {
      sendJson(res, 200, freshdesk.fullPageScenario(settings));
      return true;
    }
    const scenario = /^\/scenario\/(\d+)\.json$/.exec(path);
    if (scenario) {
      const found = freshdesk.scenario(Number(scenario[1]), settings);
      sendJson(res, found ? 200 : 404, found ?? { error: { code: 'no-such-ticket', message: `No ticket ${scenario[1]}.` } });
      return true;
    }
    return false;
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).then(
      (answered) => {
        if (!answered && !res.headersSent) sendJson(res, 404, { error: { code: 'not-found', message: `Nothing at ${req.url ?? ''}` } });
      },
      (error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) return sendJson(res, error.status, { error: { code: error.code, message: error.message } });
        sendJson(res, 500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      },
    );
  };

  // "localhost" is 127.0.0.1 or ::1 depending on the resolver: listen on both, the same port.
  const servers: Server[] = [];
  const listen = (host: string, port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer(handler);
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  const main = await listen('127.0.0.1', options.port);
  servers.push(main);
  const { port } = main.address() as AddressInfo;
  const v6 = await listen('::1', port).catch(() => null);
  if (v6) servers.push(v6);

  return {
    port,
    url: `http://localhost:${port}`,
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
      await freshdesk.close();
    },
  };
}
