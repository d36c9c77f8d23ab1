import {
  REWARDS_HELP_URL,
  SIDEBAR_TEXT,
  countdown,
  formatBerlin,
  formatDeadline,
  sortFindings,
  t,
  unansweredLines,
  type ConversationState,
  type Finding,
  type ForwardInThread,
  type Locale,
  type Tone,
} from '@rakuten-helpdesk/core';
import { APP_TEXT } from '../texts';
import { el, externalLink, replaceChildren } from './dom';

export interface ForwardActions {
  copy(value: string): Promise<boolean>;
  insertClosingReply(): Promise<void>;
}

/** The parts of a drawn forward that change while the agent works, without redrawing the rest. */
export interface ForwardView {
  readonly element: HTMLElement;
  showCountdown(now: Date): void;
  showFindings(findings: readonly Finding[]): void;
  showNote(text: string, tone: Tone): void;
}

function copyButton(doc: Document, value: string, locale: Locale, actions: ForwardActions, part: string): HTMLButtonElement {
  const button = el(doc, 'button', { class: 'button button--small', type: 'button', 'data-part': part }, t(SIDEBAR_TEXT.copy, locale));
  button.addEventListener('click', () => {
    void actions.copy(value).then((copied) => {
      button.textContent = copied ? t(SIDEBAR_TEXT.copied, locale) : t(APP_TEXT.copyFailed, locale);
      setTimeout(() => (button.textContent = t(SIDEBAR_TEXT.copy, locale)), 1500);
    });
  });
  return button;
}

function fact(doc: Document, label: string, value: string | null, copy: HTMLButtonElement | null, part: string): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'fact' },
    el(doc, 'span', { class: 'fact__label' }, label),
    el(doc, 'span', { class: 'fact__value', 'data-part': part }, value ?? '—'),
    copy,
  );
}

function forwardFacts(doc: Document, latest: ForwardInThread, locale: Locale, actions: ForwardActions): HTMLElement[] {
  const { orderNumber, customerName } = latest.analysis;
  return [
    fact(doc, t(SIDEBAR_TEXT.orderNumber, locale), orderNumber, orderNumber ? copyButton(doc, orderNumber, locale, actions, 'copy-order-number') : null, 'order-number'),
    fact(doc, t(SIDEBAR_TEXT.customerName, locale), customerName, customerName ? copyButton(doc, customerName, locale, actions, 'copy-customer-name') : null, 'customer-name'),
  ];
}

function unansweredList(doc: Document, state: ConversationState, locale: Locale): HTMLElement | null {
  const lines = unansweredLines(state);
  if (lines.length === 0) return null;
  // The newest message is shown in full above; its line only needs the time it came in.
  const shownAbove = state.latest?.entryId;
  return el(
    doc,
    'div',
    { class: 'block' },
    el(doc, 'h2', { class: 'label' }, `${t(SIDEBAR_TEXT.unanswered, locale)} (${lines.length})`),
    el(
      doc,
      'ul',
      { class: 'unanswered', 'data-part': 'unanswered' },
      ...lines.map((line) =>
        el(
          doc,
          'li',
          {},
          el(doc, 'span', { class: 'unanswered__time' }, line.receivedAt ? formatBerlin(line.receivedAt, locale) : '—'),
          line.entryId === shownAbove ? null : ` ${line.preview}`,
        ),
      ),
    ),
  );
}

function closingBanner(doc: Document, locale: Locale, actions: ForwardActions): HTMLElement {
  const button = el(doc, 'button', { class: 'button button--primary button--small', type: 'button', 'data-part': 'insert-closing-reply' }, t(SIDEBAR_TEXT.insertClosingReply, locale));
  button.addEventListener('click', () => {
    button.disabled = true;
    void actions.insertClosingReply().finally(() => (button.disabled = false));
  });
  return el(doc, 'section', { class: 'notice notice--warning', 'data-part': 'closing-only' }, el(doc, 'strong', { class: 'notice__title' }, t(SIDEBAR_TEXT.closingOnly, locale)), button);
}

/** A small grey heading over its content, like Garden's field labels. */
function section(doc: Document, label: string, ...content: HTMLElement[]): HTMLElement {
  return el(doc, 'div', { class: 'block' }, el(doc, 'h2', { class: 'label' }, label), ...content);
}

/** Shown on its own, above the facts, with the notice below instead of in the list. */
const REWARDS_FLAG = 'rewards-matter';

/**
 * The customer asks about Rakuten Rewards, Ebates or cashback: Rakuten's matter. The link is the core's constant,
 * never an address from the message.
 */
