import {
  autoReplyCheck,
  checkFailed,
  credentialsCheck,
  fieldsCheck,
  isMarketplaceMail,
  spamCheck,
  type LocalizedText,
  type SetupCheckItem,
  type SetupLink,
} from '@rakuten-helpdesk/core';
import { z } from 'zod/mini';
import { adminApi, type AdminApi } from '../../shared/admin-api';
import type { AutomationRule } from '../../shared/admin-schemas';
import { failureStatus, freshdeskApi, type FreshdeskApi, type RequestService } from '../../shared/freshdesk-api';
import type { TicketField } from '../../shared/freshdesk-schemas';
import { FIELD_LABEL, FIELD_NAMES_KEY, type FieldKey } from '../../shared/ticket-marks';
import { failureReason } from '../failure-reason';
import { SETUP_REMEDY } from './tool-text';

/**
 * The setup check's facts, read through the request templates: does the API key work, are the Rakuten fields
 * there and on the form, does a ticket-creation rule mail Rakuten, is Rakuten mail stuck in spam. The verdicts
 * and their wording come from the core; only Freshdesk's own remedies (where in its admin) are said here.
 */

export interface SetupCheckDeps {
  readonly request: RequestService;
  /** The app's store: the field names onAppInstall kept. */
  readonly db: { get(key: string): Promise<unknown> };
  /** `shop.freshdesk.com`, for links into the helpdesk; null when the setting does not look like one. */
  readonly domain: string | null;
}

const DOMAIN = /^[a-z0-9][a-z0-9-]*\.freshdesk\.com$/;

/** The helpdesk's own address, only when it is a Freshdesk domain: links are built from it, never from data. */
/** Where in this helpdesk's admin the fields are made and put on the form. */
const FRESHDESK_FIELDS_FIX = {
  missing: {
    de: 'Installieren Sie die App neu (sie legt die Felder an) oder legen Sie sie als Textfelder an: Admin → Workflows → Ticketfelder.',
    en: 'Reinstall the app (it creates the fields) or create them as text fields: Admin → Workflows → Ticket Fields.',
  },
  notOnForm: {
    de: 'Fügen Sie die Felder Ihrem Ticketformular hinzu: Admin → Workflows → Ticketformulare.',
    en: 'Add the fields to your ticket form: Admin → Workflows → Ticket Forms.',
  },
};

export function helpdeskDomain(value: unknown): string | null {
  return typeof value === 'string' && DOMAIN.test(value.trim().toLowerCase()) ? value.trim().toLowerCase() : null;
}

const ACCESS_FIRST: LocalizedText = {
  de: 'zuerst den API-Zugang reparieren (siehe oben).',
  en: 'fix the API access first (see above).',
};

async function credentials(api: AdminApi): Promise<SetupCheckItem> {
  try {
    await api.getCurrentAgent();
    return credentialsCheck({ status: 200 });
  } catch (error) {
    const status = failureStatus(error);
    if (status === 429 || (status !== null && status >= 500) || status === null) return checkFailed('credentials', failureReason(error));
    return credentialsCheck({ status });
  }
}

const StoredNamesSchema = z.object({ orderNumber: z.nullish(z.string()), customerName: z.nullish(z.string()) });

async function storedFieldNames(db: SetupCheckDeps['db']): Promise<Partial<Record<FieldKey, string>>> {
  try {
    const parsed = StoredNamesSchema.safeParse(await db.get(FIELD_NAMES_KEY));
    if (!parsed.success) return {};
    return {
      ...(parsed.data.orderNumber ? { orderNumber: parsed.data.orderNumber } : {}),
      ...(parsed.data.customerName ? { customerName: parsed.data.customerName } : {}),
    };
  } catch {
    // Not stored (an install that failed half-way): the fields are found by their labels.
    return {};
  }
}

/** The field by the name stored on install, else by its label (an install from before names were stored). */
function findField(fields: readonly TicketField[], name: string | undefined, label: string): TicketField | undefined {
  return fields.find((field) => name !== undefined && field.name === name) ?? fields.find((field) => field.label === label || field.label_for_customers === label);
}

