import { SIDEBAR_TEXT, countdown, t, type Locale } from '@rakuten-helpdesk/core';
import { el, type Child } from './dom';
import { APP_TEXT } from './text';
import type { AutoFillView, CopyableFact, GenuineView, SidebarView } from './view-model';

export interface SidebarActions {
  /** Resolves true once the value is on the clipboard. */
  copy(value: string): Promise<boolean>;
  insertClosingReply(): void;
  fixRecipients(): void;
  /** Makes the write the server's event should have made. */
  fillNow(): void;
}

/** Opens the setup check or the Rakuten support panel in place of the ticket view. */
export interface ToolNav {
  open(kind: 'setup' | 'support'): void;
}

export interface RenderedSidebar {
  /** Moves the countdown on without drawing the rest again. */
  tick(now: Date): void;
}

interface Drawing {
  readonly doc: Document;
  readonly locale: Locale;
  readonly actions: SidebarActions;
}

const COPIED_FOR_MS = 1500;

function copyButton(drawing: Drawing, fact: CopyableFact, value: string): HTMLButtonElement {
  const { doc, locale } = drawing;
  const label = t(SIDEBAR_TEXT.copy, locale);
  const button = el(doc, 'button', {
    className: 'button button--secondary button--small',
    attrs: { type: 'button', 'aria-label': `${fact.label}: ${label}` },
  }, [label]);
  button.addEventListener('click', () => {
    void drawing.actions.copy(value).then((copied) => {
      if (!copied) return;
      button.textContent = t(SIDEBAR_TEXT.copied, locale);
      doc.defaultView?.setTimeout(() => (button.textContent = label), COPIED_FOR_MS);
    });
  });
  return button;
}

function factRow(drawing: Drawing, fact: CopyableFact, copyable: boolean): HTMLElement {
  const { doc, locale } = drawing;
  const value = fact.value === null
    ? el(doc, 'span', { className: 'fact__value fact__value--missing' }, [t(APP_TEXT.missing, locale)])
    : el(doc, 'span', { className: 'fact__value' }, [fact.value]);
  return el(doc, 'div', { className: 'fact' }, [
    el(doc, 'span', { className: 'fact__label' }, [fact.label]),
    el(doc, 'div', { className: 'fact__line' }, [value, copyable && fact.value !== null && copyButton(drawing, fact, fact.value)]),
  ]);
}

function actionButton(doc: Document, text: string, className: string, onClick: () => void): HTMLButtonElement {
  const button = el(doc, 'button', { className, attrs: { type: 'button' } }, [text]);
  button.addEventListener('click', onClick);
  return button;
}

function section(doc: Document, className: string, title: string | null, children: readonly Child[]): HTMLElement {
  return el(doc, 'section', { className: `section ${className}` }, [title && el(doc, 'h3', { className: 'section__title' }, [title]), ...children]);
}

function autoFillNotice(drawing: Drawing, view: AutoFillView): HTMLElement {
  const { doc, actions } = drawing;
  const button = actionButton(doc, view.action, 'button button--primary', () => {
    button.disabled = true;
    actions.fillNow();
  });
  button.disabled = view.busy !== null;
  return el(doc, 'div', { className: 'banner banner--autofill', attrs: { role: 'note' } }, [
    el(doc, 'p', { className: 'banner__text' }, [view.text]),
    el(doc, 'p', { className: 'banner__body' }, [view.detail]),
    el(doc, 'div', { className: 'banner__actions' }, [button, view.busy && el(doc, 'span', { className: 'banner__busy', attrs: { role: 'status' } }, [view.busy])]),
    view.error && el(doc, 'p', { className: 'banner__error', attrs: { role: 'alert' } }, [view.error]),
  ]);
}