function rewardsNotice(doc: Document, latest: ForwardInThread | null, locale: Locale, actions: ForwardActions): HTMLElement | null {
  const rewards = latest?.analysis.flags.find((flag) => flag.code === REWARDS_FLAG);
  if (!rewards) return null;
  const copy = el(doc, 'button', { class: 'button button--small', type: 'button', 'data-part': 'copy-rewards-link' }, t(APP_TEXT.copyLink, locale));
  copy.addEventListener('click', () => {
    void actions.copy(REWARDS_HELP_URL).then((copied) => {
      copy.textContent = copied ? t(SIDEBAR_TEXT.copied, locale) : t(APP_TEXT.copyFailed, locale);
      setTimeout(() => (copy.textContent = t(APP_TEXT.copyLink, locale)), 1500);
    });
  });
  return el(
    doc,
    'section',
    { class: 'notice notice--info', role: 'note', 'data-part': 'rewards', 'data-finding': REWARDS_FLAG },
    el(doc, 'p', { class: 'notice__title' }, t(rewards.text, locale)),
    el(doc, 'p', { class: 'notice__actions' }, externalLink(doc, REWARDS_HELP_URL, t(APP_TEXT.rewardsLink, locale), 'rewards-link'), copy),
  );
}

function flagList(doc: Document, latest: ForwardInThread | null, locale: Locale): HTMLElement | null {
  const flags = (latest?.analysis.flags ?? []).filter((flag) => flag.code !== REWARDS_FLAG);
  if (flags.length === 0) return null;
  return el(doc, 'ul', { class: 'flags', 'data-part': 'flags' }, ...flags.map((flag) => el(doc, 'li', {}, t(flag.text, locale))));
}

function customerMessage(doc: Document, latest: ForwardInThread | null, locale: Locale): HTMLElement | null {
  const message = latest?.analysis.customerMessage ?? null;
  if (message === null) return null;
  return section(doc, t(SIDEBAR_TEXT.customerMessage, locale), el(doc, 'p', { class: 'message', 'data-part': 'customer-message' }, message));
}

function deadline(doc: Document, dueBy: Date | null, countdownLine: HTMLElement, locale: Locale): HTMLElement {
  if (!dueBy) return el(doc, 'p', { class: 'notice notice--ok', 'data-part': 'all-answered' }, t(SIDEBAR_TEXT.allAnswered, locale));
  const when = el(doc, 'span', { 'data-part': 'due-by' }, formatDeadline(dueBy, locale));
  return section(doc, t(SIDEBAR_TEXT.dueBy, locale), el(doc, 'p', { class: 'deadline' }, when, ' ', countdownLine));
}

function findingNotices(doc: Document, findings: readonly Finding[], locale: Locale): HTMLElement[] {
  const sorted = sortFindings(findings);
  if (sorted.length === 0) return [];
  return [
    el(doc, 'h2', { class: 'label' }, t(SIDEBAR_TEXT.findings, locale)),
    ...sorted.map((finding) => {
      const tone = finding.severity === 'block' ? 'danger' : 'warning';
      return el(doc, 'p', { class: `notice notice--${tone}`, 'data-finding': finding.code }, t(finding.text, locale));
    }),
  ];
}

export function forwardView(doc: Document, state: ConversationState, locale: Locale, actions: ForwardActions): ForwardView {
  const latest = state.latest;
  const countdownLine = el(doc, 'span', { class: 'pill', 'data-part': 'countdown' });
  const findings = el(doc, 'div', { class: 'findings', 'aria-live': 'polite', 'data-part': 'findings' });
  const notes = el(doc, 'div', { class: 'notes', 'data-part': 'notes' });
  const replyTo = el(doc, 'p', { class: 'reply-to' }, `${t(SIDEBAR_TEXT.replyTo, locale)}: `, el(doc, 'strong', {}, latest?.analysis.replyTo ?? ''));

  const element = el(
    doc,
    'div',
    { class: 'forward' },
    el(doc, 'p', { class: 'verdict verdict--ok', 'data-part': 'verdict' }, t(SIDEBAR_TEXT.genuine, locale)),
    // What the guard says about the draft goes first: it changes while the agent types and must be seen.
    findings,
    rewardsNotice(doc, latest, locale, actions),
    state.closingOnly && closingBanner(doc, locale, actions),
    ...(latest ? forwardFacts(doc, latest, locale, actions) : []),
    flagList(doc, latest, locale),
    customerMessage(doc, latest, locale),
    deadline(doc, state.replyDueBy, countdownLine, locale),
    unansweredList(doc, state, locale),
    replyTo,
    notes,
  );

  return {
    element,
    showCountdown(now) {
      if (!state.replyDueBy) return;
      const left = countdown(state.replyDueBy, now, locale);
      countdownLine.textContent = left.text;
      countdownLine.className = `pill pill--${left.tone}`;
    },
    showFindings(list) {
      replaceChildren(findings, ...findingNotices(doc, list, locale));
    },
    showNote(text, tone) {
      notes.appendChild(el(doc, 'p', { class: `notice notice--${tone}`, 'data-part': 'note' }, text));
    },
  };
}