/** Plans without ticket forms answer 403 or 404: every field is then on the one default form. */
async function formFields(api: AdminApi): Promise<{ ids: Set<number>; names: Set<string> } | null> {
  let forms;
  try {
    forms = await api.listTicketForms();
  } catch (error) {
    const status = failureStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
  const form = forms.find((candidate) => candidate.default === true) ?? forms[0];
  if (!form) return null;
  const detail = await api.getTicketForm(form.id);
  const fields = detail.fields ?? [];
  return {
    ids: new Set(fields.flatMap((field) => (typeof field.id === 'number' ? [field.id] : []))),
    names: new Set(fields.flatMap((field) => (field.name ? [field.name] : []))),
  };
}

async function fields(api: FreshdeskApi, admin: AdminApi, db: SetupCheckDeps['db']): Promise<SetupCheckItem> {
  try {
    const [all, stored] = await Promise.all([api.listTicketFields(), storedFieldNames(db)]);
    const keys = Object.keys(FIELD_LABEL) as FieldKey[];
    const found = keys.map((key) => ({ key, field: findField(all, stored[key], FIELD_LABEL[key]) }));
    const missing = found.filter((entry) => !entry.field).map((entry) => FIELD_LABEL[entry.key]);
    if (missing.length > 0) return fieldsCheck({ missing, notOnForm: [], remedy: FRESHDESK_FIELDS_FIX });
    const onForm = await formFields(admin);
    const notOnForm = onForm
      ? found.filter(({ field }) => field && !onForm.ids.has(field.id) && !onForm.names.has(field.name)).map((entry) => FIELD_LABEL[entry.key])
      : [];
    return fieldsCheck({ missing: [], notOnForm, remedy: FRESHDESK_FIELDS_FIX });
  } catch (error) {
    return checkFailed('fields', failureReason(error));
  }
}

const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['is_not', 'does_not_contain', 'not_in', 'not_contains']);

function mentionsRakuten(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((entry) => typeof entry === 'string' && entry.toLowerCase().includes('rakuten'));
}

/**
 * A rule whose conditions already leave Rakuten out ("requester email is not service@rakuten.de"): a condition
 * set excludes Rakuten when all its conditions must match and one of them rules Rakuten out; sets joined by OR
 * must all do so.
 */
export function excludesRakuten(rule: AutomationRule): boolean {
  const sets = rule.conditions ?? [];
  if (sets.length === 0) return false;
  const excluding = (set: (typeof sets)[number]) =>
    set.match_type === 'all' && (set.properties ?? []).some((property) => NEGATIVE_OPERATORS.has(property.operator ?? '') && mentionsRakuten(property.value));
  return (rule.operator ?? '').toUpperCase() === 'OR' ? sets.every(excluding) : sets.some(excluding);
}

/** An active ticket-creation rule that mails the requester, and Rakuten may be the requester. */
export function mailsRakuten(rule: AutomationRule): boolean {
  return rule.active === true && (rule.actions ?? []).some((action) => action.field_name === 'send_email_to_requester') && !excludesRakuten(rule);
}

function ruleLink(rule: AutomationRule, domain: string | null): SetupLink {
  const label = rule.name?.trim() || `#${rule.id}`;
  return { label, url: domain ? `https://${domain}/a/admin/automations/ticket_creation/${rule.id}/edit` : '' };
}

async function autoReplies(api: AdminApi, domain: string | null): Promise<SetupCheckItem> {
  let rules: AutomationRule[] | null;
  try {
    rules = await api.listTicketCreationRules();
  } catch (error) {
    const status = failureStatus(error);
    if (status !== 404) return checkFailed('auto-replies', failureReason(error));
    rules = null;
  }
  const offending = (rules ?? []).filter(mailsRakuten);
  if (offending.length > 0) {
    return autoReplyCheck({ readable: true, offending: offending.map((rule) => ruleLink(rule, domain)), remedy: SETUP_REMEDY.offendingRules });
  }
  // The requester notification "New Ticket Created" is not in the API: the merchant has to look.
  return autoReplyCheck({ readable: false, offending: [], remedy: rules ? SETUP_REMEDY.notificationRulesRead : SETUP_REMEDY.notification });
}

async function spam(api: AdminApi, domain: string | null): Promise<SetupCheckItem> {
  try {
    const tickets = await api.listSpamTickets();
    const fromRakuten = tickets.filter((ticket) => isMarketplaceMail(ticket.requester?.email ?? ''));
    const links = fromRakuten.map((ticket) => ({
      label: `#${ticket.id}${ticket.subject ? ` ${ticket.subject}` : ''}`,
      url: domain ? `https://${domain}/a/tickets/${ticket.id}` : '',
    }));
    return spamCheck({ count: fromRakuten.length, links, remedy: SETUP_REMEDY.spam });
  } catch (error) {
    return checkFailed('spam', failureReason(error));
  }
}

/**
 * Runs every check; none of them throws. The API key is tried first: when Freshdesk refuses it, the other
 * checks would only fail the same way, so they are not run and say so.
 */
export async function runSetupCheck(deps: SetupCheckDeps): Promise<SetupCheckItem[]> {
  const admin = adminApi(deps.request);
  const access = await credentials(admin);
  if (access.status === 'problem') {
    return [access, checkFailed('fields', ACCESS_FIRST), checkFailed('auto-replies', ACCESS_FIRST), checkFailed('spam', ACCESS_FIRST)];
  }
  const rest = await Promise.all([fields(freshdeskApi(deps.request), admin, deps.db), autoReplies(admin, deps.domain), spam(admin, deps.domain)]);
  return [access, ...rest];
}
