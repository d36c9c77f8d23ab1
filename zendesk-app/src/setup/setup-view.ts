import { SETUP_CHECK_TITLES, t, type Locale, type SetupCheckItem, type SetupCheckStatus } from '@rakuten-helpdesk/core';
import { el, externalLink, replaceChildren } from '../sidebar/dom';
import { ZENDESK_CHECKS, type ZendeskCheckId } from './checks';
import { NAV_TEXT, STATUS_LABEL } from './setup-text';

const PILL_TONE: Readonly<Record<SetupCheckStatus | 'pending', string>> = {
  ok: 'pill--ok',
  problem: 'pill--danger',
  manual: 'pill--warning',
  error: 'pill--warning',
  pending: '',
};

/** The core's title of a check, for the row shown while it runs (the core words titles only inside items). */
function checkTitle(id: ZendeskCheckId, locale: Locale): string {
  return t(SETUP_CHECK_TITLES[id], locale);
}

function pendingRow(doc: Document, id: ZendeskCheckId, locale: Locale): HTMLElement {
  return el(
    doc,
    'li',
    { class: 'check', 'data-check': id, 'data-status': 'pending' },
    el(doc, 'div', { class: 'check__head' }, el(doc, 'span', { class: 'pill', 'data-part': 'status' }, t(STATUS_LABEL.pending, locale)), el(doc, 'strong', {}, checkTitle(id, locale))),
  );
}

/** Every text of an item goes in as text: trigger titles and link labels are the account's own data. */
function itemRow(doc: Document, item: SetupCheckItem, locale: Locale): HTMLElement {
  const fixLabel = item.status === 'ok' ? NAV_TEXT.tip : item.status === 'problem' ? NAV_TEXT.howToFix : NAV_TEXT.whatToDo;
  return el(
    doc,
    'li',
    { class: `check check--${item.status}`, 'data-check': item.id, 'data-status': item.status },
    el(
      doc,
      'div',
      { class: 'check__head' },
      el(doc, 'span', { class: `pill ${PILL_TONE[item.status]}`, 'data-part': 'status' }, t(STATUS_LABEL[item.status], locale)),
      el(doc, 'strong', {}, t(item.title, locale)),
    ),
    el(doc, 'p', { class: 'check__detail', 'data-part': 'detail' }, t(item.detail, locale)),
    item.links.length > 0 &&
      el(doc, 'ul', { class: 'check__links', 'data-part': 'links' }, ...item.links.map((link) => el(doc, 'li', {}, externalLink(doc, link.url, link.label)))),
    item.fix && el(doc, 'p', { class: 'check__fix', 'data-part': 'fix' }, el(doc, 'strong', {}, t(fixLabel, locale)), ' ', t(item.fix, locale)),
  );
}

/** The setup check: one row per check, each drawn as soon as its own answer is in. */
export function setupCheckView(doc: Document, locale: Locale, run: () => Record<ZendeskCheckId, Promise<SetupCheckItem>>): HTMLElement {
  const list = el(doc, 'ul', { class: 'checks', 'aria-live': 'polite', 'data-part': 'checks' });
  const rerun = el(doc, 'button', { class: 'button button--small', type: 'button', 'data-part': 'rerun' }, t(NAV_TEXT.rerun, locale));
  let round = 0;

  function start(): void {
    const mine = ++round;
    rerun.disabled = true;
    const rows = new Map(ZENDESK_CHECKS.map((id) => [id, pendingRow(doc, id, locale)] as const));
    replaceChildren(list, ...rows.values());
    const running = run();
    const done = ZENDESK_CHECKS.map((id) =>
      running[id].then((item) => {
        if (mine !== round) return;
        const row = itemRow(doc, item, locale);
        rows.get(id)?.replaceWith(row);
        rows.set(id, row);
      }),
    );
    void Promise.allSettled(done).then(() => {
      if (mine === round) rerun.disabled = false;
    });
  }

  rerun.addEventListener('click', start);
  start();
  return el(
    doc,
    'section',
    { class: 'panel', 'data-part': 'setup-check' },
    el(doc, 'div', { class: 'panel__head' }, el(doc, 'h2', {}, t(NAV_TEXT.setupHeading, locale)), rerun),
    el(doc, 'p', { class: 'quiet' }, t(NAV_TEXT.setupIntro, locale)),
    list,
  );
}
