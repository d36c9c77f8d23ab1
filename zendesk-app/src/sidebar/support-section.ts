import { t, type Locale } from '@rakuten-helpdesk/core';
import { supportChannelsPanel } from '../support/support-panel';
import { APP_TEXT } from '../texts';
import { el } from './dom';

/** Rakuten's support channels, folded away under the ticket's facts; the composer lives in the nav bar view. */
export function supportSection(doc: Document, locale: Locale): HTMLElement {
  return el(
    doc,
    'details',
    { class: 'support', 'data-part': 'support-contact' },
    el(doc, 'summary', { 'data-part': 'support-toggle' }, t(APP_TEXT.supportContact, locale)),
    supportChannelsPanel(doc, locale),
    el(doc, 'p', { class: 'quiet support__hint' }, t(APP_TEXT.composerHint, locale)),
  );
}
