/**
 * The landing page: a ticket picker, the two simulated helpdesks in tabs, the apps' admin views (setup check,
 * Rakuten support) with the simulated account healthy or broken, the .eml upload and the settings.
 * Deep links: #zendesk/genuine-question, #freshdesk/spoof, #zendesk/setup, …
 */

type View = 'zendesk' | 'freshdesk';

interface TicketSummary {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly hint: string;
  readonly subject: string;
  readonly source: string;
}

interface Settings {
  readonly signature: string;
  readonly bundesland: string;
  readonly saturdayIsWorkingDay: boolean;
  readonly language: 'de' | 'en';
  readonly sid: string;
}

type AccountState = 'healthy' | 'broken' | 'broken-key';

interface FiledRequest {
  readonly id: number;
  readonly subject: string;
}

interface State {
  readonly tickets: TicketSummary[];
  readonly settings: Settings;
  readonly account: AccountState;
  /** Tickets the support composers created in each simulated helpdesk. */
  readonly supportRequests: Readonly<Record<View, readonly FiledRequest[]>>;
  /** 'running', or why the Freshdesk app's serverless part did not run (then its fields stay empty). */
  readonly freshdeskServer: string;
}

interface UploadAnswer {
  readonly ticket?: TicketSummary;
  readonly analysis?: { kind: string; orderNumber: string | null; customerName: string | null; replyDueBy: string | null };
  readonly error?: { code: string; message: string };
}

const VIEW_HINT: Readonly<Record<View, string>> = {
  zendesk:
    'Zendesk: edit Requester / CCs, switch Comment type between public reply and internal note, set Status, then Submit. The app\'s save hook lets the save through or cancels it with its reason. The two Rakuten fields are the app\'s; edit one and Submit, then "Reload ticket".',
  freshdesk:
    'Freshdesk: "Antworten" opens the editor (An / CC / BCC), "Senden" sends; "Schließen" closes, the status list with "Aktualisieren" resolves. The app intercepts each. Properties were filled by the app\'s serverless part; edit one, save, "Reload ticket".',
};

/** The admin views: what they are and what to try. */
const SETUP_TITLE: Readonly<Record<View, string>> = {
  zendesk: 'Zendesk: Einrichtung & Support',
  freshdesk: 'Freshdesk: Einrichtung & Support',
};

const SETUP_HINT: Readonly<Record<View, string>> = {
  zendesk:
    'The app\'s nav bar pane, as an admin opens it from Zendesk\'s left bar: the setup check reads the simulated account (ticket fields and forms, active triggers, suspended tickets). Switch "Simulated account" to broken and every check names its problem. The composer drafts a request to Rakuten with the SID, browser and system; copy it, or create it as a ticket in the simulated Zendesk.',
  freshdesk:
    'The app\'s full-page app, as Freshdesk shows it under Apps: the setup check runs the app\'s request templates against the simulated Freshdesk (API key, ticket fields and form, ticket-creation rules, spam). The same check and support panel are in the sidebar of every ticket. Switch "Simulated account" to broken, or to a revoked API key; the composer\'s "Als neues Ticket anlegen" files the request in the simulated Freshdesk.',
};

const SETUP_SOURCE: Readonly<Record<View, string>> = {
  zendesk: 'zendesk-app/dist/app/assets/setup.html (location nav_bar), the simulated account from test/zendesk/support/account-fixtures.ts',
  freshdesk: 'freshdesk-app/dist/app/app/full-page.html (location full_page_app), request templates from config/requests.json',
};

/** The height a view has unless it is fitted to an admin view's content. */
const VIEW_HEIGHT = 860;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element as T;
}

