/**
 * A stand-in for Zendesk's agent workspace around one ticket: it speaks the ZAF postMessage protocol to the app
 * iframe, keeps the ticket editor's state (requester, CCs, status, comment, custom fields), runs the save hook on
 * Submit and answers `client.request` from the loopback API simulator served next to this page. In the nav bar
 * location it shows the app as a full pane with no ticket: ticket paths then fail as they do in Zendesk.
 */
import type { HostScenario, HostUser } from '../support/scenario';
import type { AppMessage, HostMessage, ResponseArgs, ZafPathError, ZafRequestOptions } from '../support/zaf-wire';

/** Zendesk gives a save hook this long before it saves anyway. */
const SAVE_HOOK_TIMEOUT_MS = 20_000;

/** This script is served on its own (type imports only), so the one runtime check lives here. */
function isAppMessage(value: unknown): value is AppMessage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['appGuid'] === 'string' && (typeof record['key'] === 'string' || typeof record['request'] === 'string');
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`host.html lacks #${id}`);
  return element as T;
}

const ui = {
  subject: byId<HTMLElement>('subject'),
  comments: byId<HTMLOListElement>('comments'),
  requester: byId<HTMLInputElement>('requester'),
  ccs: byId<HTMLInputElement>('ccs'),
  status: byId<HTMLSelectElement>('status'),
  commentType: byId<HTMLSelectElement>('comment-type'),
  commentText: byId<HTMLTextAreaElement>('comment-text'),
  customFields: byId<HTMLDivElement>('custom-fields'),
  submit: byId<HTMLButtonElement>('submit'),
  saveResult: byId<HTMLParagraphElement>('save-result'),
  notices: byId<HTMLUListElement>('notices'),
  slot: byId<HTMLDivElement>('app-slot'),
};

interface HostState {
  scenario: HostScenario;
  frame: HTMLIFrameElement;
  appOrigin: string;
  subscriptions: Set<string>;
  pendingSave: ((reply: Extract<AppMessage, { key: `iframe.reply:${string}` }>) => void) | null;
  handshakeAt: number | null;
  /** Every request and invoke the app made, for tests to inspect. */
  log: { kind: string; detail: unknown }[];
}

let state: HostState | null = null;

function post(message: HostMessage): void {
  if (!state?.frame.contentWindow) return;
  state.frame.contentWindow.postMessage(JSON.stringify(message), state.appOrigin);
}

function fire(event: string, message?: unknown): void {
  post({ key: `zaf.${event}`, message });
}

function userFromText(text: string, id: number): HostUser {
  const email = text.trim();
  return { id, email: email === '' ? null : email, name: email.split('@')[0] ?? email, role: 'end-user' };
}

function requester(): HostUser {
  const original = state?.scenario.requester;
  if (original && ui.requester.value.trim() === (original.email ?? '')) return original;
  return userFromText(ui.requester.value, 9001);
}

function collaborators(): HostUser[] {
  const known = state?.scenario.collaborators ?? [];
  return ui.ccs.value
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((email, index) => known.find((user) => user.email === email) ?? userFromText(email, 9100 + index));
}

function fieldInput(id: string): HTMLInputElement | null {
  return ui.customFields.querySelector<HTMLInputElement>(`input[data-field-id="${id}"]`);
}

function pathError(path: string): ZafPathError {
  return { name: 'InvalidPathError', message: `"${path}" is not a valid path for this location`, path };
}

/** What every location can read; the rest needs an open ticket. */
const LOCATION_FREE_PATHS = /^(currentUser(\..+)?|requirement:.+)$/;

function onTicket(): boolean {
  return (state?.scenario.location ?? 'ticket_sidebar') === 'ticket_sidebar';
}

function read(path: string): { value: unknown } | null {
  const scenario = state?.scenario;
  if (!scenario || scenario.failingPaths.includes(path)) return null;
  if (!onTicket() && !LOCATION_FREE_PATHS.test(path)) return null;
  const field = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
  if (field?.[1]) {
    const input = fieldInput(field[1]);
    return input ? { value: input.value === '' ? null : input.value } : null;
  }
  const requirement = /^requirement:(.+)$/.exec(path);
  if (requirement?.[1]) {
    const id = scenario.requirements[requirement[1]];
    return id === undefined ? null : { value: { requirement_id: id, requirement_type: 'ticket_fields' } };
  }
  const values: Record<string, unknown> = {
    'ticket.id': scenario.ticketId,
    'currentUser.locale': scenario.locale,
    currentUser: { id: 1, name: 'Anna Agentin', email: 'anna@muster-shop.example', locale: scenario.locale, role: 'admin' },
    'ticket.requester': requester(),
    'ticket.collaborators': collaborators(),
    'ticket.status': ui.status.value,
    'comment.type': ui.commentType.value,
    'comment.text': ui.commentText.value,
  };
  return path in values ? { value: values[path] } : null;
}

function answerGet(id: number, paths: readonly string[]): void {
  const result: Record<string, unknown> = {};
  const errors: Record<string, ZafPathError> = {};
  for (const path of paths) {
    const found = read(path);
    if (found) result[path] = found.value;
    else errors[path] = pathError(path);
  }
  post({ id, result: { ...result, errors } });
}

