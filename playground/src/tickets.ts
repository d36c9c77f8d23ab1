/**
 * The playground's tickets, in neither helpdesk's terms: a subject and a thread of mails and notes. Each view
 * turns one into what its simulated helpdesk holds (zendesk.ts, freshdesk.ts), so both show the same set.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_TEXT_LENGTH, RAKUTEN_DE, readableBody, type IncomingMessage } from '@rakuten-helpdesk/core';
import { readEml } from '@rakuten-helpdesk/core/node';
import { rakutenForwardBody } from '../../test/zendesk/support/fixtures';

export interface Party {
  readonly email: string;
  readonly name: string;
}

/** A mail the helpdesk received, or an agent's internal note. */
export type ThreadItem =
  | { readonly kind: 'mail'; readonly from: Party; readonly text: string; readonly at: string }
  | { readonly kind: 'note'; readonly text: string; readonly at: string };

export interface PlaygroundTicket {
  /** The same number in both helpdesks. */
  readonly id: number;
  /** Stable name for links and tests, e.g. "genuine-question". */
  readonly slug: string;
  /** What the picker shows. */
  readonly title: string;
  /** What to try on this ticket. */
  readonly hint: string;
  readonly subject: string;
  /** Oldest first; the first is the mail that opened the ticket. */
  readonly thread: readonly ThreadItem[];
  /** Where it came from: a sample file, an upload, or built in. */
  readonly source: string;
}

const HOUR = 3_600_000;

function ago(hours: number, now: Date): string {
  return new Date(now.getTime() - hours * HOUR).toISOString();
}

/** The body text a helpdesk keeps of a mail: the plain part, or the HTML part read as text. */
export function mailText(message: IncomingMessage): string {
  return readableBody(message, RAKUTEN_DE, DEFAULT_MAX_TEXT_LENGTH).text.trim();
}

/** Reads one of core/samples/*.eml with the core's reader; only its arrival time is moved to `at`. */
async function sampleMail(repoRoot: string, file: string, at: string): Promise<{ message: IncomingMessage; item: ThreadItem }> {
  const read = await readEml(await readFile(join(repoRoot, 'core/samples', file)));
  if (!read.ok) throw new Error(`core/samples/${file}: ${read.error.message}`);
  const message = read.value;
  return { message, item: { kind: 'mail', from: { email: message.senderAddress, name: message.senderName }, text: mailText(message), at } };
}

interface SampleSpec {
  readonly slug: string;
  readonly title: string;
  readonly hint: string;
  readonly file: string;
  readonly hoursAgo: number;
}

/**
 * The samples of core/samples/, each received a fixed while before now: the files carry dates of their own,
 * which would make every deadline either long past or far ahead.
 */
const FROM_SAMPLES: readonly SampleSpec[] = [
  {
    slug: 'genuine-question',
    title: 'Genuine forward with a question',
    hint: 'Write a reply and Submit / Send it. Then put the customer\'s own address in the recipients, or set the status to Solved without a reply, and watch the guard stop it.',
    file: '01-frage-lieferzeit.eml',
    hoursAgo: 2,
  },
  {
    slug: 'closing-only',
    title: 'Closing only: "Hat sich erledigt, danke"',
    hint: 'Press "Abschlussantwort einfügen" in the sidebar: the closing reply goes into the editor, public. Rakuten still needs that reply before the case may be closed.',
    file: '02-hat-sich-erledigt.eml',
    hoursAgo: 1,
  },
  {
    slug: 'spoof',
    title: 'Spoof: "service@rakuten.de" as display name only',
    hint: 'The sender is x@evil.example. Red warning, no fields filled, and nothing is blocked: it is not a Rakuten ticket.',
    file: '03-spoof-absendername.eml',
    hoursAgo: 0.75,
  },
  {
    slug: 'overdue',
    title: 'Overdue: received 9 days ago',
    hint: 'The 2-working-day deadline has passed: the countdown is red. An English customer; the forward is still Rakuten\'s.',
    file: '06-english-customer.eml',
    hoursAgo: 24 * 9,
  },
  {
    slug: 'not-rakuten',
    title: 'Not from Rakuten: a wholesaler\'s mail',
    hint: 'One quiet line. Reply to anyone, solve or close it: nothing is ever blocked on other tickets.',
    file: '05-fremde-mail.eml',
    hoursAgo: 3,
  },
  {
    slug: 'rakuten-notice',
    title: 'Rakuten notice (no customer message)',
    hint: 'Genuine sender, but a cancellation notice rather than a forwarded message: no deadline, no guard.',
    file: '04-rakuten-hinweis.eml',
    hoursAgo: 5,
  },
];

