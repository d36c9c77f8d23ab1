import type { RuleCondition, TriggerInfo } from './setup-api';

/**
 * Which active triggers would answer Rakuten's forward automatically. A trigger is named when it mails the
 * requester and none of its conditions certainly rules out a new ticket opened by a mail from
 * service@rakuten.de. A condition the app cannot judge (the receiving address, words in the comment) counts as
 * matching: a wrong warning costs the admin a look, a wrong all-clear costs the customer an answer.
 */

/** On a ticket opened by mail the requester is the sender, and so is the "current user" of that update. */
const RECIPIENTS_REACHING_THE_SENDER: ReadonlySet<string> = new Set(['requester_id', 'requester_and_ccs', 'current_user']);
/** Zendesk's channel id for e-mail (`via_id`), as in the app's own trigger in requirements.json. */
const VIA_EMAIL = '4';

/** A new ticket from service@rakuten.de, as a trigger at some position sees it. */
export interface RakutenMailTicket {
  /** Zendesk's user for service@rakuten.de; null while there is none (the first mail then creates one). */
  readonly requesterId: number | null;
  /** Tags that triggers further up the list have added by then. */
  readonly tags: ReadonlySet<string>;
}

export function mailsRequester(trigger: TriggerInfo): boolean {
  return trigger.actions.some(
    (action) => action.field === 'notification_user' && Array.isArray(action.value) && RECIPIENTS_REACHING_THE_SENDER.has(String(action.value[0])),
  );
}

function tagList(value: unknown): string[] {
  return String(value ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((tag) => tag !== '');
}

function rulesOutRequester(operator: string, value: string, requesterId: number | null): boolean {
  // On a mail-made ticket the requester is the one who made the update.
  if (value === 'current_user') return operator === 'is_not';
  if (value === '') return operator === 'is';
  // No user for Rakuten yet: the mail creates a new one, which no existing id names.
  if (requesterId === null) return operator === 'is';
  return operator === 'is' ? value !== String(requesterId) : operator === 'is_not' && value === String(requesterId);
}

/** True only where the condition is certainly false for that ticket. */
export function rulesOutRakutenMail(condition: RuleCondition, ticket: RakutenMailTicket): boolean {
  const { field, operator } = condition;
  const value = String(condition.value ?? '').trim();
  switch (field) {
    case 'update_type':
      return (operator === 'is' && value !== 'Create') || (operator === 'is_not' && value === 'Create');
    case 'via_id':
    case 'current_via_id':
      return (operator === 'is' && value !== VIA_EMAIL) || (operator === 'is_not' && value === VIA_EMAIL);
    // The update is Rakuten's own mail: its author is an end user (Zendesk's "proactive ticket" default needs an agent).
    case 'role':
      return (operator === 'is' && value !== 'end_user') || (operator === 'is_not' && value === 'end_user');
    case 'requester_id':
      return rulesOutRequester(operator, value, ticket.requesterId);
    case 'current_tags': {
      const present = tagList(value).some((tag) => ticket.tags.has(tag));
      return operator === 'includes' ? !present : operator === 'not_includes' && present;
    }
    default:
      return false;
  }
}

export function firesOnRakutenMail(trigger: TriggerInfo, ticket: RakutenMailTicket): boolean {
  if (trigger.all.some((condition) => rulesOutRakutenMail(condition, ticket))) return false;
  return trigger.any.length === 0 || !trigger.any.every((condition) => rulesOutRakutenMail(condition, ticket));
}

function addedTags(trigger: TriggerInfo): string[] {
  return trigger.actions.filter((action) => action.field === 'current_tags' || action.field === 'set_tags').flatMap((action) => tagList(action.value));
}

/** Does any condition name a requester? Only then is Zendesk's user for Rakuten worth looking up. */
export function needsRequesterId(triggers: readonly TriggerInfo[]): boolean {
  return triggers.some((trigger) => [...trigger.all, ...trigger.any].some((condition) => condition.field === 'requester_id'));
}

/**
 * The triggers that would mail Rakuten, in list order. Triggers run top to bottom, so a tag excludes Rakuten
 * only when a trigger above adds it (the app's own trigger tags forwards `rakuten`).
 */
export function offendingTriggers(triggers: readonly TriggerInfo[], requesterId: number | null): TriggerInfo[] {
  const ordered = [...triggers].sort((a, b) => a.position - b.position);
  const offending: TriggerInfo[] = [];
  const tags = new Set<string>();
  for (const trigger of ordered) {
    if (mailsRequester(trigger) && firesOnRakutenMail(trigger, { requesterId, tags })) offending.push(trigger);
    // Whether an earlier tagger fires is judged without tags of its own: no chains are followed.
    if (firesOnRakutenMail(trigger, { requesterId, tags: new Set() })) for (const tag of addedTags(trigger)) tags.add(tag);
  }
  return offending;
}
