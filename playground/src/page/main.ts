/**
 * The landing page: a ticket picker, the two simulated helpdesks in tabs, the .eml upload and the settings.
 * Deep links: #zendesk/genuine-question, #freshdesk/spoof, …
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
}

interface State {
  readonly tickets: TicketSummary[];
  readonly settings: Settings;
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
};

let tickets: TicketSummary[] = [];
let current: TicketSummary | null = null;
let view: View = 'zendesk';
/** Which ticket each view shows, so a tab switch only reloads when it must. */
const shown: Record<View, number | null> = { zendesk: null, freshdesk: null };

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const answer = await fetch(url, init);
  return (await answer.json()) as T;
}

function viewUrl(which: View, ticket: TicketSummary): string {
  // The stamp makes every load a new document, as opening the ticket again in a helpdesk would.
  const stamp = Date.now();
  return which === 'zendesk' ? `/zendesk/host.html?ticket=${ticket.id}&v=${stamp}` : `/host/host.html?scenario=${ticket.id}&v=${stamp}`;
}

function load(which: View): void {
  if (!current) return;
  shown[which] = current.id;
  ui.frames[which].src = viewUrl(which, current);
}

function showView(which: View): void {
  view = which;
  for (const name of ['zendesk', 'freshdesk'] as const) {
    ui.frames[name].hidden = name !== which;
    ui.tabs[name].setAttribute('aria-selected', String(name === which));
  }
  ui.viewHint.textContent = VIEW_HINT[which];
  if (current && shown[which] !== current.id) load(which);
  writeHash();
}

function writeHash(): void {
  if (current) history.replaceState(null, '', `#${view}/${current.slug}`);
}

function select(ticket: TicketSummary): void {
  current = ticket;
  ui.title.textContent = `#${ticket.id} ${ticket.title}`;
  ui.hint.textContent = ticket.hint;
  ui.source.textContent = ticket.source;
  for (const button of ui.tickets.querySelectorAll<HTMLButtonElement>('button')) {
    button.setAttribute('aria-current', String(button.dataset['ticketId'] === String(ticket.id)));
  }
  shown.zendesk = null;
  shown.freshdesk = null;
  load(view);
  writeHash();
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
}

function readSettings(): Settings {
  const form = ui.settings.elements;
  return {
    signature: (form.namedItem('signature') as HTMLTextAreaElement).value,
    bundesland: (form.namedItem('bundesland') as HTMLSelectElement).value,
    saturdayIsWorkingDay: (form.namedItem('saturdayIsWorkingDay') as HTMLInputElement).checked,
    language: (form.namedItem('language') as HTMLSelectElement).value === 'en' ? 'en' : 'de',
  };
}

function applyState(state: State, keep: number | null): void {
  tickets = state.tickets;
  ui.serverNote.textContent = state.freshdeskServer === 'running' ? '' : `Freshdesk app, serverless part: ${state.freshdeskServer}`;
  drawTickets();
  fillSettings(state.settings);
  const next = tickets.find((ticket) => ticket.id === keep) ?? tickets[0];
  if (next) select(next);
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
  const keep = state.tickets.find((ticket) => ticket.slug === wanted.slug)?.id ?? null;
  showView(view);
  applyState(state, keep);

  for (const name of ['zendesk', 'freshdesk'] as const) ui.tabs[name].addEventListener('click', () => showView(name));
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
      applyState(next, current?.id ?? null),
    );
  });
  ui.reset.addEventListener('click', () => {
    void fetchJson<State>('/api/reset', { method: 'POST' }).then((next) => applyState(next, current?.id ?? null));
  });
}

void start();

// A module, so that its names stay its own in the type check.
export {};