export const FIRST_SAMPLE_ID = 101;
export const FIRST_UPLOAD_ID = 1001;

/** The order a newcomer should go through them; the thread with two messages is built here, not read. */
const ORDER = ['genuine-question', 'closing-only', 'spoof', 'overdue', 'two-unanswered', 'not-rakuten', 'rakuten-notice'] as const;

/** The built-in tickets, numbered from 101 in the order above, their times relative to `now`. */
export async function sampleTickets(repoRoot: string, now: Date = new Date()): Promise<PlaygroundTicket[]> {
  const tickets: PlaygroundTicket[] = [];
  for (const [index, slug] of ORDER.entries()) {
    const id = FIRST_SAMPLE_ID + index;
    const spec = FROM_SAMPLES.find((candidate) => candidate.slug === slug);
    if (!spec) {
      tickets.push(twoUnanswered(id, now));
      continue;
    }
    const { message, item } = await sampleMail(repoRoot, spec.file, ago(spec.hoursAgo, now));
    tickets.push({ id, slug, title: spec.title, hint: spec.hint, subject: message.subject, thread: [item], source: `core/samples/${spec.file}` });
  }
  return tickets;
}

/** Two forwards a day apart with an internal note between them: a note is no answer, so both are open. */
function twoUnanswered(id: number, now: Date): PlaygroundTicket {
  const rakuten: Party = { email: 'service@rakuten.de', name: 'Rakuten Service' };
  const customer = { orderNumber: '456-789-123', customerName: 'Jonas Becker' };
  return {
    id,
    slug: 'two-unanswered',
    title: 'Two unanswered messages in one thread',
    hint: 'The internal note in between is no answer: both messages are listed, and the deadline counts from the first. One public reply answers both.',
    subject: `Nachricht Ihres Kunden zur Bestellung ${customer.orderNumber}`,
    thread: [
      { kind: 'mail', from: rakuten, text: rakutenForwardBody({ ...customer, message: 'Guten Tag,\nwo bleibt meine Bestellung? Ich habe vor zehn Tagen bezahlt.\nJonas Becker' }), at: ago(27, now) },
      { kind: 'note', text: 'Beim Lager nachgefragt, Antwort steht aus.', at: ago(25, now) },
      { kind: 'mail', from: rakuten, text: rakutenForwardBody({ ...customer, message: 'Hallo? Ich warte immer noch auf eine Antwort!' }), at: ago(2, now) },
    ],
    source: 'built in',
  };
}

/** A ticket made from an uploaded mail. */
export function uploadedTicket(id: number, message: IncomingMessage, fileName: string, at: Date): PlaygroundTicket {
  const subject = message.subject.trim() === '' ? '(kein Betreff)' : message.subject;
  return {
    id,
    slug: `upload-${id}`,
    title: `Upload: ${fileName || subject}`,
    hint: 'Made from your .eml on the playground\'s server, with the core\'s reader. Try the same things as on the samples.',
    subject,
    thread: [{ kind: 'mail', from: { email: message.senderAddress, name: message.senderName }, text: mailText(message), at: at.toISOString() }],
    source: fileName === '' ? 'upload' : `upload: ${fileName}`,
  };
}
