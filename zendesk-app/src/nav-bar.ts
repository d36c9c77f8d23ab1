import { localeFrom, t, type Locale } from '@rakuten-helpdesk/core';
import { REQUIREMENT, fieldIdsFrom, sidFrom } from './settings';
import { runSetupChecks } from './setup/checks';
import { createTicket } from './setup/setup-api';
import { NAV_TEXT } from './setup/setup-text';
import { setupCheckView } from './setup/setup-view';
import { copyText } from './sidebar/copy';
import { el, replaceChildren } from './sidebar/dom';
import { supportComposer } from './support/composer';
import { supportChannelsPanel } from './support/support-panel';
import { isRecord, type HelpdeskClient } from './zaf-client';

/**
 * The nav bar location: the admin's setup check beside Rakuten's support channels and the support request
 * composer. It reads no ticket; everything it knows comes from the registration and the REST API.
 */

const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/i;

/** The account's subdomain from the ZAF context, only when it is one: links into Zendesk are built from it. */
export function accountSubdomain(context: unknown): string | null {
  const account = isRecord(context) && isRecord(context['account']) ? context['account'] : {};
  const subdomain = account['subdomain'];
  return typeof subdomain === 'string' && SUBDOMAIN.test(subdomain) ? subdomain.toLowerCase() : null;
}

function userId(user: unknown): number | null {
  const id = isRecord(user) ? user['id'] : null;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function startNavBar(client: HelpdeskClient, doc: Document, userAgent: string = doc.defaultView?.navigator.userAgent ?? ''): void {
  const root = doc.getElementById('nav-bar') ?? doc.body;
  let locale: Locale = 'de';

  async function start(payload: unknown): Promise<void> {
    const metadata = isRecord(payload) ? payload['metadata'] : undefined;
    const subdomain = accountSubdomain(isRecord(payload) ? payload['context'] : undefined);
    const basics = await client.read(['currentUser', 'currentUser.locale', REQUIREMENT.orderNumber, REQUIREMENT.customerName]);
    locale = localeFrom(typeof basics.values['currentUser.locale'] === 'string' ? basics.values['currentUser.locale'] : null);
    doc.documentElement.lang = locale;
    const fieldIds = fieldIdsFrom(basics.values, metadata);
    const requesterId = userId(basics.values['currentUser']);

    const setup = setupCheckView(doc, locale, () => runSetupChecks({ client, fieldIds, subdomain, locale }));
    const composer = supportComposer(doc, {
      sid: sidFrom(metadata),
      userAgent,
      locale,
      copy: (text) => copyText(doc, text),
      send: (request) => (requesterId === null ? Promise.reject(new Error('No current user')) : createTicket(client, { ...request, requesterId })),
      openTicket: (ticketId) => client.invoke('routeTo', 'ticket', ticketId),
    });
    replaceChildren(
      root,
      el(doc, 'h1', { class: 'title' }, t(NAV_TEXT.title, locale)),
      el(
        doc,
        'div',
        { class: 'columns' },
        setup,
        el(doc, 'section', { class: 'panel', 'data-part': 'support' }, el(doc, 'h2', {}, t(NAV_TEXT.supportHeading, locale)), supportChannelsPanel(doc, locale), composer),
      ),
    );
  }

  client.on('app.registered', (payload) => {
    start(payload).catch(() => {
      replaceChildren(root, el(doc, 'p', { class: 'notice notice--warning', role: 'status', 'data-part': 'app-failed' }, t(NAV_TEXT.startFailed, locale)));
    });
  });
}
