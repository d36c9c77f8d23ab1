import { conversationState } from '@rakuten-helpdesk/core';
import { threadEntries } from './thread';
import type { RestComment, Thread } from './zendesk-api';

const FORWARD = [
  'Bestellnummer: 123-456-789',
  'Kundenname: Erika Mustermann',
  '#### Weitergeleitete Nachricht des Kunden Erika Mustermann ####',
  'Wo bleibt meine Lieferung?',
  '#### Ende der weitergeleiteten Nachricht ####',
].join('\n');

function comment(overrides: Partial<RestComment>): RestComment {
  return {
    id: 1,
    authorId: 200,
    public: true,
    plainBody: FORWARD,
    htmlBody: null,
    createdAt: '2026-03-02T09:00:00Z',
    channel: 'email',
    rel: null,
    fromAddress: 'service@rakuten.de',
    fromName: 'Rakuten.de',
    ...overrides,
  };
}

function thread(comments: RestComment[], roles: [number, string][] = [[200, 'end-user'], [1, 'agent']]): Thread {
  return { comments, roles: new Map(roles) };
}

describe('threadEntries', () => {
  test.each([
    ['a mail from an end user', comment({}), 'incoming'],
    ['a trigger comment', comment({ id: 2, channel: 'rule', rel: 'trigger', authorId: 1 }), 'automation'],
    ['an automation comment', comment({ id: 2, channel: 'rule', rel: 'automation', authorId: 1 }), 'automation'],
    ['a merge note', comment({ id: 2, channel: 'system', authorId: 1 }), 'automation'],
    ['an agent reply from the web', comment({ id: 2, channel: 'web', authorId: 1, fromAddress: null }), 'agent'],
    ['an agent reply sent from a mail client', comment({ id: 2, channel: 'email', authorId: 1, fromAddress: 'anna@shop.example' }), 'agent'],
  ])('%s becomes %s', (_name, raw, role) => {
    expect(threadEntries(thread([raw]), 'Betreff')[0]?.role).toBe(role);
  });

  test('a mail keeps its From header and only the first comment carries the subject', () => {
    const entries = threadEntries(thread([comment({ id: 2, createdAt: '2026-03-03T09:00:00Z' }), comment({ id: 1 })]), 'Ihre Bestellung');
    const first = entries.find((entry) => entry.id === '1');
    const second = entries.find((entry) => entry.id === '2');
    expect(first?.role === 'incoming' && first.message).toMatchObject({ senderAddress: 'service@rakuten.de', senderName: 'Rakuten.de', subject: 'Ihre Bestellung' });
    expect(second?.role === 'incoming' && second.message.subject).toBe('');
  });

  test('a forward that arrived through the web form or API cannot vouch for its sender', () => {
    const entries = threadEntries(thread([comment({ channel: 'api' })]), '');
    expect(entries[0]?.role === 'incoming' && entries[0].message.senderAddress).toBe('');
    expect(conversationState(entries).kind).toBe('spoofed');
  });

  test('a public agent reply answers the forward; an internal note or a trigger does not', () => {
    const forward = comment({});
    const at = (minutes: number): string => new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * 60_000).toISOString();
    const note = comment({ id: 2, channel: 'web', authorId: 1, public: false, plainBody: 'intern', createdAt: at(5) });
    const trigger = comment({ id: 3, channel: 'rule', rel: 'trigger', authorId: 1, plainBody: 'Danke für Ihre Nachricht', createdAt: at(1) });
    expect(conversationState(threadEntries(thread([forward, note, trigger]), '')).unanswered).toHaveLength(1);
    const reply = comment({ id: 4, channel: 'web', authorId: 1, plainBody: 'Guten Tag Frau Mustermann, …', createdAt: at(10) });
    expect(conversationState(threadEntries(thread([forward, note, trigger, reply]), '')).unanswered).toHaveLength(0);
  });
});
