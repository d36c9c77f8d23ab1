import { SIDEBAR_TEXT, t, type Finding, type Locale } from '@rakuten-helpdesk/core';
import { notify, sidebarActions } from './actions';
import type { Clock, FreshworksClient } from './client';
import { registerGuards } from './guards';
import { renderSidebar, type RenderedSidebar, type SidebarActions, type ToolNav } from './render';
import { agentLocale, loadTicketContext, type TicketContext } from './ticket-context';
import { failedView, loadingView, sidebarView, type SidebarView } from './view-model';

/** The countdown shows minutes at most; a tick every 30 s keeps it right without busy work. */
const TICK_MS = 30_000;
/** Re-opening the sidebar within this long of the last read (finished or not) reads nothing new. */
const FRESH_FOR_MS = 10_000;

const NO_ACTIONS: SidebarActions = {
  copy: () => Promise.resolve(false),
  insertClosingReply: () => undefined,
  fixRecipients: () => undefined,
};

/** The setup check and the support panel are loaded only when an agent opens them: the sidebar stays small. */
export type ToolLoader = () => Promise<typeof import('./tools/tools')>;

const loadTools: ToolLoader = () => import(/* webpackChunkName: "tools" */ './tools/tools');

/**
 * Runs the ticket sidebar: reads the ticket, draws the verdict, guards replies and closes. The guards are
 * registered at once, before anything is read, so that no reply slips out while the sidebar still loads.
 */
export function startSidebar(client: FreshworksClient, root: HTMLElement, clock: Clock, tools: ToolLoader = loadTools, userAgent = ''): Promise<void> {
  let locale: Locale = 'de';
  /** While a tool is open, news about the ticket (findings, a fresh read) waits for the way back. */
  let showingTool = false;
  let lastDraw: () => void = () => undefined;
  let context: Promise<TicketContext> | null = null;
  let shown: TicketContext | null = null;
  let readAt = Number.NEGATIVE_INFINITY;
  let findings: readonly Finding[] = [];
  let drawn: RenderedSidebar | null = null;
  let firstDraw: Promise<void> | null = null;

  const nav: ToolNav = {
    open(kind) {
      showingTool = true;
      root.setAttribute('aria-busy', 'true');
      const back = () => {
        showingTool = false;
        lastDraw();
      };
      void tools()
        .then(async (module) => {
          const settings = await module.toolSettings(client);
          await module.showTool(kind, root, { client, doc: root.ownerDocument, locale, settings, userAgent }, back);
        })
        .catch(async () => {
          back();
          await notify(client, locale, 'warning', t(SIDEBAR_TEXT.appFailed, locale));
        });
    },
  };
  const draw = (view: SidebarView, actions: SidebarActions) => {
    lastDraw = () => {
      drawn = renderSidebar(root, view, locale, actions, clock.now(), nav);
    };
    if (!showingTool) lastDraw();
  };
  const drawShown = () => {
    if (shown) draw(sidebarView(shown.state, findings, locale), sidebarActions(client, root.ownerDocument, shown, locale));
  };

  const localeKnown = agentLocale(client).then((agent) => {
    locale = agent;
  });
  /** Draws once both the ticket and the agent's language are known, so the first picture is already right. */
  const load = (): Promise<TicketContext> => {
    const loading = loadTicketContext(client);
    context = loading;
    readAt = clock.now().getTime();
    const settled = Promise.all([loading, localeKnown]).then(
      ([loaded]) => {
        if (context !== loading) return;
        shown = loaded;
        drawShown();
      },
      () => {
        if (context === loading) draw(failedView(locale), NO_ACTIONS);
      },
    );
    firstDraw ??= settled;
    return loading;
  };

  registerGuards({
    client,
    locale: () => locale,
    current: () => context ?? load(),
    fresh: load,
    wait: (ms) => clock.after(ms),
    showFindings: (found) => {
      findings = found;
      drawShown();
    },
  });
  client.events.on('app.activated', () => {
    if (clock.now().getTime() - readAt > FRESH_FOR_MS) void load().catch(() => undefined);
  });
  clock.every(TICK_MS, () => drawn?.tick(clock.now()));

  draw(loadingView(locale), NO_ACTIONS);
  void load().catch(() => undefined);
  return firstDraw ?? Promise.resolve();
}