const ui = {
  tickets: byId<HTMLOListElement>('tickets'),
  title: byId('ticket-title'),
  hint: byId('ticket-hint'),
  viewHint: byId('view-hint'),
  source: byId('ticket-source'),
  serverNote: byId('server-note'),
  frames: { zendesk: byId<HTMLIFrameElement>('zendesk-view'), freshdesk: byId<HTMLIFrameElement>('freshdesk-view') } as Record<View, HTMLIFrameElement>,
  tabs: { zendesk: byId<HTMLButtonElement>('tab-zendesk'), freshdesk: byId<HTMLButtonElement>('tab-freshdesk') } as Record<View, HTMLButtonElement>,
  reload: byId<HTMLButtonElement>('reload-view'),
  upload: byId<HTMLInputElement>('eml-input'),
  receivedNow: byId<HTMLInputElement>('received-now'),
  uploadResult: byId<HTMLParagraphElement>('upload-result'),
  dropZone: byId('drop-zone'),
  settings: byId<HTMLFormElement>('settings'),
  reset: byId<HTMLButtonElement>('reset'),
  setupViews: byId<HTMLOListElement>('setup-views'),
  account: byId<HTMLSelectElement>('account-state'),
  requests: byId<HTMLParagraphElement>('support-requests'),
};

let tickets: TicketSummary[] = [];
let current: TicketSummary | null = null;
/** The admin view instead of a ticket: in the Zendesk tab the nav bar pane, in the Freshdesk tab the full-page app. */
let setupShown = false;
let view: View = 'zendesk';
/** What each view shows ('setup' or a ticket id), so a tab switch only reloads when it must. */
const shown: Record<View, string | null> = { zendesk: null, freshdesk: null };

function shownKey(): string | null {
  if (setupShown) return 'setup';
  return current ? String(current.id) : null;
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const answer = await fetch(url, init);
  return (await answer.json()) as T;
}

function viewUrl(which: View): string | null {
  // The stamp makes every load a new document, as opening the ticket again in a helpdesk would.
  const stamp = Date.now();
  if (setupShown) return which === 'zendesk' ? `/zendesk/host.html?location=nav_bar&v=${stamp}` : `/host/host.html?scenario=full-page&v=${stamp}`;
  if (!current) return null;
  return which === 'zendesk' ? `/zendesk/host.html?ticket=${current.id}&v=${stamp}` : `/host/host.html?scenario=${current.id}&v=${stamp}`;
}

function load(which: View): void {
  const url = viewUrl(which);
  if (!url) return;
  shown[which] = shownKey();
  ui.frames[which].style.height = '';
  ui.frames[which].src = url;
}

/** The title, hints and picker marks for what is selected in which tab. */
function describe(): void {
  if (setupShown) {
    ui.title.textContent = SETUP_TITLE[view];
    ui.hint.textContent = SETUP_HINT[view];
    ui.viewHint.textContent = '';
    ui.source.textContent = SETUP_SOURCE[view];
  } else if (current) {
    ui.title.textContent = `#${current.id} ${current.title}`;
    ui.hint.textContent = current.hint;
    ui.viewHint.textContent = VIEW_HINT[view];
    ui.source.textContent = current.source;
  }
  ui.reload.textContent = setupShown ? 'Reload view' : 'Reload ticket';
  for (const button of ui.tickets.querySelectorAll<HTMLButtonElement>('button')) {
    button.setAttribute('aria-current', String(!setupShown && button.dataset['ticketId'] === String(current?.id)));
  }
  for (const button of ui.setupViews.querySelectorAll<HTMLButtonElement>('button')) {
    button.setAttribute('aria-current', String(setupShown && button.dataset['setupView'] === view));
  }
}

function showView(which: View): void {
  view = which;
  for (const name of ['zendesk', 'freshdesk'] as const) {
    ui.frames[name].hidden = name !== which;
    ui.tabs[name].setAttribute('aria-selected', String(name === which));
  }
  describe();
  if (shown[which] !== shownKey()) load(which);
  writeHash();
}

function writeHash(): void {
  if (setupShown) history.replaceState(null, '', `#${view}/setup`);
  else if (current) history.replaceState(null, '', `#${view}/${current.slug}`);
}

function select(ticket: TicketSummary): void {
  current = ticket;
  setupShown = false;
  shown.zendesk = null;
  shown.freshdesk = null;
  describe();
  load(view);
  writeHash();
}

/** Opens an admin view: the tab of its helpdesk, the simulated account as it is set up now. */
function selectSetup(which: View): void {
  setupShown = true;
  shown.zendesk = null;
  shown.freshdesk = null;
  showView(which);
}

