import { t, type Locale, type LocalizedText, type SetupCheckItem, type SetupLink } from '@rakuten-helpdesk/core';
import { el, type Child } from '../dom';
import { STATUS_LABEL, TOOL_TEXT } from './tool-text';

/** How many links a check lists before it says "and N more": the sidebar is narrow. */
export const MAX_LINKS = 5;

/** A link opened next to the app: only https addresses, built by the app, never taken from mail text. */
export function externalLink(doc: Document, url: string, label: string, className = 'link'): HTMLElement {
  if (!url.startsWith('https://')) return el(doc, 'span', { className }, [label]);
  return el(doc, 'a', { className, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, [label]);
}

function links(doc: Document, items: readonly SetupLink[], locale: Locale): Child {
  if (items.length === 0) return null;
  const shown = items.slice(0, MAX_LINKS);
  const more = items.length - shown.length;
  return el(doc, 'ul', { className: 'check__links' }, [
    ...shown.map((link) => el(doc, 'li', {}, [externalLink(doc, link.url, link.label)])),
    more > 0 && el(doc, 'li', { className: 'muted' }, [`+ ${more} ${t(TOOL_TEXT.moreLinks, locale)}`]),
  ]);
}

/** What to do: spelled out when something is wrong; folded away as a tip when all is well. */
function fix(doc: Document, item: SetupCheckItem, text: LocalizedText, locale: Locale): HTMLElement {
  if (item.status === 'ok') {
    return el(doc, 'details', { className: 'check__more' }, [el(doc, 'summary', {}, [t(TOOL_TEXT.tip, locale)]), el(doc, 'p', {}, [t(text, locale)])]);
  }
  return el(doc, 'p', { className: 'check__fix' }, [el(doc, 'span', { className: 'check__fix-label' }, [`${t(TOOL_TEXT.fix, locale)}: `]), t(text, locale)]);
}

function checkItem(doc: Document, item: SetupCheckItem, locale: Locale): HTMLElement {
  return el(doc, 'li', { className: `check check--${item.status}`, attrs: { 'data-check': item.id } }, [
    el(doc, 'div', { className: 'check__head' }, [
      el(doc, 'strong', { className: 'check__title' }, [t(item.title, locale)]),
      el(doc, 'span', { className: `check__badge check__badge--${item.status}` }, [t(STATUS_LABEL[item.status], locale)]),
    ]),
    el(doc, 'p', { className: 'check__detail' }, [t(item.detail, locale)]),
    links(doc, item.links, locale),
    item.fix && fix(doc, item, item.fix, locale),
  ]);
}

/** One line on top: how many problems, how many to look at, how many could not be checked. */
export function summary(items: readonly SetupCheckItem[], locale: Locale): string {
  const count = (status: SetupCheckItem['status']) => items.filter((item) => item.status === status).length;
  const parts = [
    [count('problem'), TOOL_TEXT.summaryProblems],
    [count('manual'), TOOL_TEXT.summaryManual],
    [count('error'), TOOL_TEXT.summaryErrors],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, text]) => `${n} ${t(text, locale)}`);
  return said.length === 0 ? t(TOOL_TEXT.summaryOk, locale) : said.join(' · ');
}

export function summaryTone(items: readonly SetupCheckItem[]): 'ok' | 'problem' | 'manual' {
  if (items.some((item) => item.status === 'problem' || item.status === 'error')) return 'problem';
  return items.some((item) => item.status === 'manual') ? 'manual' : 'ok';
}

/** The checks' results as a list; every text goes in as text. */
export function renderChecks(doc: Document, items: readonly SetupCheckItem[], locale: Locale): HTMLElement[] {
  return [
    el(doc, 'p', { className: `setup__summary setup__summary--${summaryTone(items)}`, attrs: { role: 'status' } }, [summary(items, locale)]),
    el(doc, 'ul', { className: 'checks' }, items.map((item) => checkItem(doc, item, locale))),
  ];
}
