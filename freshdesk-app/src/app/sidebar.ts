import { SIDEBAR_TEXT, t, type Finding, type Locale, type LocalizedText } from '@rakuten-helpdesk/core';
import { notify, sidebarActions } from './actions';
import { autoFillMissed, fillFailure, fillTicket } from './auto-fill';
import type { Clock, FreshworksClient } from './client';
import { registerGuards } from './guards';
import { renderSidebar, type RenderedSidebar, type SidebarActions, type ToolNav } from './render';
import { APP_TEXT } from './text';
import { agentLocale, loadTicketContext, type TicketContext } from './ticket-context';
import { failedView, loadingView, sidebarView, type AutoFillStatus, type SidebarView } from './view-model';

/** The countdown shows minutes at most; a tick every 30 s keeps it right without busy work. */
const TICK_MS = 30_000;
/** Re-opening the sidebar within this long of the last read (finished or not) reads nothing new. */
const FRESH_FOR_MS = 10_000;

const NO_ACTIONS: SidebarActions = {
  copy: () => Promise.resolve(false),
  insertClosingReply: () => undefined,
  fixRecipients: () => undefined,
  fillNow: () => undefined,
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
  /** When the shown ticket was read: the page's data is as old as that, however late it is drawn again. */
  let shownReadAt = new Date(Number.NaN);
  let findings: readonly Finding[] = [];
  let drawn: RenderedSidebar | null = null;
  let firstDraw: Promise<void> | null = null;
  let filling = false;
  let fillError: LocalizedText | null = null;
  /**
   * Tickets this sidebar filled, or found filled: the page's copy of the ticket does not learn about a write
   * through the API, so a read after it would offer the fill again.
   */
  const filled = new Set<number>();

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
  const autoFill = (context: TicketContext): AutoFillStatus | null =>
    !filled.has(context.ticketId) && autoFillMissed(context, shownReadAt) ? { busy: filling, error: fillError } : null;
  const drawShown = () => {
    if (!shown) return;
    const context = shown;
    draw(sidebarView(context.state, findings, locale, autoFill(context)), { ...sidebarActions(client, root.ownerDocument, context, locale), fillNow: () => fillNow(context) });
  };
  /** One write at a time, whatever is clicked; a failure leaves the ticket as it was and the button ready again. */
  const fillNow = (context: TicketContext) => {
    if (filling) return;
    filling = true;
    fillError = null;
    drawShown();
    void fillTicket(client.request, context).then(
      async (outcome) => {
        filling = false;
        filled.add(context.ticketId);
        drawShown();
        if (outcome === 'filled') void load().catch(() => undefined);
        await notify(client, locale, outcome === 'filled' ? 'success' : 'info', t(outcome === 'filled' ? APP_TEXT.filled : APP_TEXT.nothingToFill, locale));
      },
      (error: unknown) => {
        filling = false;
        fillError = fillFailure(error);
        drawShown();
      },
    );
  };

  const localeKnown = agentLocale(client).then((agent) => {
    locale = agent;
  });
  /** Draws once both the ticket and the agent's language are known, so the first picture is already right. */
  const load = (): Promise<TicketContext> => {
    const loading = loadTicketContext(client);
    const startedAt = clock.now();
    context = loading;
    readAt = startedAt.getTime();
    const settled = Promise.all([loading, localeKnown]).then(
      ([loaded]) => {
        if (context !== loading) return;
        // A failure to fill belongs to the ticket it happened on.
        if (shown?.ticketId !== loaded.ticketId) fillError = null;
        shown = loaded;
        shownReadAt = startedAt;
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
