import { SIDEBAR_TEXT, t, type ConversationState, type Locale } from '@rakuten-helpdesk/core';
import { APP_TEXT } from '../texts';
import { el } from './dom';

export function loadingView(doc: Document, locale: Locale): HTMLElement {
  return el(doc, 'p', { class: 'quiet', 'aria-live': 'polite' }, t(APP_TEXT.loading, locale));
}

export function failedView(doc: Document, locale: Locale): HTMLElement {
  return el(doc, 'p', { class: 'notice notice--warning', role: 'status', 'data-part': 'app-failed' }, t(SIDEBAR_TEXT.appFailed, locale));
}

/** Not a Rakuten customer forward: one grey line, nothing to act on. */
export function quietView(doc: Document, kind: 'unrelated' | 'rakuten-notice', locale: Locale): HTMLElement {
  const text = kind === 'rakuten-notice' ? SIDEBAR_TEXT.notice : SIDEBAR_TEXT.unrelated;
  return el(doc, 'p', { class: 'quiet', 'data-part': 'verdict' }, t(text, locale));
}

export function spoofedView(doc: Document, state: ConversationState, locale: Locale): HTMLElement {
  const reasons = state.spoof?.analysis.flags ?? [];
  return el(
    doc,
    'section',
    { class: 'notice notice--danger', role: 'alert', 'data-part': 'verdict' },
    el(doc, 'strong', { class: 'notice__title' }, t(SIDEBAR_TEXT.spoofed, locale)),
    el(doc, 'p', {}, t(SIDEBAR_TEXT.spoofedAdvice, locale)),
    reasons.length > 0 && el(doc, 'ul', { class: 'reasons' }, ...reasons.map((reason) => el(doc, 'li', {}, t(reason.text, locale)))),
  );
}
