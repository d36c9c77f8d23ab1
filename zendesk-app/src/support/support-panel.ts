import { RAKUTEN_SUPPORT_CHANNELS, RAKUTEN_SUPPORT_SOURCE, RAKUTEN_SUPPORT_TIPS, t, type Locale, type SupportChannel } from '@rakuten-helpdesk/core';
import { el, externalLink } from '../sidebar/dom';

/**
 * Rakuten's support channels exactly as the core holds them from Rakuten's help page, with the source named.
 * The page gives no e-mail address, so none is shown; phone numbers are tel: links.
 */
function channelRow(doc: Document, channel: SupportChannel, locale: Locale): HTMLElement {
  const detail = t(channel.detail, locale);
  return el(
    doc,
    'li',
    { class: 'channel', 'data-part': `channel-${channel.id}` },
    el(doc, 'span', { class: 'channel__label' }, t(channel.label, locale)),
    el(doc, 'span', { class: 'channel__detail' }, channel.phone ? externalLink(doc, `tel:${channel.phone}`, detail) : detail),
  );
}

export function supportChannelsPanel(doc: Document, locale: Locale): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'support-channels', 'data-part': 'support-channels' },
    el(doc, 'p', { class: 'source', 'data-part': 'support-source' }, t(RAKUTEN_SUPPORT_SOURCE, locale)),
    el(doc, 'ul', { class: 'channels' }, ...RAKUTEN_SUPPORT_CHANNELS.map((channel) => channelRow(doc, channel, locale))),
    el(doc, 'ul', { class: 'tips', 'data-part': 'support-tips' }, ...RAKUTEN_SUPPORT_TIPS.map((tip) => el(doc, 'li', {}, t(tip, locale)))),
  );
}
