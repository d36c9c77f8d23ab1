import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, serve, type RunningServer } from '../../support/browser';
import { ZendeskApiSimulator, type AccountFixture, type PlannedAnswer, type TicketFixture } from './api-simulator';
import { REPO_ROOT, ensureAppBuilt, hostScriptSource, zafSdkSource } from './build';
import type { HostScenario } from './scenario';

const CDN_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test/output/screenshots');

/** One browser, the workspace host (with the API simulator on its origin) and the built app on another origin. */
export interface Testbed {
  readonly browser: Browser;
  readonly api: ZendeskApiSimulator;
  /** Opens the ticket; `planned` answers (429, 5xx, garbage) are in place before the app's first request. */
  open(fixture: TicketFixture, scenario: HostScenario, planned?: readonly PlannedAnswer[]): Promise<OpenTicket>;
  /** Opens the app's nav bar pane on this account (no ticket); `planned` answers are in place first. */
  openNavBar(account: AccountFixture, scenario: HostScenario, planned?: readonly PlannedAnswer[]): Promise<OpenNavBar>;
  close(): Promise<void>;
}

export interface OpenNavBar {
  readonly page: Page;
  readonly app: FrameLocator;
  readonly dialogs: string[];
  appFrame(): Promise<Frame>;
  /** Waits until the pane drew its setup check (or its failure notice). */
  rendered(): Promise<void>;
  /** Every request and invoke the app sent the host. */
  hostLog(): Promise<{ kind: string; detail: unknown }[]>;
  /** A picture of one part of the pane (`[data-part=…]`), or of the whole pane. */
  screenshot(name: string, part?: string): Promise<string>;
  close(): Promise<void>;
}

/** The page a location loads, as the built app's manifest names it. */
function locationUrl(appDir: string, location: 'ticket_sidebar' | 'nav_bar'): string {
  const manifest = JSON.parse(readFileSync(join(appDir, 'manifest.json'), 'utf8')) as { location: { support: Record<string, { url: string }> } };
  const entry = manifest.location.support[location];
  if (!entry) throw new Error(`The manifest has no ${location} location`);
  return entry.url;
}

export interface SaveOutcome {
  readonly outcome: 'saved' | 'cancelled';
  readonly message: string;
}

export interface OpenTicket {
  readonly page: Page;
  readonly app: FrameLocator;
  /** Every dialog any frame tried to open (a sign of injected script). */
  readonly dialogs: string[];
  appFrame(): Promise<Frame>;
  /** Waits until the sidebar drew its verdict (or its failure notice). */
  rendered(): Promise<void>;
  submit(): Promise<SaveOutcome>;
  notices(): Promise<string[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestbed(): Promise<Testbed> {
  const appDir = ensureAppBuilt();
  const sdk = zafSdkSource();
  const hostJs = hostScriptSource();
  const api = new ZendeskApiSimulator();
  const host: RunningServer = await serve({ '/': join(REPO_ROOT, 'test/zendesk/host') }, async (req, res) => {
    if (req.url === '/host.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(hostJs);
      return true;
    }
    return api.handle(req, res);
  });
  const appServer = await serve({ '/': appDir });
  const browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  async function launch(scenario: HostScenario, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
    const context: BrowserContext = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The closed network: the SDK comes from our own bundle, anything else off-loopback is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === CDN_SDK) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: sdk });
      if (url.startsWith('http://127.0.0.1:')) return route.continue();
      return route.abort('blockedbyclient');
    });
    await page.goto(`${host.url}/host.html`);
    const entryUrl = `${appServer.url}/${locationUrl(appDir, scenario.location ?? 'ticket_sidebar')}`;
    await page.evaluate(([s, entry]) => window.zafHost.start(s, entry), [scenario, entryUrl] as const);
    return { context, page, dialogs };
  }

  async function appFrameOf(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('#app');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('The app iframe has no frame');
    return frame;
  }

  async function open(fixture: TicketFixture, scenario: HostScenario, planned: readonly PlannedAnswer[] = []): Promise<OpenTicket> {
    api.reset(fixture);
    api.plan(...planned);
    const { context, page, dialogs } = await launch(scenario, { width: 960, height: 900 });
    const app = page.frameLocator('#app');

    const ticket: OpenTicket = {
      page,
      app,
      dialogs,
      appFrame: () => appFrameOf(page),
      async rendered() {
        await app.locator('[data-part="verdict"], [data-part="app-failed"]').first().waitFor({ timeout: 15_000 });
      },
      async submit() {
        await page.click('#submit');
        await page.waitForSelector('#save-result[data-outcome="saved"], #save-result[data-outcome="cancelled"]', { timeout: 30_000 });
        const result = page.locator('#save-result');
        return { outcome: (await result.getAttribute('data-outcome')) as SaveOutcome['outcome'], message: (await result.textContent()) ?? '' };
      },
      notices: () => page.locator('#notices li').allTextContents(),
      async screenshot(name) {
        const path = join(SCREENSHOT_DIR, `zendesk-${name}.png`);
        // Let the resize from the last draw land before the picture is taken.
        await page.waitForTimeout(150);
        await page.locator('#app').screenshot({ path });
        return path;
      },
      close: () => context.close(),
    };
    return ticket;
  }

  async function openNavBar(account: AccountFixture, scenario: HostScenario, planned: readonly PlannedAnswer[] = []): Promise<OpenNavBar> {
    api.reset();
    api.useAccount(account);
    api.plan(...planned);
    // Tall enough that a picture of the pane holds all of it.
    const { context, page, dialogs } = await launch({ ...scenario, location: 'nav_bar' }, { width: 1280, height: 2000 });
    const app = page.frameLocator('#app');
    return {
      page,
      app,
      dialogs,
      appFrame: () => appFrameOf(page),
      async rendered() {
        await app.locator('[data-part="setup-check"], [data-part="app-failed"]').first().waitFor({ timeout: 15_000 });
      },
      hostLog: () => page.evaluate(() => window.zafHost.log()),
      async screenshot(name, part) {
        const path = join(SCREENSHOT_DIR, `zendesk-${name}.png`);
        await page.waitForTimeout(150);
        await (part ? app.locator(`[data-part="${part}"]`) : page.locator('#app')).screenshot({ path });
        return path;
      },
      close: () => context.close(),
    };
  }

  return {
    browser,
    api,
    open,
    openNavBar,
    async close() {
      await browser.close();
      await Promise.all([host.close(), appServer.close()]);
    },
  };
}
