import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, serve, type RunningServer } from '../../support/browser';
import { ZendeskApiSimulator, type PlannedAnswer, type TicketFixture } from './api-simulator';
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
  close(): Promise<void>;
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

  async function open(fixture: TicketFixture, scenario: HostScenario, planned: readonly PlannedAnswer[] = []): Promise<OpenTicket> {
    api.reset(fixture);
    api.plan(...planned);
    const context: BrowserContext = await browser.newContext({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
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
    await page.evaluate(([s, base]) => window.zafHost.start(s, base), [scenario, appServer.url] as const);
    const app = page.frameLocator('#app');

    const ticket: OpenTicket = {
      page,
      app,
      dialogs,
      async appFrame() {
        const handle = await page.waitForSelector('#app');
        const frame = await handle.contentFrame();
        if (!frame) throw new Error('The app iframe has no frame');
        return frame;
      },
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

  return {
    browser,
    api,
    open,
    async close() {
      await browser.close();
      await Promise.all([host.close(), appServer.close()]);
    },
  };
}
