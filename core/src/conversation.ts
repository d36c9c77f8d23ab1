import { analyzeMessage, type AnalyzeOptions, type MessageAnalysis } from './analyze';
import type { ThreadEntry } from './conversation-types';
import { RAKUTEN_DE } from './profile';
import { isReplyAddress, type SenderVerdict } from './sender-trust';

export interface ForwardInThread {
  readonly entryId: string;
  readonly analysis: MessageAnalysis;
  /** A public reply to the marketplace's address came after it. */
  readonly answered: boolean;
}

export interface ConversationState {
  /** The ticket's verdict: a genuine forward anywhere makes it a marketplace ticket; otherwise the worst sign. */
  readonly kind: SenderVerdict;
  readonly isMarketplaceTicket: boolean;
  readonly forwards: readonly ForwardInThread[];
  readonly unanswered: readonly ForwardInThread[];
  /** The newest genuine forward: what the sidebar shows. */
  readonly latest: ForwardInThread | null;
  /** Counted from the first unanswered customer message, not the last. */
  readonly replyDueBy: Date | null;
  /** Every unanswered message only thanks or says it is settled: a short closing reply suffices. */
  readonly closingOnly: boolean;
  readonly maySolve: boolean;
  /** Analysis of a spoofed incoming message, when there is one. */
  readonly spoof: { readonly entryId: string; readonly analysis: MessageAnalysis } | null;
}

function entryTime(entry: ThreadEntry): number {
  if (entry.role === 'incoming') return entry.message.receivedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return entry.at.getTime();
}

/**
 * Only a public reply that went to the marketplace (or to the ticket's requester, when the helpdesk does not
 * say where it went) answers. Internal notes and automations never do: the marketplace does not see them.
 */
function answers(entry: ThreadEntry, options: AnalyzeOptions): boolean {
  if (entry.role !== 'agent' || !entry.public || entry.text.trim() === '') return false;
  const profile = options.profile ?? RAKUTEN_DE;
  return entry.to.length === 0 || entry.to.some((address) => isReplyAddress(address, profile));
}

export function conversationState(entries: readonly ThreadEntry[], options: AnalyzeOptions = {}): ConversationState {
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => entryTime(a.entry) - entryTime(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);

  const forwards: { entryId: string; analysis: MessageAnalysis; answered: boolean }[] = [];
  let spoof: ConversationState['spoof'] = null;
  let sawNotice = false;
  for (const entry of ordered) {
    if (entry.role === 'incoming') {
      const analysis = analyzeMessage(entry.message, options);
      if (analysis.kind === 'customer-forward') forwards.push({ entryId: entry.id, analysis, answered: false });
      else if (analysis.kind === 'spoofed' && !spoof) spoof = { entryId: entry.id, analysis };
      else if (analysis.kind === 'rakuten-notice') sawNotice = true;
    } else if (answers(entry, options)) {
      for (const forward of forwards) forward.answered = true;
    }
  }

  const unanswered = forwards.filter((forward) => !forward.answered);
  const kind: SenderVerdict =
    forwards.length > 0 ? 'customer-forward' : spoof ? 'spoofed' : sawNotice ? 'rakuten-notice' : 'unrelated';
  return {
    kind,
    isMarketplaceTicket: forwards.length > 0,
    forwards,
    unanswered,
    latest: forwards[forwards.length - 1] ?? null,
    replyDueBy: unanswered[0]?.analysis.replyDueBy ?? null,
    closingOnly: unanswered.length > 0 && unanswered.every((forward) => forward.analysis.closingOnly === true),
    maySolve: unanswered.length === 0,
    spoof,
  };
}
