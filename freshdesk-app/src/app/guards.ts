import { SIDEBAR_TEXT, blocking, guardReply, htmlToText, t, type Finding, type Locale, type ReplyDraft } from '@rakuten-helpdesk/core';
import { z } from 'zod/mini';
import { notify } from './actions';
import type { FreshworksClient, FreshworksEvent } from './client';
import { APP_TEXT } from './text';
import type { TicketContext } from './ticket-context';

export interface GuardDeps {
  readonly client: FreshworksClient;
  readonly locale: () => Locale;
  /** The ticket as the sidebar last read it. */
  current(): Promise<TicketContext>;
  /** The ticket read again: a reply may have gone out since the sidebar loaded. */
  fresh(): Promise<TicketContext>;
  /** Resolves after `ms`. */
  wait(ms: number): Promise<void>;
  showFindings(findings: readonly Finding[]): void;
}

type Verdict = { readonly pass: true } | { readonly pass: false; readonly message: string };

const PASS: Verdict = { pass: true };
/** Longer than a slow Freshdesk answer, shorter than an agent's patience: then the action goes through. */
export const GUARD_TIMEOUT_MS = 8000;
const RESOLVED = 4;
const CLOSED = 5;

const addresses = z.nullish(z.array(z.string()));
/** What Freshdesk hands a `ticket.sendReply` interceptor is not documented; the editor's fields as far as given. */
const ReplyDataSchema = z.object({
  body: z.nullish(z.string()),
  body_text: z.nullish(z.string()),
  to_emails: addresses,
  cc_emails: addresses,
  bcc_emails: addresses,
});

const StatusValueSchema = z.union([z.number(), z.string()]);
const PropertiesDataSchema = z.object({
  status: z.optional(z.union([StatusValueSchema, z.object({ value: z.optional(StatusValueSchema), id: z.optional(StatusValueSchema) })])),
});

function eventData(event: FreshworksEvent): unknown {
  try {
    return event.helper.getData();
  } catch {
    return {};
  }
}

export function replyDraft(data: unknown, context: TicketContext): ReplyDraft {
  const parsed = ReplyDataSchema.safeParse(data);
  const reply = parsed.success ? parsed.data : {};
  return {
    // Without the editor's To the reply goes where Freshdesk sends replies: to the requester.
    to: reply.to_emails ?? (context.requesterEmail ? [context.requesterEmail] : []),
    cc: reply.cc_emails ?? [],
    bcc: reply.bcc_emails ?? [],
    public: true,
    text: reply.body_text ?? htmlToText(reply.body ?? ''),
    solving: false,
  };
}

/** The status a property update sets, when it sets one: a number, a numeric string or `{value}`. */
export function newStatus(data: unknown): number | null {
  const parsed = PropertiesDataSchema.safeParse(data);
  if (!parsed.success || parsed.data.status === undefined) return null;
  const raw = parsed.data.status;
  const value = typeof raw === 'object' ? (raw.value ?? raw.id) : raw;
  const status = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof status === 'number' && Number.isFinite(status) ? status : null;
}

const CLOSING_DRAFT: ReplyDraft = { to: [], cc: [], bcc: [], public: false, text: '', solving: true };

function blockMessage(findings: readonly Finding[], locale: Locale): string {
  return findings.map((finding) => t(finding.text, locale)).join(' ');
}

export function registerGuards(deps: GuardDeps): void {
  const { client } = deps;
  // A draft the agent was warned about once goes through when sent again unchanged.
  let warnedDraft: string | null = null;

  /** Every intercepted action ends in done() or fail(); when the app itself fails, the agent is not held up. */
  async function settle(event: FreshworksEvent, judge: () => Promise<Verdict>): Promise<void> {
    const verdict = await Promise.race([judge().catch(() => null), deps.wait(GUARD_TIMEOUT_MS).then(() => null)]);
    if (verdict === null) {
      event.helper.done();
      await notify(client, deps.locale(), 'warning', t(SIDEBAR_TEXT.appFailed, deps.locale()));
    } else if (verdict.pass) {
      event.helper.done();
    } else {
      event.helper.fail(verdict.message);
    }
  }

  async function judgeReply(event: FreshworksEvent): Promise<Verdict> {
    const context = await deps.current();
    if (!context.state.isMarketplaceTicket) return PASS;
    const draft = replyDraft(eventData(event), context);
    const findings = guardReply(draft, context.state);
    deps.showFindings(findings);
    const blockers = blocking(findings);
    const locale = deps.locale();
    if (blockers.length > 0) return { pass: false, message: blockMessage(blockers, locale) };
    const key = JSON.stringify([draft.to, draft.cc, draft.bcc, draft.text]);
    if (findings.length === 0 || warnedDraft === key) return PASS;
    warnedDraft = key;
    return { pass: false, message: `${blockMessage(findings, locale)} ${t(APP_TEXT.sendAgain, locale)}` };
  }

  async function judgeClosing(): Promise<Verdict> {
    const context = await deps.fresh();
    const findings = blocking(guardReply(CLOSING_DRAFT, context.state));
    deps.showFindings(findings);
    return findings.length > 0 ? { pass: false, message: blockMessage(findings, deps.locale()) } : PASS;
  }

  client.events.on('ticket.sendReply', (event) => void settle(event, () => judgeReply(event)), { intercept: true });
  client.events.on('ticket.closeTicketClick', (event) => void settle(event, judgeClosing), { intercept: true });
  client.events.on(
    'ticket.propertiesUpdated',
    (event) => {
      const status = newStatus(eventData(event));
      void settle(event, () => (status === RESOLVED || status === CLOSED ? judgeClosing() : Promise.resolve(PASS)));
    },
    { intercept: true },
  );
}
