import { RAKUTEN_DE, SIDEBAR_TEXT, suggestClosingReply, t, type Locale } from '@rakuten-helpdesk/core';
import type { FreshworksClient } from './client';
import type { SidebarActions } from './render';
import { APP_TEXT } from './text';
import type { TicketContext } from './ticket-context';

export type NotifyType = 'success' | 'info' | 'warning' | 'danger';

export async function notify(client: FreshworksClient, locale: Locale, type: NotifyType, message: string): Promise<void> {
  try {
    await client.interface.trigger('showNotify', { type, title: t(APP_TEXT.notifyTitle, locale), message });
  } catch {
    // Nothing is left to tell the agent with.
  }
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The editor takes HTML; the reply carries the customer's name as written, so every character is escaped. */
export function replyHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char))
    .join('<br>');
}

/** Puts `value` on the clipboard; resolves false when neither the clipboard API nor the selection fallback works. */
export async function copyToClipboard(doc: Document, value: string): Promise<boolean> {
  try {
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (clipboard) {
      await clipboard.writeText(value);
      return true;
    }
  } catch {
    // An iframe without clipboard permission: fall back to a selection.
  }
  const area = doc.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  doc.body.append(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  return copied;
}

/** The actions of one drawing; the fill is the sidebar's own, because its state outlives every drawing. */
export function sidebarActions(client: FreshworksClient, doc: Document, context: TicketContext, locale: Locale): Omit<SidebarActions, 'fillNow'> {
  const failed = () => notify(client, locale, 'warning', t(SIDEBAR_TEXT.appFailed, locale));
  return {
    copy: (value) => copyToClipboard(doc, value),

    insertClosingReply() {
      // The reply is for the customer: it is written in the shop's language, not the agent's.
      const text = suggestClosingReply({
        customerName: context.state.latest?.analysis.customerName ?? null,
        settings: context.settings,
        locale: context.settings.locale,
      });
      void (async () => {
        await client.interface.trigger('click', { id: 'reply' });
        await client.interface.trigger('setValue', { id: 'editor', text: replyHtml(text), replace: true });
      })().catch(failed);
    },

    fixRecipients() {
      const replyTo = context.state.latest?.analysis.replyTo ?? RAKUTEN_DE.replyAddress;
      void (async () => {
        await client.interface.trigger('setValue', { id: 'to', value: [replyTo] });
        await client.interface.trigger('setValue', { id: 'cc', value: [] });
        await client.interface.trigger('setValue', { id: 'bcc', value: [] });
      })().catch(failed);
    },
  };
}
