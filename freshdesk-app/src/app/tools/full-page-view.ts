import { t } from '@rakuten-helpdesk/core';
import type { FreshworksClient } from '../client';
import { el } from '../dom';
import { APP_TEXT } from '../text';
import { agentLocale } from '../ticket-context';
import { setupPanel, supportPanel, toolSettings, type ToolContext } from './tools';

/** The full-page app: the setup check next to Rakuten's support channels and the request composer. */
export async function startFullPage(client: FreshworksClient, root: HTMLElement, userAgent: string, check?: ToolContext['check']): Promise<void> {
  const doc = root.ownerDocument;
  const [locale, settings] = await Promise.all([agentLocale(client), toolSettings(client)]);
  const context: ToolContext = { client, doc, locale, settings, userAgent, ...(check ? { check } : {}) };
  const setup = setupPanel(context);
  const support = supportPanel(context);
  root.setAttribute('lang', locale);
  root.replaceChildren(
    el(doc, 'header', { className: 'full-page__header' }, [el(doc, 'h1', { className: 'full-page__title' }, [t(APP_TEXT.notifyTitle, locale)])]),
    el(doc, 'div', { className: 'full-page__columns' }, [setup.element, support.element]),
  );
  await setup.ready;
  root.setAttribute('aria-busy', 'false');
}
