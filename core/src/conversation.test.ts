import { forwardMessage } from '../test-support/forward';
import { conversationState } from './conversation';
import type { ThreadEntry } from './conversation-types';

const incoming = (id: string, receivedAt: string, message = 'Wo bleibt meine Bestellung?'): ThreadEntry => ({
  id,
  role: 'incoming',
  message: forwardMessage({ receivedAt, message }),
});
const reply = (id: string, at: string, overrides: Partial<{ public: boolean; to: string[]; text: string }> = {}): ThreadEntry => ({
  id,
  role: 'agent',
  public: overrides.public ?? true,
  at: new Date(at),
  to: overrides.to ?? ['service@rakuten.de'],
  cc: [],
  text: overrides.text ?? 'Guten Tag, Ihr Paket ist unterwegs.',
});

describe('conversationState', () => {
  test('a single unanswered forward: marketplace ticket, deadline from it, may not be solved', () => {
    const state = conversationState([incoming('1', '2026-11-18T09:30:00Z')]);
    expect(state.kind).toBe('customer-forward');
    expect(state.isMarketplaceTicket).toBe(true);
    expect(state.unanswered.map((forward) => forward.entryId)).toEqual(['1']);
    expect(state.replyDueBy?.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(state.maySolve).toBe(false);
    expect(state.closingOnly).toBe(false);
  });

  test('a public reply to service@rakuten.de answers every earlier message', () => {
    const state = conversationState([incoming('1', '2026-11-18T09:30:00Z'), reply('2', '2026-11-18T12:00:00Z')]);
    expect(state.unanswered).toEqual([]);
    expect(state.maySolve).toBe(true);
    expect(state.replyDueBy).toBeNull();
  });

  test.each([
    ['an internal note', reply('2', '2026-11-18T12:00:00Z', { public: false })],
    ['an automation', { id: '2', role: 'automation', public: true, at: new Date('2026-11-18T12:00:00Z'), text: 'Wir haben Ihre Anfrage erhalten.' } as ThreadEntry],
    ['a reply to another address', reply('2', '2026-11-18T12:00:00Z', { to: ['kunde@example.com'] })],
    ['an empty public reply', reply('2', '2026-11-18T12:00:00Z', { text: '  ' })],
  ])('%s is no answer', (_label, entry) => {
    const state = conversationState([incoming('1', '2026-11-18T09:30:00Z'), entry]);
    expect(state.unanswered).toHaveLength(1);
    expect(state.maySolve).toBe(false);
  });

  test('the deadline runs from the first unanswered message, not the last', () => {
    const state = conversationState([
      incoming('1', '2026-11-16T08:00:00Z'),
      reply('2', '2026-11-16T10:00:00Z'),
      incoming('3', '2026-11-17T09:00:00Z'),
      incoming('4', '2026-11-18T15:00:00Z'),
    ]);
    expect(state.unanswered.map((forward) => forward.entryId)).toEqual(['3', '4']);
    expect(state.replyDueBy?.toISOString()).toBe('2026-11-19T09:00:00.000Z');
    expect(state.latest?.entryId).toBe('4');
  });

  test('entries are ordered by time, whatever order the helpdesk lists them in', () => {
    const state = conversationState([reply('2', '2026-11-18T12:00:00Z'), incoming('1', '2026-11-18T09:30:00Z')]);
    expect(state.unanswered).toEqual([]);
  });

  test('closing-only only when every unanswered message is closing-only', () => {
    const thanks = conversationState([incoming('1', '2026-11-18T09:30:00Z', 'Hat sich erledigt, danke!')]);
    expect(thanks.closingOnly).toBe(true);
    const mixed = conversationState([
      incoming('1', '2026-11-18T09:30:00Z', 'Wo bleibt mein Paket?'),
      incoming('2', '2026-11-18T10:30:00Z', 'Danke!'),
    ]);
    expect(mixed.closingOnly).toBe(false);
  });

  test('a spoofed mail makes a spoofed ticket with no unanswered forwards', () => {
    const spoof: ThreadEntry = { id: '1', role: 'incoming', message: forwardMessage({ senderAddress: 'service@rakuten-de.com' }) };
    const state = conversationState([spoof]);
    expect(state.kind).toBe('spoofed');
    expect(state.isMarketplaceTicket).toBe(false);
    expect(state.spoof?.entryId).toBe('1');
    expect(state.maySolve).toBe(true);
  });

  test('an empty thread is unrelated', () => {
    expect(conversationState([]).kind).toBe('unrelated');
  });
});