function genuine(drawing: Drawing, view: GenuineView, countdownSlot: HTMLElement): Child[] {
  const { doc, actions } = drawing;
  return [
    el(doc, 'div', { className: 'verdict verdict--genuine', attrs: { role: 'status' } }, [view.title]),
    view.autoFill && autoFillNotice(drawing, view.autoFill),
    view.rewards &&
      el(doc, 'div', { className: 'banner banner--rewards', attrs: { role: 'note' } }, [
        el(doc, 'strong', { className: 'banner__title' }, [view.rewards.title]),
        el(doc, 'p', { className: 'banner__body' }, [view.rewards.text]),
        // The address is the core's constant, never one taken from the message.
        el(doc, 'a', { className: 'banner__link', attrs: { href: view.rewards.url, target: '_blank', rel: 'noopener noreferrer' } }, [view.rewards.link]),
      ]),
    view.closing &&
      el(doc, 'div', { className: 'banner banner--closing' }, [
        el(doc, 'p', { className: 'banner__text' }, [view.closing.text]),
        actionButton(doc, view.closing.action, 'button button--primary', () => actions.insertClosingReply()),
      ]),
    view.deadline &&
      el(doc, 'div', { className: 'deadline' }, [
        el(doc, 'span', { className: 'fact__label' }, [view.deadline.label]),
        el(doc, 'div', { className: 'deadline__line' }, [el(doc, 'span', { className: 'deadline__when' }, [view.deadline.when]), countdownSlot]),
      ]),
    view.findings &&
      section(doc, 'findings', view.findings.title, [
        el(doc, 'ul', { className: 'findings__list' }, view.findings.lines.map((line) =>
          el(doc, 'li', { className: `finding finding--${line.severity}` }, [line.text]))),
        view.findings.fixRecipients &&
          actionButton(doc, view.findings.fixRecipients, 'button button--secondary', () => actions.fixRecipients()),
      ]),
    el(doc, 'div', { className: 'facts' }, [...view.facts.map((fact) => factRow(drawing, fact, true)), factRow(drawing, view.replyTo, false)]),
    view.message && section(doc, 'message', view.message.label, [el(doc, 'blockquote', { className: 'message__text' }, [view.message.text])]),
    section(doc, 'unanswered', view.unanswered.label, [
      view.allAnswered && el(doc, 'p', { className: 'muted' }, [view.allAnswered]),
      view.unanswered.lines.length > 0 &&
        el(doc, 'ol', { className: 'unanswered__list' }, view.unanswered.lines.map((line) =>
          el(doc, 'li', { className: 'unanswered__item' }, [
            el(doc, 'span', { className: 'unanswered__when' }, [line.when]),
            el(doc, 'span', { className: 'unanswered__preview' }, [line.preview]),
          ]))),
    ]),
    view.flags &&
      section(doc, 'flags', view.flags.title, [el(doc, 'ul', { className: 'flags__list' }, view.flags.lines.map((line) => el(doc, 'li', {}, [line])))]),
  ];
}

function content(drawing: Drawing, view: SidebarView, countdownSlot: HTMLElement): Child[] {
  const { doc } = drawing;
  switch (view.kind) {
    case 'loading':
      return [el(doc, 'p', { className: 'muted' }, [view.text])];
    case 'failed':
      return [el(doc, 'div', { className: 'banner banner--failed', attrs: { role: 'status' } }, [view.text])];
    case 'quiet':
      return [el(doc, 'p', { className: 'muted quiet' }, [view.text])];
    case 'spoof':
      return [
        el(doc, 'div', { className: 'verdict verdict--spoof', attrs: { role: 'alert' } }, [
          el(doc, 'strong', { className: 'verdict__title' }, [view.title]),
          el(doc, 'p', { className: 'verdict__advice' }, [view.advice]),
          view.reasons.length > 0 && el(doc, 'ul', { className: 'verdict__reasons' }, view.reasons.map((reason) => el(doc, 'li', {}, [reason]))),
        ]),
      ];
    case 'genuine':
      return genuine(drawing, view, countdownSlot);
  }
}

function toolsNav(doc: Document, locale: Locale, nav: ToolNav): HTMLElement {
  return el(doc, 'nav', { className: 'tools-nav', attrs: { 'aria-label': t(APP_TEXT.tools, locale) } }, [
    actionButton(doc, t(APP_TEXT.openSetup, locale), 'button button--link', () => nav.open('setup')),
    actionButton(doc, t(APP_TEXT.openSupport, locale), 'button button--link', () => nav.open('support')),
  ]);
}

/** Draws the whole sidebar into `root`, replacing what was there; with `nav`, links to the tools at the foot. */
export function renderSidebar(
  root: HTMLElement,
  view: SidebarView,
  locale: Locale,
  actions: SidebarActions,
  now: Date,
  nav: ToolNav | null = null,
): RenderedSidebar {
  const doc = root.ownerDocument;
  const countdownSlot = el(doc, 'span', { className: 'countdown' });
  const dueBy = view.kind === 'genuine' ? (view.deadline?.dueBy ?? null) : null;
  const tick = (at: Date) => {
    if (!dueBy) return;
    const left = countdown(dueBy, at, locale);
    countdownSlot.className = `countdown countdown--${left.tone}`;
    countdownSlot.textContent = left.text;
  };
  tick(now);
  const children = content({ doc, locale, actions }, view, countdownSlot).flatMap((child) => (child ? [child] : []));
  if (nav && view.kind !== 'loading') children.push(toolsNav(doc, locale, nav));
  root.replaceChildren(...children);
  root.setAttribute('lang', locale);
  root.setAttribute('aria-busy', view.kind === 'loading' ? 'true' : 'false');
  return { tick };
}