function answerSet(id: number, params: Readonly<Record<string, unknown>>): void {
  const errors: Record<string, ZafPathError> = {};
  for (const [path, value] of Object.entries(params)) {
    const field = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
    const input = field?.[1] ? fieldInput(field[1]) : null;
    if (input) {
      input.value = typeof value === 'string' ? value : '';
      state?.log.push({ kind: 'set', detail: { path, value } });
    } else if (path === 'comment.type' && (value === 'publicReply' || value === 'internalNote')) {
      ui.commentType.value = value;
      fire('comment.type.changed', value);
      state?.log.push({ kind: 'set', detail: { path, value } });
    } else {
      errors[path] = pathError(path);
    }
  }
  post({ id, result: { ...params, errors } });
}

function answerInvoke(id: number, params: Readonly<Record<string, readonly unknown[]>>): void {
  for (const [name, args] of Object.entries(params)) {
    state?.log.push({ kind: 'invoke', detail: { name, args } });
    if (name === 'resize' && state) {
      const size = args[0] as { height?: unknown } | undefined;
      if (typeof size?.height === 'string' || typeof size?.height === 'number') state.frame.style.height = typeof size.height === 'number' ? `${size.height}px` : size.height;
    } else if (name === 'notify') {
      const item = document.createElement('li');
      item.dataset['kind'] = String(args[1] ?? 'notice');
      item.textContent = String(args[0] ?? '');
      ui.notices.appendChild(item);
    } else if (name === 'routeTo') {
      const item = document.createElement('li');
      item.dataset['kind'] = 'route';
      item.textContent = `routeTo ${args.map(String).join(' ')}`;
      ui.notices.appendChild(item);
    } else if (name === 'comment.appendText' && onTicket()) {
      ui.commentText.value += String(args[0] ?? '');
      fire('comment.text.changed', ui.commentText.value);
    }
  }
  post({ id, result: { errors: {} } });
}

async function answerRequest(key: `request:${number}`, options: ZafRequestOptions): Promise<void> {
  state?.log.push({ kind: 'request', detail: options });
  const headers: Record<string, string> = { 'x-zaf-app': 'rakuten' };
  if (options.contentType) headers['content-type'] = options.contentType;
  let args: ResponseArgs;
  let ok = false;
  try {
    const response = await fetch(options.url, { method: options.type ?? 'GET', headers, ...(options.data === undefined ? {} : { body: options.data }) });
    const responseText = await response.text();
    let responseJSON: unknown = null;
    try {
      responseJSON = JSON.parse(responseText);
    } catch {
      responseJSON = null;
    }
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    const complete = { status: response.status, statusText: response.statusText, headers: responseHeaders, responseText, responseJSON };
    ok = response.ok;
    if (options.httpCompleteResponse) args = ok ? [complete] : [complete, 'error', response.statusText];
    else args = ok ? [responseJSON, 'success', { status: response.status }] : [{ status: response.status, responseText }, 'error', response.statusText];
  } catch (error) {
    args = [{ status: 0, responseText: String(error) }, 'error', 'network'];
  }
  post({ key: `zaf.${key}.${ok ? 'done' : 'fail'}`, message: { responseArgs: args } });
}

function onAppMessage(event: MessageEvent): void {
  if (!state || event.origin !== state.appOrigin || event.source !== state.frame.contentWindow) return;
  // Requests arrive as JSON strings, but the SDK posts hook replies as plain objects.
  let data: unknown = event.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return;
    }
  }
  if (!isAppMessage(data) || data.appGuid !== state.scenario.appGuid) return;
  const message = data;
  if ('request' in message) {
    if (message.request === 'get') answerGet(message.id, message.params);
    else if (message.request === 'set') answerSet(message.id, message.params);
    else answerInvoke(message.id, message.params);
    return;
  }
  const { key } = message;
  if (key === 'iframe.handshake') {
    state.handshakeAt = performance.now();
    const { scenario } = state;
    const location = scenario.location ?? 'ticket_sidebar';
    post({
      key: 'zaf.app.registered',
      message: {
        context: {
          product: 'support',
          location,
          ...(location === 'ticket_sidebar' ? { ticketId: scenario.ticketId } : {}),
          instanceGuid: scenario.appGuid,
          account: { subdomain: 'haendler' },
        },
        metadata: { appId: 4242, installationId: 77, name: 'Rakuten-Antwortassistent', version: '0.1.0', settings: scenario.settings },
      },
    });
  } else if (key.startsWith('iframe.on:')) {
    state.subscriptions.add(key.slice('iframe.on:'.length));
  } else if (key.startsWith('iframe.off:')) {
    const off = message as Extract<AppMessage, { message: { subscriberCount: number } }>;
    if (off.message.subscriberCount === 0) state.subscriptions.delete(key.slice('iframe.off:'.length));
  } else if (key.startsWith('request:') && 'message' in message) {
    void answerRequest(key as `request:${number}`, message.message as ZafRequestOptions);
  } else if (key === 'iframe.reply:ticket.save' && state.pendingSave) {
    state.pendingSave(message as Extract<AppMessage, { key: `iframe.reply:${string}` }>);
  }
}

