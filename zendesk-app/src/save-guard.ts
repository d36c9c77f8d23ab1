import { SIDEBAR_TEXT, blocking, guardReply, t, type ConversationState, type Finding, type Locale } from '@rakuten-helpdesk/core';
import { DRAFT_PATHS, draftFrom } from './draft';
import type { HelpdeskClient } from './zaf-client';

export interface SaveGuardDeps {
  readonly client: HelpdeskClient;
  /** The ticket's analysis; rejects when the app could not make one. */
  readonly state: () => Promise<ConversationState>;
  readonly locale: () => Locale;
  /** Longer than this and the app counts as failed: a stuck sidebar must not hold up the agent's save. */
  readonly timeoutMs: number;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function blockers(deps: SaveGuardDeps): Promise<Finding[]> {
  const state = await deps.state();
  if (!state.isMarketplaceTicket) return [];
  const draft = draftFrom(await deps.client.read(DRAFT_PATHS));
  return blocking(guardReply(draft, state));
}

/**
 * The ticket.save hook. Only the core's blocking findings cancel a save. When the app itself fails, the
 * save goes through and the agent is told: the merchant's work must never hinge on this sidebar.
 */
export function saveGuard(deps: SaveGuardDeps): () => Promise<void> {
  return async () => {
    let found: Finding[];
    try {
      found = await within(blockers(deps), deps.timeoutMs);
    } catch {
      await deps.client.invoke('notify', t(SIDEBAR_TEXT.appFailed, deps.locale()), 'alert').catch(() => undefined);
      return;
    }
    if (found.length > 0) throw new Error(found.map((finding) => t(finding.text, deps.locale())).join(' '));
  };
}
