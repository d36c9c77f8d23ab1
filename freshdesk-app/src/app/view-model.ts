import {
  REWARDS_HELP_URL,
  SIDEBAR_TEXT,
  formatBerlin,
  formatDeadline,
  sortFindings,
  t,
  unansweredLines,
  type ConversationState,
  type Finding,
  type Locale,
  type LocalizedText,
} from '@rakuten-helpdesk/core';
import { APP_TEXT } from './text';

/** What the sidebar shows, fully worded; render.ts only turns it into elements. */
export interface CopyableFact {
  readonly label: string;
  /** Null when the forward did not carry it. */
  readonly value: string | null;
}

export interface FindingLine {
  readonly severity: 'block' | 'warn';
  readonly text: string;
}

export interface GenuineView {
  readonly kind: 'genuine';
  readonly title: string;
  readonly facts: readonly CopyableFact[];
  readonly replyTo: CopyableFact;
  readonly deadline: { readonly label: string; readonly when: string; readonly dueBy: Date } | null;
  readonly closing: { readonly text: string; readonly action: string } | null;
  readonly findings: { readonly title: string; readonly lines: readonly FindingLine[]; readonly fixRecipients: string | null } | null;
  readonly message: { readonly label: string; readonly text: string } | null;
  readonly unanswered: { readonly label: string; readonly lines: readonly { readonly when: string; readonly preview: string }[] };
  readonly allAnswered: string | null;
  readonly flags: { readonly title: string; readonly lines: readonly string[] } | null;
  /** The customer asks about Rakuten Rewards, Ebates or cashback: Rakuten's matter, with Rakuten's help page. */
  readonly rewards: { readonly title: string; readonly text: string; readonly link: string; readonly url: string } | null;
  /** The server's fill never arrived: what is missing, and the button that makes the same write. */
  readonly autoFill: AutoFillView | null;
}

export interface AutoFillView {
  readonly text: string;
  readonly detail: string;
  readonly action: string;
  /** While the write runs the button stays disabled, so that a double click writes once. */
  readonly busy: string | null;
  readonly error: string | null;
}

/** Where the sidebar's fill stands; null when there is nothing to offer. */
export interface AutoFillStatus {
  readonly busy: boolean;
  readonly error: LocalizedText | null;
}

export type SidebarView =
  | { readonly kind: 'loading'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string }
  | { readonly kind: 'quiet'; readonly text: string }
  | { readonly kind: 'spoof'; readonly title: string; readonly advice: string; readonly reasons: readonly string[] }
  | GenuineView;

export function loadingView(locale: Locale): SidebarView {
  return { kind: 'loading', text: t(APP_TEXT.loading, locale) };
}

export function failedView(locale: Locale): SidebarView {
  return { kind: 'failed', text: t(SIDEBAR_TEXT.appFailed, locale) };
}

function findingsView(findings: readonly Finding[], locale: Locale): GenuineView['findings'] {
  if (findings.length === 0) return null;
  return {
    title: t(SIDEBAR_TEXT.findings, locale),
    lines: sortFindings(findings).map((finding) => ({ severity: finding.severity, text: t(finding.text, locale) })),
    fixRecipients: findings.some((finding) => finding.code === 'wrong-recipient') ? t(APP_TEXT.fixRecipients, locale) : null,
  };
}

function autoFillView(status: AutoFillStatus | null, locale: Locale): AutoFillView | null {
  if (!status) return null;
  return {
    text: t(APP_TEXT.autoFillMissed, locale),
    detail: t(APP_TEXT.autoFillWhat, locale),
    action: t(APP_TEXT.fillNow, locale),
    busy: status.busy ? t(APP_TEXT.filling, locale) : null,
    error: status.error ? t(status.error, locale) : null,
  };
}

function genuineView(state: ConversationState, findings: readonly Finding[], locale: Locale, autoFill: AutoFillStatus | null): GenuineView {
  const latest = state.latest?.analysis ?? null;
  const lines = unansweredLines(state).map((line) => ({
    when: line.receivedAt ? formatBerlin(line.receivedAt, locale) : '',
    preview: line.preview,
  }));
  const flags = latest?.flags ?? [];
  const rewards = flags.find((flag) => flag.code === 'rewards-matter');
  const flagLines = flags.filter((flag) => flag !== rewards).map((flag) => t(flag.text, locale));
  return {
    kind: 'genuine',
    title: t(SIDEBAR_TEXT.genuine, locale),
    facts: [
      { label: t(SIDEBAR_TEXT.orderNumber, locale), value: latest?.orderNumber ?? null },
      { label: t(SIDEBAR_TEXT.customerName, locale), value: latest?.customerName ?? null },
    ],
    replyTo: { label: t(SIDEBAR_TEXT.replyTo, locale), value: latest?.replyTo ?? null },
    deadline: state.replyDueBy
      ? { label: t(SIDEBAR_TEXT.dueBy, locale), when: formatDeadline(state.replyDueBy, locale), dueBy: state.replyDueBy }
      : null,
    closing: state.closingOnly
      ? { text: t(SIDEBAR_TEXT.closingOnly, locale), action: t(SIDEBAR_TEXT.insertClosingReply, locale) }
      : null,
    findings: findingsView(findings, locale),
    message: latest?.customerMessage ? { label: t(SIDEBAR_TEXT.customerMessage, locale), text: latest.customerMessage } : null,
    unanswered: { label: t(SIDEBAR_TEXT.unanswered, locale), lines },
    allAnswered: lines.length === 0 ? t(SIDEBAR_TEXT.allAnswered, locale) : null,
    flags: flagLines.length > 0 ? { title: t(APP_TEXT.flags, locale), lines: flagLines } : null,
    rewards: rewards
      ? { title: t(APP_TEXT.rewardsTitle, locale), text: t(rewards.text, locale), link: t(APP_TEXT.rewardsLink, locale), url: REWARDS_HELP_URL }
      : null,
    autoFill: autoFillView(autoFill, locale),
  };
}

/** A genuine forward anywhere in the thread wins; a spoof warns loudly; anything else stays quiet. */
export function sidebarView(state: ConversationState, findings: readonly Finding[], locale: Locale, autoFill: AutoFillStatus | null = null): SidebarView {
  if (state.isMarketplaceTicket) return genuineView(state, findings, locale, autoFill);
  if (state.spoof) {
    return {
      kind: 'spoof',
      title: t(SIDEBAR_TEXT.spoofed, locale),
      advice: t(SIDEBAR_TEXT.spoofedAdvice, locale),
      reasons: state.spoof.analysis.flags.map((flag) => t(flag.text, locale)),
    };
  }
  return { kind: 'quiet', text: t(state.kind === 'rakuten-notice' ? SIDEBAR_TEXT.notice : SIDEBAR_TEXT.unrelated, locale) };
}
