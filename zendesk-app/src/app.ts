import {
  SIDEBAR_TEXT,
  conversationState,
  formatBerlin,
  guardReply,
  localeFrom,
  suggestClosingReply,
  t,
  type ConversationState,
  type Locale,
} from '@rakuten-helpdesk/core';
import { DRAFT_PATHS, draftFrom } from './draft';
import type { FieldIds } from './fields';
import { fillForwardFields } from './fill-fields';
import { saveGuard } from './save-guard';
import { REQUIREMENT, fieldIdsFrom, settingsFrom, type AppSettings } from './settings';
import { copyText } from './sidebar/copy';
import { el, replaceChildren } from './sidebar/dom';
import { fitFrameToContent } from './sidebar/fit-frame';
import { forwardView, type ForwardView } from './sidebar/forward-view';
import { failedView, loadingView, quietView, spoofedView } from './sidebar/quiet-views';
import { supportSection } from './sidebar/support-section';
import { APP_TEXT } from './texts';
import { threadEntries } from './thread';
import { markFirstRender, markRegistered } from './timing';
import { isRecord, type HelpdeskClient } from './zaf-client';
import { fetchThread, fetchTicket, type RestTicket } from './zendesk-api';

/** What the sidebar knows about the open ticket after reading it. */
interface Loaded {
  readonly state: ConversationState;
  readonly serverCopy: RestTicket;
}

/** Editor changes that can change the guard's findings. */
const DRAFT_EVENTS = [
  'comment.text.changed',
  'comment.type.changed',
  'ticket.requester.id.changed',
  'ticket.requester.email.changed',
  'ticket.collaborators.changed',
  'ticket.status.changed',
];
/** The thread itself changed (a new mail, the agent's own saved reply): read it again. */
const THREAD_EVENTS = ['ticket.updated', 'ticket.submit.done'];
const SAVE_TIMEOUT_MS = 8000;
const COUNTDOWN_TICK_MS = 30_000;
const TYPING_PAUSE_MS = 150;

export function startSidebar(client: HelpdeskClient, doc: Document, clock: () => Date = () => new Date()): void {
  const root = doc.getElementById('sidebar') ?? doc.body;
  const fit = fitFrameToContent(client, root);
  let locale: Locale = 'de';
  let current: Promise<Loaded> | null = null;
  let view: ForwardView | null = null;

  client.onSave(
    saveGuard({
      client,
      state: () => (current ?? Promise.reject(new Error('The ticket was not read yet'))).then((loaded) => loaded.state),
      locale: () => locale,
      timeoutMs: SAVE_TIMEOUT_MS,
    }),
  );

  function show(...children: (HTMLElement | null)[]): void {
    replaceChildren(root, ...children);
    fit();
  }

  async function refreshFindings(state: ConversationState): Promise<void> {
    if (!view || !state.isMarketplaceTicket) return;
    try {
      view.showFindings(guardReply(draftFrom(await client.read(DRAFT_PATHS)), state));
    } catch {
      // An unreadable editor is reported by the save hook, where it matters; the sidebar keeps its last word.
    }
  }

  function draw(loaded: Loaded, app: AppSettings): void {
    const { state } = loaded;
    const settingsNote = app.invalid ? el(doc, 'p', { class: 'notice notice--warning', 'data-part': 'settings-invalid' }, t(APP_TEXT.settingsInvalid, locale)) : null;
    view = null;
    if (state.kind === 'customer-forward') {
      const latest = state.latest;
      view = forwardView(doc, state, locale, {
        copy: (value) => copyText(doc, value),
        async insertClosingReply() {
          const reply = suggestClosingReply({ customerName: latest?.analysis.customerName ?? null, settings: app.settings, locale: app.settings.locale });
          await client.write('comment.type', 'publicReply');
          await client.invoke('comment.appendText', reply);
          await client.invoke('notify', t(APP_TEXT.closingInserted, locale), 'notice').catch(() => undefined);
        },
      });
      view.showCountdown(clock());
      show(view.element, settingsNote, supportSection(doc, locale));
      void refreshFindings(state);
    } else if (state.kind === 'spoofed') {
      show(spoofedView(doc, state, locale), settingsNote);
    } else {
      // Only a Rakuten notice gets the support channels; an unrelated ticket keeps its one grey line.
      show(quietView(doc, state.kind, locale), settingsNote, state.kind === 'rakuten-notice' ? supportSection(doc, locale) : null);
    }
  }

  async function start(metadata: unknown): Promise<void> {
    const app = settingsFrom(metadata);
    const basics = await client.read(['ticket.id', 'currentUser.locale', REQUIREMENT.orderNumber, REQUIREMENT.customerName]);
    locale = localeFrom(typeof basics.values['currentUser.locale'] === 'string' ? basics.values['currentUser.locale'] : null);
    const ticketId = basics.values['ticket.id'];
    if (typeof ticketId !== 'number') throw new Error('The sidebar was opened without a ticket id');
    const fieldIds = fieldIdsFrom(basics.values, metadata);

    const load = async (): Promise<Loaded> => {
      const [thread, serverCopy] = await Promise.all([fetchThread(client, ticketId), fetchTicket(client, ticketId)]);
      return { state: conversationState(threadEntries(thread, serverCopy.subject), { settings: app.settings }), serverCopy };
    };
    // The requests go out first; the loading line and the warm-up below happen while they are on their way.
    current = load();
    show(loadingView(doc, locale));
    // The first Berlin-time format loads the browser's time-zone data (~15 ms), which would otherwise hold up
    // the first draw (the unanswered list's times).
    formatBerlin(new Date(), locale);
    const loaded = await current;
    draw(loaded, app);
    markFirstRender();
    void fillFields(loaded, ticketId, fieldIds);
    listen(app, load);
  }

  async function fillFields(loaded: Loaded, ticketId: number, ids: FieldIds): Promise<void> {
    const latest = loaded.state.latest;
    if (loaded.state.kind !== 'customer-forward' || !latest) return;
    const outcome = await fillForwardFields(client, ticketId, latest, ids, loaded.serverCopy).catch(() => 'filled-in-form-only' as const);
    if (outcome === 'saved') view?.showNote(t(SIDEBAR_TEXT.fieldsSaved, locale), 'ok');
    if (outcome === 'filled-in-form-only') view?.showNote(t(APP_TEXT.fieldsNotSaved, locale), 'warning');
  }

  function listen(app: AppSettings, load: () => Promise<Loaded>): void {
    let pause: ReturnType<typeof setTimeout> | undefined;
    const onDraftChange = (): void => {
      clearTimeout(pause);
      pause = setTimeout(() => void current?.then((loaded) => refreshFindings(loaded.state)), TYPING_PAUSE_MS);
    };
    for (const event of DRAFT_EVENTS) client.on(event, onDraftChange);
    for (const event of THREAD_EVENTS) {
      client.on(event, () => {
        const reloading = load();
        reloading.then(
          (loaded) => {
            current = reloading;
            draw(loaded, app);
          },
          () => undefined,
        );
      });
    }
    setInterval(() => view?.showCountdown(clock()), COUNTDOWN_TICK_MS);
  }

  client.on('app.registered', (payload) => {
    markRegistered();
    start(isRecord(payload) ? payload['metadata'] : undefined).catch(() => {
      current = current ?? Promise.reject(new Error('The ticket could not be read'));
      current.catch(() => undefined);
      show(failedView(doc, locale));
      markFirstRender();
    });
  });
}