/**
 * The admin views are as tall as their content (two levels of frames, all on this origin): the page scrolls,
 * not a frame inside a frame. Ticket views keep their fixed height.
 */
function fitSetupView(): void {
  if (!setupShown) return;
  const frame = ui.frames[view];
  const hostDocument = frame.contentDocument;
  const app = hostDocument?.querySelector<HTMLIFrameElement>(view === 'zendesk' ? '#app' : '#app-frame');
  const appDocument = app?.contentDocument;
  if (!hostDocument || !app || !appDocument?.body) return;
  const appWindow = appDocument.defaultView;
  if (!appWindow) return;
  const below = (element: Element) => {
    const style = appWindow.getComputedStyle(element);
    return (Number.parseFloat(style.marginBottom) || 0) + (Number.parseFloat(style.paddingBottom) || 0);
  };
  const bottoms = [...appDocument.body.children].map((child) => child.getBoundingClientRect().bottom + appWindow.scrollY + (Number.parseFloat(appWindow.getComputedStyle(child).marginBottom) || 0));
  const content = Math.ceil(Math.max(0, ...bottoms) + below(appDocument.body));
  if (content < 200) return;
  const height = `${content}px`;
  if (app.style.height !== height) app.style.height = height;
  const top = app.getBoundingClientRect().top + (hostDocument.defaultView?.scrollY ?? 0);
  const outer = `${Math.max(VIEW_HEIGHT, Math.ceil(top + content + 24))}px`;
  if (frame.style.height !== outer) frame.style.height = outer;
}

function drawRequests(requests: State['supportRequests']): void {
  const filed = (['zendesk', 'freshdesk'] as const).flatMap((which) =>
    requests[which].map((ticket) => {
      const item = document.createElement('li');
      item.dataset['helpdesk'] = which;
      item.textContent = `${which === 'zendesk' ? 'Zendesk' : 'Freshdesk'} #${ticket.id}: ${ticket.subject}`;
      return item;
    }),
  );
  if (filed.length === 0) {
    ui.requests.textContent = 'Support requests created as tickets: none yet.';
    return;
  }
  const list = document.createElement('ul');
  list.append(...filed);
  ui.requests.replaceChildren('Support requests created as tickets in the simulated helpdesks:', list);
}

async function refreshRequests(): Promise<void> {
  const state = await fetchJson<State>('/api/account');
  ui.account.value = state.account;
  drawRequests(state.supportRequests);
}

function drawTickets(): void {
  ui.tickets.replaceChildren(
    ...tickets.map((ticket) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['ticketId'] = String(ticket.id);
      button.dataset['ticketSlug'] = ticket.slug;
      button.title = ticket.subject;
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = `#${ticket.id}`;
      button.append(id, ticket.title);
      button.addEventListener('click', () => select(ticket));
      item.append(button);
      return item;
    }),
  );
}

function fillSettings(settings: Settings): void {
  const form = ui.settings.elements;
  (form.namedItem('signature') as HTMLTextAreaElement).value = settings.signature;
  (form.namedItem('bundesland') as HTMLSelectElement).value = settings.bundesland;
  (form.namedItem('saturdayIsWorkingDay') as HTMLInputElement).checked = settings.saturdayIsWorkingDay;
  (form.namedItem('language') as HTMLSelectElement).value = settings.language;
  (form.namedItem('sid') as HTMLInputElement).value = settings.sid;
}

function readSettings(): Settings {
  const form = ui.settings.elements;
  return {
    signature: (form.namedItem('signature') as HTMLTextAreaElement).value,
    bundesland: (form.namedItem('bundesland') as HTMLSelectElement).value,
    saturdayIsWorkingDay: (form.namedItem('saturdayIsWorkingDay') as HTMLInputElement).checked,
    language: (form.namedItem('language') as HTMLSelectElement).value === 'en' ? 'en' : 'de',
    sid: (form.namedItem('sid') as HTMLInputElement).value,
  };
}

