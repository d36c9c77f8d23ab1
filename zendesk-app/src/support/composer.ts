import { composeSupportRequest, detectEnvironment, t, type Locale } from '@rakuten-helpdesk/core';
import { el, replaceChildren } from '../sidebar/dom';
import { COMPOSER_TEXT } from './support-text';

export interface SupportRequest {
  readonly subject: string;
  readonly body: string;
}

export interface ComposerDeps {
  /** The SID from the app settings ('' when not set). */
  readonly sid: string;
  readonly userAgent: string;
  readonly locale: Locale;
  copy(text: string): Promise<boolean>;
  /** Creates the ticket and returns its id; rejects when Zendesk did not take it. */
  send(request: SupportRequest): Promise<number>;
  openTicket(ticketId: number): Promise<void>;
}

/** Inputs the agent types into; limits keep a pasted log from becoming a 5 MB ticket. */
const LIMIT = { short: 100, long: 5000 } as const;

function labelled(doc: Document, id: string, label: string, control: HTMLElement, ...extra: (HTMLElement | string)[]): HTMLElement {
  return el(doc, 'div', { class: 'field' }, el(doc, 'label', { class: 'field__label', for: id }, label), control, ...extra);
}

function input(doc: Document, id: string, value: string, maxLength: number): HTMLInputElement {
  const control = el(doc, 'input', { class: 'input', id, 'data-part': id, autocomplete: 'off' });
  control.value = value;
  control.maxLength = maxLength;
  return control;
}

function textarea(doc: Document, id: string, rows: number, maxLength: number): HTMLTextAreaElement {
  const control = el(doc, 'textarea', { class: 'input', id, 'data-part': id, rows: String(rows) });
  control.maxLength = maxLength;
  return control;
}

/**
 * The support request composer: the facts Rakuten's help page asks for, a live preview worded by the core, and
 * two ways out (copy, or a new ticket in this Zendesk).
 */
