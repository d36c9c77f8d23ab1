import { forwardMessage } from '../test-support/forward';
import { conversationState } from './conversation';
import type { ThreadEntry } from './conversation-types';
import { blocking, guardReply, type ReplyDraft } from './guard';

const forward: ThreadEntry = { id: '1', role: 'incoming', message: forwardMessage() };
const open = conversationState([forward]);
const answered = conversationState([
  forward,
  { id: '2', role: 'agent', public: true, at: new Date('2026-11-18T12:00:00Z'), to: [], cc: [], text: 'Erledigt.' },
]);
const other = conversationState([
  { id: '1', role: 'incoming', message: { senderAddress: 'kunde@example.com', senderName: 'Kunde', subject: 'Frage', receivedAt: new Date(), text: 'Hallo?' } },
]);

const draft = (overrides: Partial<ReplyDraft> = {}): ReplyDraft => ({
  to: ['service@rakuten.de'],
  cc: [],
  bcc: [],
  public: true,
  text: 'Guten Tag Herr Mustermann,\n\nIhr Paket ist unterwegs.\n\nViele Grüße',
  solving: false,
  ...overrides,
});

const codes = (d: ReplyDraft, state = open) => guardReply(d, state).map((finding) => `${finding.code}:${finding.severity}`);

describe('guardReply', () => {
  test.each<[string, Partial<ReplyDraft>, string[]]>([
    ['a good reply', {}, []],
    ['recipient in capitals is still the right one', { to: ['Service@Rakuten.DE'] }, []],
    ['requester changed to the customer', { to: ['kunde@example.com'] }, ['wrong-recipient:block']],
    ['an extra CC', { cc: ['chef@shop.example'] }, ['wrong-recipient:block']],
    ['an extra BCC', { bcc: ['archiv@shop.example'] }, ['wrong-recipient:block']],
    ['solving with a public reply', { solving: true }, []],
    ['solving with only an internal note', { solving: true, public: false, text: 'intern' }, ['unanswered-on-solve:block']],
    ['solving with an empty public reply', { solving: true, text: '   ' }, ['empty-public-reply:block']],
    ['greeting Rakuten', { text: 'Hallo Rakuten,\n\ndas Paket ist unterwegs.' }, ['greets-marketplace:warn']],
    ['greeting the Rakuten team formally', { text: 'Sehr geehrtes Rakuten-Team,\nanbei die Antwort.' }, ['greets-marketplace:warn']],
    ['a curly placeholder', { text: 'Guten Tag {{ticket.requester.name}},\nalles gut.' }, ['unfilled-placeholder:warn']],
    ['a [Name] placeholder', { text: 'Guten Tag [Name],\nalles gut.' }, ['unfilled-placeholder:warn']],
    ['mentioning Rakuten later is fine', { text: 'Guten Tag Frau Meier,\n\nwie bei Rakuten besprochen, kommt es morgen.' }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(codes(draft(overrides))).toEqual(expected);
  });

  test('solving an answered ticket without a comment passes', () => {
    expect(codes(draft({ solving: true, public: true, text: '' }), answered)).toEqual([]);
  });

  test('a ticket that is not from Rakuten is never judged', () => {
    expect(codes(draft({ to: ['kunde@example.com'], solving: true, text: '' }), other)).toEqual([]);
  });

  test('findings carry German and English text naming the stray address', () => {
    const [finding] = guardReply(draft({ cc: ['chef@shop.example'] }), open);
    expect(finding?.text.de).toContain('chef@shop.example');
    expect(finding?.text.de).toContain('service@rakuten.de');
    expect(finding?.text.en).toContain('chef@shop.example');
  });

  test('blocking keeps only blocks', () => {
    const findings = guardReply(draft({ cc: ['x@y.example'], text: 'Hallo Rakuten, danke' }), open);
    expect(blocking(findings).map((finding) => finding.code)).toEqual(['wrong-recipient']);
  });
});
