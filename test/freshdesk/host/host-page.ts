import type { HostApi, HostEvent, HostLog, HostWindow, InterceptRecord, Scenario, ScenarioConversation } from './protocol';

/**
 * A Freshdesk ticket page, as far as the sidebar app can tell: the ticket and its conversations, a reply
 * editor with To/CC/BCC, Close and a status dropdown with Update, notifications, and the app in an iframe
 * next to it. Intercepted actions wait for the app's done() or fail(), as Freshdesk does.
 */

const INTERCEPT_TIMEOUT_MS = 15_000;
const STATUS_NAMES: Readonly<Record<number, string>> = { 2: 'Open', 3: 'Pending', 4: 'Resolved', 5: 'Closed' };

interface Template {
  readonly schema: { readonly path?: string };
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from host.html`);
  return element as T;
}

function addresses(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

async function fetchJson<T>(url: string): Promise<T> {
  const answer = await fetch(url);
  if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
  return (await answer.json()) as T;
}

async function start(): Promise<void> {
  const scenarioId = new URLSearchParams(location.search).get('scenario') ?? '';
  const [scenario, templates, manifest] = await Promise.all([
    fetchJson<Scenario>(`/scenario/${scenarioId}.json`),
    fetchJson<Record<string, Template>>('/pkg/config/requests.json'),
    fetchJson<{ modules: Record<string, { requests?: Record<string, unknown> }> }>('/pkg/manifest.json'),
  ]);
  const declared = new Set(Object.values(manifest.modules).flatMap((module) => Object.keys(module.requests ?? {})));
  const log: HostLog = { notifications: [], intercepts: [], templateCalls: [], triggers: [], registeredAt: null, renderedAt: null };
  const listeners = new Map<string, ((event: HostEvent) => void)[]>();
  const interceptors = new Map<string, ((event: HostEvent) => void)[]>();
  let nextConversationId = 90_000;

  const editor = byId<HTMLFormElement>('editor');
  const toField = byId<HTMLInputElement>('to');
  const ccField = byId<HTMLInputElement>('cc');
  const bccField = byId<HTMLInputElement>('bcc');
  const body = byId<HTMLDivElement>('editor-body');
  const status = byId<HTMLSelectElement>('status');

  function notify(type: string, title: string, message: string): void {
    log.notifications.push({ type, title, message });
    const toast = document.createElement('div');
    toast.className = `toast toast--${type}`;
    const heading = document.createElement('strong');
    heading.textContent = title;
    const text = document.createElement('span');
    text.textContent = message;
    toast.append(heading, text);
    byId('notifications').append(toast);
  }

  function renderThread(): void {
    const entries: { who: string; when: string; text: string; kind: string }[] = [
      { who: `${scenario.requester.name} <${scenario.requester.email}>`, when: scenario.ticket.created_at, text: scenario.ticket.description_text, kind: 'incoming' },
      ...scenario.conversations.map((conversation) => ({
        who: conversation.incoming ? conversation.from_email : `Agent → ${conversation.to_emails.join(', ')}`,
        when: conversation.created_at,
        text: conversation.body_text,
        kind: conversation.incoming ? 'incoming' : conversation.private ? 'note' : 'reply',
      })),
    ];
    byId('thread').replaceChildren(
      ...entries.map((entry) => {
        const item = document.createElement('article');
        item.className = `message message--${entry.kind}`;
        const head = document.createElement('header');
        head.textContent = `${entry.who} · ${new Date(entry.when).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}`;
        const text = document.createElement('p');
        text.textContent = entry.text;
        item.append(head, text);
        return item;
      }),
    );
    byId('ticket-status').textContent = STATUS_NAMES[scenario.ticket.status] ?? String(scenario.ticket.status);
  }

  /** Hands an intercepted action to the app and waits for its verdict. */
  async function intercept(event: string, data: unknown): Promise<InterceptRecord> {
    let record: InterceptRecord = { event, outcome: 'done' };
    for (const handler of interceptors.get(event) ?? []) {
      record = await new Promise<InterceptRecord>((resolve) => {
        const timer = setTimeout(() => resolve({ event, outcome: 'no-answer' }), INTERCEPT_TIMEOUT_MS);
        handler({
          type: event,
          data,
          done: () => {
            clearTimeout(timer);
            resolve({ event, outcome: 'done' });
          },
          fail: (message) => {
            clearTimeout(timer);
            resolve({ event, outcome: 'fail', message });
          },
        });
      });
      if (record.outcome === 'fail') break;
    }
    log.intercepts.push(record);
    if (record.outcome === 'fail') notify('danger', 'Aktion abgebrochen', record.message ?? '');
    return record;
  }

  function openEditor(): void {
    editor.hidden = false;
    if (toField.value === '') toField.value = scenario.requester.email;
  }

  async function send(): Promise<void> {
    const draft = {
      body: body.innerHTML,
      body_text: body.innerText,
      to_emails: addresses(toField.value),
      cc_emails: addresses(ccField.value),
      bcc_emails: addresses(bccField.value),
    };
    if ((await intercept('ticket.sendReply', draft)).outcome === 'fail') return;
    scenario.conversations.push({
      id: nextConversationId++,
      body: draft.body,
      body_text: draft.body_text,
      incoming: false,
      private: false,
      source: 0,
      created_at: new Date().toISOString(),
      from_email: 'support@mustershop.de',
      to_emails: draft.to_emails,
      cc_emails: draft.cc_emails,
      bcc_emails: draft.bcc_emails,
    } satisfies ScenarioConversation);
    editor.hidden = true;
    body.replaceChildren();
    renderThread();
    notify('success', 'Gesendet', 'Antwort gesendet');
  }

  async function setStatus(value: number, event: 'ticket.closeTicketClick' | 'ticket.propertiesUpdated'): Promise<void> {
    const data = event === 'ticket.propertiesUpdated' ? { status: { value, name: STATUS_NAMES[value] ?? '' } } : {};
    if ((await intercept(event, data)).outcome === 'fail') return;
    scenario.ticket.status = value;
    renderThread();
  }

  function conversationPage(ticketId: number, page: number, perPage: number): ScenarioConversation[] {
    if (ticketId !== scenario.ticket.id) return [];
    return scenario.conversations.slice((page - 1) * perPage, page * perPage);
  }

  const api: HostApi = {
    async dataGet(name) {
      if (scenario.failures?.data?.includes(name)) throw { status: 500, message: `data.get("${name}") failed` };
      if (name === 'ticket') return { ticket: { ...scenario.ticket, requester_id: scenario.requester.id } };
      if (name === 'requester') return { requester: scenario.requester };
      if (name === 'loggedInUser') return { loggedInUser: { contact: { ...scenario.agent } } };
      throw { status: 404, message: `Unknown data "${name}"` };
    },
    async dbGet(key) {
      if (scenario.db && key in scenario.db) return JSON.parse(JSON.stringify(scenario.db[key])) as unknown;
      throw { status: 404, message: 'Record not found' };
    },
    async iparams() {
      return scenario.iparams;
    },
    on(event, callback, isIntercept) {
      const table = isIntercept ? interceptors : listeners;
      table.set(event, [...(table.get(event) ?? []), callback]);
      // Freshdesk activates the sidebar app as soon as it is listening.
      if (event === 'app.activated') setTimeout(() => callback({ type: event, data: {}, done() {}, fail() {} }), 0);
    },
    async trigger(action, payload) {
      log.triggers.push({ action, payload });
      const values = (payload ?? {}) as { type?: string; title?: string; message?: string; id?: string; value?: unknown; text?: string };
      if (action === 'showNotify') notify(values.type ?? 'info', values.title ?? '', values.message ?? '');
      else if (action === 'click' && values.id === 'reply') openEditor();
      else if (action === 'setValue' && values.id === 'editor') body.innerHTML = values.text ?? '';
      else if (action === 'setValue' && (values.id === 'to' || values.id === 'cc' || values.id === 'bcc')) {
        const field = { to: toField, cc: ccField, bcc: bccField }[values.id];
        field.value = Array.isArray(values.value) ? values.value.join(', ') : String(values.value ?? '');
      } else throw { message: `Unsupported interface action ${action}` };
      return { success: true };
    },
    async invokeTemplate(name, call) {
      const template = templates[name];
      if (!template || !declared.has(name)) throw { status: 400, response: `Unknown request template ${name}` };
      const context = ((call ?? {}) as { context?: Record<string, string | number> }).context ?? {};
      const path = (template.schema.path ?? '/').replace(/<%=\s*context\.(\w+)\s*%>/g, (_whole, key: string) => String(context[key] ?? ''));
      log.templateCalls.push({ name, path });
      if (scenario.latencyMs) await new Promise((resolve) => setTimeout(resolve, scenario.latencyMs));
      const conversations = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(path);
      if (scenario.api === 'simulator' && !(scenario.conversationsFromPage && conversations)) {
        // The host server runs the template as FDK would and answers with the simulator's answer or failure.
        const reply = await fetch(`/invoke/${scenarioId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, call: call ?? {} }) });
        const outcome = (await reply.json()) as { ok: boolean; answer?: unknown; error?: unknown };
        if (outcome.ok) return outcome.answer;
        throw outcome.error;
      }
      if (scenario.failures?.templates) throw { status: 503, response: 'Service unavailable', attempts: 3, errorSource: 'APP' };
      if (conversations) {
        const page = Number(context['page'] ?? 1);
        return { status: 200, headers: {}, response: JSON.stringify(conversationPage(Number(conversations[1]), page, 100)) };
      }
      throw { status: 404, response: `The host does not answer ${path}` };
    },
    registered(at) {
      log.registeredAt ??= at;
    },
    rendered(at) {
      log.renderedAt ??= at;
    },
  };

  const hostWindow = window as Window & HostWindow;
  hostWindow.fdHost = api;
  hostWindow.fdLog = log;

  if (scenario.frameHeight) byId<HTMLIFrameElement>('app-frame').style.height = `${scenario.frameHeight}px`;
  if (scenario.location === 'full_page_app') {
    // A full-page app fills the page below Freshdesk's top bar; there is no ticket.
    document.body.classList.add('host--full-page');
    document.querySelector('.apps')?.prepend(byId('notifications'));
    byId('crumb').textContent = 'Apps › Rakuten-Assistent';
    byId<HTMLIFrameElement>('app-frame').src = '/app/full-page.html';
    return;
  }
  byId('subject').textContent = scenario.ticket.subject;
  renderThread();
  byId('reply-button').addEventListener('click', openEditor);
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  byId('close-button').addEventListener('click', () => void setStatus(5, 'ticket.closeTicketClick'));
  byId('update-button').addEventListener('click', () => void setStatus(Number(status.value), 'ticket.propertiesUpdated'));
  byId<HTMLIFrameElement>('app-frame').src = '/app/index.html';
}

void start();