export function supportComposer(doc: Document, deps: ComposerDeps): HTMLElement {
  const l = deps.locale;
  const detected = detectEnvironment(deps.userAgent);
  const language = el(doc, 'select', { class: 'input', id: 'request-language', 'data-part': 'request-language' });
  for (const [value, name] of [
    ['de', 'Deutsch'],
    ['en', 'English'],
  ] as const) {
    const option = el(doc, 'option', {}, name);
    option.value = value;
    language.appendChild(option);
  }
  language.value = l;
  const sid = input(doc, 'request-sid', deps.sid.trim().slice(0, 40), 40);
  const browser = input(doc, 'request-browser', detected.browser, LIMIT.short);
  const operatingSystem = input(doc, 'request-os', detected.operatingSystem, LIMIT.short);
  const steps = textarea(doc, 'request-steps', 4, LIMIT.long);
  const errorMessage = textarea(doc, 'request-error', 3, LIMIT.long);
  const subject = input(doc, 'request-subject', '', 200);
  subject.readOnly = true;
  const body = textarea(doc, 'request-body', 14, 20_000);
  body.readOnly = true;

  const copyButton = el(doc, 'button', { class: 'button', type: 'button', 'data-part': 'copy-request' }, t(COMPOSER_TEXT.copy, l));
  const sendButton = el(doc, 'button', { class: 'button button--primary', type: 'button', 'data-part': 'send-request' }, t(COMPOSER_TEXT.send, l));
  const result = el(doc, 'div', { class: 'send-result', 'aria-live': 'polite', 'data-part': 'send-result' });

  const current = (): SupportRequest =>
    composeSupportRequest({
      sid: sid.value,
      browser: browser.value,
      operatingSystem: operatingSystem.value,
      steps: steps.value,
      errorMessage: errorMessage.value,
      locale: language.value === 'en' ? 'en' : 'de',
    });

  function preview(): void {
    const request = current();
    subject.value = request.subject;
    body.value = request.body;
    // The whole request in view, without a scrollbar inside the pane's own.
    body.rows = request.body.split('\n').length + 1;
  }

  let sent = false;
  for (const control of [language, sid, browser, operatingSystem, steps, errorMessage]) {
    control.addEventListener('input', () => {
      preview();
      // A changed request may be sent again; the same one only once.
      if (sent) {
        sent = false;
        sendButton.disabled = false;
        sendButton.textContent = t(COMPOSER_TEXT.send, l);
      }
    });
    control.addEventListener('change', preview);
  }

  copyButton.addEventListener('click', () => {
    const request = current();
    void deps.copy(`${request.subject}\n\n${request.body}`).then((copied) => {
      copyButton.textContent = t(copied ? COMPOSER_TEXT.copied : COMPOSER_TEXT.copyFailed, l);
      setTimeout(() => (copyButton.textContent = t(COMPOSER_TEXT.copy, l)), 1500);
    });
  });

  sendButton.addEventListener('click', () => {
    if (sendButton.disabled) return;
    sendButton.disabled = true;
    sendButton.textContent = t(COMPOSER_TEXT.sending, l);
    replaceChildren(result);
    deps.send(current()).then(
      (ticketId) => {
        sent = true;
        sendButton.textContent = t(COMPOSER_TEXT.sent, l);
        const open = el(doc, 'button', { class: 'button button--small', type: 'button', 'data-part': 'open-ticket' }, t(COMPOSER_TEXT.openTicket, l));
        open.addEventListener('click', () => void deps.openTicket(ticketId).catch(() => undefined));
        replaceChildren(
          result,
          el(
            doc,
            'div',
            { class: 'notice notice--ok', role: 'status', 'data-part': 'sent' },
            el(doc, 'strong', { class: 'notice__title' }, t(COMPOSER_TEXT.sentTitle, l).replace('{id}', String(ticketId))),
            el(doc, 'p', {}, t(COMPOSER_TEXT.sentNext, l)),
            open,
          ),
        );
      },
      () => {
        sendButton.disabled = false;
        sendButton.textContent = t(COMPOSER_TEXT.send, l);
        replaceChildren(result, el(doc, 'p', { class: 'notice notice--danger', role: 'alert', 'data-part': 'send-failed' }, t(COMPOSER_TEXT.sendFailed, l)));
      },
    );
  });

  preview();
  return el(
    doc,
    'section',
    { class: 'composer', 'data-part': 'composer' },
    el(doc, 'h3', {}, t(COMPOSER_TEXT.heading, l)),
    el(doc, 'p', { class: 'quiet' }, t(COMPOSER_TEXT.intro, l)),
    el(
      doc,
      'div',
      { class: 'composer__grid' },
      labelled(doc, 'request-sid', t(COMPOSER_TEXT.sid, l), sid, el(doc, 'p', { class: 'hint', 'data-part': 'sid-hint' }, t(COMPOSER_TEXT.sidHint, l))),
      labelled(doc, 'request-language', t(COMPOSER_TEXT.language, l), language),
      labelled(doc, 'request-browser', `${t(COMPOSER_TEXT.browser, l)} (${t(COMPOSER_TEXT.detected, l)})`, browser),
      labelled(doc, 'request-os', `${t(COMPOSER_TEXT.operatingSystem, l)} (${t(COMPOSER_TEXT.detected, l)})`, operatingSystem),
    ),
    labelled(doc, 'request-steps', t(COMPOSER_TEXT.steps, l), steps),
    labelled(doc, 'request-error', t(COMPOSER_TEXT.errorMessage, l), errorMessage),
    el(doc, 'p', { class: 'notice notice--info', 'data-part': 'screenshot-reminder' }, t(COMPOSER_TEXT.screenshots, l)),
    el(doc, 'h4', { class: 'label' }, t(COMPOSER_TEXT.preview, l)),
    labelled(doc, 'request-subject', t(COMPOSER_TEXT.subject, l), subject),
    labelled(doc, 'request-body', t(COMPOSER_TEXT.body, l), body),
    el(doc, 'div', { class: 'actions' }, copyButton, sendButton),
    result,
  );
}