/** `keep`: the ticket to show again, or 'setup' for the admin view. */
function applyState(state: State, keep: number | 'setup' | null): void {
  tickets = state.tickets;
  ui.serverNote.textContent = state.freshdeskServer === 'running' ? '' : `Freshdesk app, serverless part: ${state.freshdeskServer}`;
  drawTickets();
  fillSettings(state.settings);
  ui.account.value = state.account;
  drawRequests(state.supportRequests);
  const next = tickets.find((ticket) => ticket.id === keep) ?? tickets[0];
  if (keep === 'setup') {
    current = tickets.find((ticket) => ticket.id === current?.id) ?? tickets[0] ?? null;
    selectSetup(view);
  } else if (next) select(next);
}

async function upload(file: File): Promise<void> {
  ui.uploadResult.dataset['outcome'] = 'pending';
  ui.uploadResult.textContent = `Reading ${file.name} …`;
  const query = new URLSearchParams({ name: file.name });
  if (ui.receivedNow.checked) query.set('received', 'now');
  let answer: UploadAnswer;
  try {
    answer = await fetchJson<UploadAnswer>(`/api/eml?${query}`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: file });
  } catch (error) {
    answer = { error: { code: 'network', message: String(error) } };
  }
  if (!answer.ticket || !answer.analysis) {
    ui.uploadResult.dataset['outcome'] = 'error';
    ui.uploadResult.textContent = `${file.name}: ${answer.error?.message ?? 'the server did not take it'} (${answer.error?.code ?? 'error'})`;
    return;
  }
  const { analysis, ticket } = answer;
  // The new ticket opens in the current view first; the line below then says what the core made of it.
  applyState(await fetchJson<State>('/api/tickets'), ticket.id);
  ui.uploadResult.dataset['outcome'] = 'ok';
  ui.uploadResult.textContent = `Ticket #${ticket.id}: ${analysis.kind}${analysis.orderNumber ? `, order ${analysis.orderNumber}` : ''}${analysis.customerName ? `, ${analysis.customerName}` : ''}.`;
}

function fromHash(): { view: View; slug: string | null } {
  const [which, slug] = location.hash.replace(/^#/, '').split('/');
  return { view: which === 'freshdesk' ? 'freshdesk' : 'zendesk', slug: slug ?? null };
}

async function start(): Promise<void> {
  const wanted = fromHash();
  view = wanted.view;
  const state = await fetchJson<State>('/api/tickets');
  const keep = wanted.slug === 'setup' ? 'setup' : (state.tickets.find((ticket) => ticket.slug === wanted.slug)?.id ?? null);
  showView(view);
  applyState(state, keep);

  for (const name of ['zendesk', 'freshdesk'] as const) ui.tabs[name].addEventListener('click', () => showView(name));
  for (const button of ui.setupViews.querySelectorAll<HTMLButtonElement>('button')) {
    button.addEventListener('click', () => selectSetup(button.dataset['setupView'] === 'freshdesk' ? 'freshdesk' : 'zendesk'));
  }
  ui.account.addEventListener('change', () => {
    void fetchJson<State>('/api/account', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: ui.account.value }) }).then((next) => {
      ui.account.value = next.account;
      drawRequests(next.supportRequests);
      // The check reads the account when it opens: open the admin view again.
      if (setupShown) load(view);
    });
  });
  setInterval(fitSetupView, 250);
  // A request created in an admin view shows up here without a reload.
  setInterval(() => {
    if (setupShown && !document.hidden) void refreshRequests();
  }, 2000);
  ui.reload.addEventListener('click', () => load(view));
  ui.upload.addEventListener('change', () => {
    const file = ui.upload.files?.[0];
    if (file) void upload(file);
    ui.upload.value = '';
  });
  // The whole page takes a dropped file; the upload box lights up while one is dragged over it.
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    ui.dropZone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) ui.dropZone.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    ui.dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void upload(file);
  });
  ui.settings.addEventListener('submit', (event) => {
    event.preventDefault();
    void fetchJson<State>('/api/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(readSettings()) }).then((next) =>
      applyState(next, setupShown ? 'setup' : (current?.id ?? null)),
    );
  });
  ui.reset.addEventListener('click', () => {
    void fetchJson<State>('/api/reset', { method: 'POST' }).then((next) => applyState(next, setupShown ? 'setup' : (current?.id ?? null)));
  });
}

void start();

// A module, so that its names stay its own in the type check.
export {};
