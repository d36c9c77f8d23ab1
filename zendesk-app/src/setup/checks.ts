import {
  RAKUTEN_DE,
  autoReplyCheck,
  checkFailed,
  fieldsCheck,
  isMarketplaceMail,
  spamCheck,
  t,
  type Locale,
  type SetupCheckId,
  type SetupCheckItem,
  type SetupLink,
} from '@rakuten-helpdesk/core';
import type { FieldIds } from '../fields';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry';
import type { HelpdeskClient } from '../zaf-client';
import { ZendeskApiError } from '../zendesk-api';
import { findUserId, getTicketField, listActiveTriggers, listSuspendedMail, listTicketForms, type TicketFormInfo } from './setup-api';
import { NAV_TEXT, TOO_MANY, ZENDESK_REMEDY, failureReason } from './setup-text';
import { needsRequesterId, offendingTriggers } from './triggers';

/**
 * The setup check's facts, read through the Zendesk API: are the Rakuten fields there and on the form, does an
 * active trigger mail Rakuten, is Rakuten mail suspended. The verdicts come from the core; a check that cannot
 * read its facts says so and never passes.
 */

/** The field titles requirements.json creates (a unit test holds them equal). */
export const FIELD_TITLE = { orderNumber: 'Rakuten-Bestellnummer', customerName: 'Rakuten-Kundenname' } as const;

export type ZendeskCheckId = Extract<SetupCheckId, 'fields' | 'auto-replies' | 'spam'>;
export const ZENDESK_CHECKS: readonly ZendeskCheckId[] = ['fields', 'auto-replies', 'spam'];

export interface SetupCheckDeps {
  readonly client: HelpdeskClient;
  readonly fieldIds: FieldIds;
  /** The account's subdomain, checked; links into Zendesk are built only from it. */
  readonly subdomain: string | null;
  /** Link labels are drawn in the agent's language. */
  readonly locale: Locale;
  readonly policy?: RetryPolicy;
}

/** Where in this helpdesk's admin the fields are made and put on the form. */
const ZENDESK_FIELDS_FIX = {
  missing: {
    de: 'Installieren Sie die App neu (sie legt die Felder an) oder legen Sie sie als Textfelder an: Admin Center → Objekte und Regeln → Tickets → Felder.',
    en: 'Reinstall the app (it creates the fields) or create them as text fields: Admin Center → Objects and rules → Tickets → Fields.',
  },
  notOnForm: {
    de: 'Fügen Sie die Felder Ihrem Ticketformular hinzu: Admin Center → Objekte und Regeln → Tickets → Formulare.',
    en: 'Add the fields to your ticket form: Admin Center → Objects and rules → Tickets → Forms.',
  },
};


function failedOn(id: SetupCheckId, error: unknown): SetupCheckItem {
  const status = error instanceof ZendeskApiError ? error.status : null;
  return checkFailed(id, failureReason(status), status === 401 || status === 403 ? ZENDESK_REMEDY.adminNeeded : undefined);
}

function adminUrl(subdomain: string | null, path: string): string | null {
  return subdomain === null ? null : `https://${subdomain}.zendesk.com${path}`;
}

function links(...candidates: [string, string | null][]): SetupLink[] {
  return candidates.flatMap(([label, url]) => (url === null ? [] : [{ label, url }]));
}

/** The forms a Rakuten mail can land on: the default form, else every active one. */
function formsThatMatter(forms: readonly TicketFormInfo[]): readonly TicketFormInfo[] {
  const active = forms.filter((form) => form.active);
  const defaults = active.filter((form) => form.isDefault);
  return defaults.length > 0 ? defaults : active;
}

async function fields(deps: SetupCheckDeps, policy: RetryPolicy): Promise<SetupCheckItem> {
  const wanted = [
    { id: deps.fieldIds.orderNumber, title: FIELD_TITLE.orderNumber },
    { id: deps.fieldIds.customerName, title: FIELD_TITLE.customerName },
  ];
  const found = await Promise.all(wanted.map(async (field) => (field.id === null ? null : getTicketField(deps.client, field.id, policy))));
  const missing = wanted.filter((_, index) => !found[index]?.active).map((field) => field.title);
  if (missing.length > 0) {
    const item = fieldsCheck({ missing, notOnForm: [], remedy: ZENDESK_FIELDS_FIX });
    return { ...item, links: links([t(NAV_TEXT.fieldsLink, deps.locale), adminUrl(deps.subdomain, '/admin/objects-rules/tickets/ticket-fields')]) };
  }
  const forms = formsThatMatter((await listTicketForms(deps.client, policy)) ?? []);
  // Without forms every active field shows on the one ticket form Zendesk has.
  const notOnForm = wanted.filter((field) => forms.some((form) => field.id !== null && !form.fieldIds.includes(field.id))).map((field) => field.title);
  const item = fieldsCheck({ missing: [], notOnForm, remedy: ZENDESK_FIELDS_FIX });
  return notOnForm.length === 0 ? item : { ...item, links: links([t(NAV_TEXT.formsLink, deps.locale), adminUrl(deps.subdomain, '/admin/objects-rules/tickets/ticket-forms')]) };
}

async function autoReplies(deps: SetupCheckDeps, policy: RetryPolicy): Promise<SetupCheckItem> {
  const triggers = await listActiveTriggers(deps.client, policy);
  if (triggers === null) return autoReplyCheck({ readable: false, offending: [], remedy: ZENDESK_REMEDY.autoReplies });
  if (!triggers.complete) return checkFailed('auto-replies', TOO_MANY.triggers);
  const rakutenUser = needsRequesterId(triggers.items) ? await findUserId(deps.client, RAKUTEN_DE.senderAddress, policy) : null;
  const offending = offendingTriggers(triggers.items, rakutenUser).map((trigger) => ({
    label: trigger.title,
    url: adminUrl(deps.subdomain, `/admin/objects-rules/rules/triggers/${trigger.id}`) ?? '',
  }));
  return autoReplyCheck({ readable: true, offending, remedy: ZENDESK_REMEDY.autoReplies });
}

async function spam(deps: SetupCheckDeps, policy: RetryPolicy): Promise<SetupCheckItem> {
  const suspended = await listSuspendedMail(deps.client, policy);
  const count = suspended.items.filter((mail) => isMarketplaceMail(mail.authorEmail)).length;
  // Unread pages could hold Rakuten mail: only a count above zero stands on a partial list.
  if (!suspended.complete && count === 0) return checkFailed('spam', TOO_MANY.suspended);
  const label = `${t(NAV_TEXT.suspendedLink, deps.locale)} (${count})`;
  return spamCheck({ count, links: count > 0 ? links([label, adminUrl(deps.subdomain, '/agent/filters/suspended')]) : [], remedy: ZENDESK_REMEDY.spam });
}

const CHECKS: Readonly<Record<ZendeskCheckId, (deps: SetupCheckDeps, policy: RetryPolicy) => Promise<SetupCheckItem>>> = {
  fields,
  'auto-replies': autoReplies,
  spam,
};

/** Each check on its own: one that fails or waits on a rate limit does not hold up the others. */
export function runSetupChecks(deps: SetupCheckDeps): Record<ZendeskCheckId, Promise<SetupCheckItem>> {
  const policy = deps.policy ?? DEFAULT_RETRY;
  const run = (id: ZendeskCheckId): Promise<SetupCheckItem> => CHECKS[id](deps, policy).catch((error: unknown) => failedOn(id, error));
  return { fields: run('fields'), 'auto-replies': run('auto-replies'), spam: run('spam') };
}