/** Asks the app's save hook, as Zendesk does before saving; no subscription or no answer in time means go on. */
function askSaveHook(): Promise<string | null> {
  if (!state?.subscriptions.has('ticket.save')) return Promise.resolve(null);
  const current = state;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), SAVE_HOOK_TIMEOUT_MS);
    current.pendingSave = (reply) => {
      clearTimeout(timer);
      current.pendingSave = null;
      resolve(reply.error ? String(reply.error.msg) : null);
    };
    post({ key: 'zaf.ticket.save', needsReply: true });
  });
}

async function submit(): Promise<void> {
  if (!state) return;
  ui.saveResult.dataset['outcome'] = 'pending';
  ui.saveResult.textContent = '';
  fire('ticket.submit.start');
  const cancelled = await askSaveHook();
  if (cancelled !== null) {
    ui.saveResult.dataset['outcome'] = 'cancelled';
    ui.saveResult.textContent = cancelled;
    fire('ticket.submit.fail');
    return;
  }
  const custom_fields = [...ui.customFields.querySelectorAll<HTMLInputElement>('input[data-field-id]')].map((input) => ({
    id: Number(input.dataset['fieldId']),
    value: input.value === '' ? null : input.value,
  }));
  const text = ui.commentText.value;
  const ticket = {
    status: ui.status.value,
    custom_fields,
    ...(text.trim() === '' ? {} : { comment: { body: text, public: ui.commentType.value === 'publicReply' } }),
  };
  await fetch(`/api/v2/tickets/${state.scenario.ticketId}.json`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-agent-save': '1' },
    body: JSON.stringify({ ticket }),
  });
  ui.commentText.value = '';
  ui.saveResult.dataset['outcome'] = 'saved';
  ui.saveResult.textContent = 'saved';
  await showThread();
  fire('ticket.submit.done');
}

async function showThread(): Promise<void> {
  if (!state) return;
  const response = await fetch(`/api/v2/tickets/${state.scenario.ticketId}/comments.json`, { headers: { 'x-host-view': '1' } });
  const body = (await response.json().catch(() => ({}))) as { comments?: { plain_body?: string; public?: boolean }[] };
  ui.comments.replaceChildren(
    ...(body.comments ?? []).map((comment) => {
      const item = document.createElement('li');
      item.textContent = `${comment.public === false ? '[intern] ' : ''}${(comment.plain_body ?? '').slice(0, 140)}`;
      return item;
    }),
  );
}

/** `entryUrl`: the location's page as the app's manifest names it, on the app's own origin. */
function start(scenario: HostScenario, entryUrl: string): void {
  const frame = document.createElement('iframe');
  frame.id = 'app';
  frame.title = 'Rakuten-Antwortassistent';
  const query = `origin=${encodeURIComponent(location.origin)}&app_guid=${encodeURIComponent(scenario.appGuid)}`;
  state = { scenario, frame, appOrigin: new URL(entryUrl).origin, subscriptions: new Set(), pendingSave: null, handshakeAt: null, log: [] };
  document.body.classList.toggle('nav-bar', !onTicket());
  ui.requester.value = scenario.requester.email ?? '';
  ui.ccs.value = scenario.collaborators.map((user) => user.email ?? '').join(', ');
  ui.status.value = scenario.status;
  ui.commentType.value = scenario.commentType;
  ui.commentText.value = scenario.commentText;
  for (const [id, value] of Object.entries(scenario.fields)) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.dataset['fieldId'] = id;
    input.value = value ?? '';
    input.addEventListener('input', () => fire(`ticket.custom_field_${id}.changed`, input.value));
    label.append(`Custom field ${id}`, input);
    ui.customFields.appendChild(label);
  }
  ui.requester.addEventListener('change', () => {
    fire('ticket.requester.id.changed');
    fire('ticket.requester.email.changed', ui.requester.value);
  });
  ui.ccs.addEventListener('change', () => fire('ticket.collaborators.changed'));
  ui.status.addEventListener('change', () => fire('ticket.status.changed', ui.status.value));
  ui.commentType.addEventListener('change', () => fire('comment.type.changed', ui.commentType.value));
  ui.commentText.addEventListener('input', () => fire('comment.text.changed', ui.commentText.value));
  ui.submit.addEventListener('click', () => void submit());
  window.addEventListener('message', onAppMessage);
  frame.src = `${entryUrl}?${query}`;
  ui.slot.appendChild(frame);
  if (onTicket()) void showThread();
}

declare global {
  interface Window {
    zafHost: {
      start(scenario: HostScenario, entryUrl: string): void;
      log(): { kind: string; detail: unknown }[];
      subscriptions(): string[];
      fire(event: string, message?: unknown): void;
    };
  }
}

window.zafHost = {
  start,
  log: () => state?.log ?? [],
  subscriptions: () => [...(state?.subscriptions ?? [])],
  fire,
};
