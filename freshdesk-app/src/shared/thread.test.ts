import { conversationState } from '@rakuten-helpdesk/core';
import { RAKUTEN, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import { conversation } from '../../test-support/fake-client';
import type { Ticket } from './freshdesk-schemas';
import { parseMailbox } from './mailbox';
import { conversationEntry, conversationMessage, ticketMessage, ticketThread } from './thread';

const ticket: Ticket = { id: 7, created_at: '2026-03-02T09:00:00Z', description_text: forwardText(), description: '<p>…</p>', subject: 'Frage' };

describe('parseMailbox', () => {
  test.each([
    ['Rakuten Service <service@rakuten.de>', { name: 'Rakuten Service', address: 'service@rakuten.de' }],
    ['"service@rakuten.de" <phish@example.com>', { name: 'service@rakuten.de', address: 'phish@example.com' }],
    ['  service@rakuten.de ', { name: '', address: 'service@rakuten.de' }],
    ['<service@rakuten.de>', { name: '', address: 'service@rakuten.de' }],
    ['broken <address', { name: '', address: 'broken <address' }],
  ])('%s', (value, expected) => {
    expect(parseMailbox(value)).toEqual(expected);
  });
});

describe('Freshdesk objects as the core reads them', () => {
  test('the ticket is the mail from its requester', () => {
    expect(ticketMessage(ticket, RAKUTEN)).toEqual({
      senderAddress: 'service@rakuten.de',
      senderName: 'Rakuten Service',
      subject: 'Frage',
      receivedAt: new Date('2026-03-02T09:00:00Z'),
      text: forwardText(),
      html: '<p>…</p>',
    });
    expect(ticketMessage({ id: 1, created_at: 'not a date' }, null)).toMatchObject({ senderAddress: '', receivedAt: null, text: '' });
  });

  test('an incoming conversation is mail, with the display name apart', () => {
    const message = conversationMessage(conversation(3, { incoming: true, from_email: 'Rakuten <service@rakuten.de>', body_text: 'x' }));
    expect(message).toMatchObject({ senderAddress: 'service@rakuten.de', senderName: 'Rakuten', text: 'x' });
  });

  test.each<[string, Parameters<typeof conversation>[1], boolean]>([
    ['a reply', { source: 0, to_emails: ['service@rakuten.de'] }, true],
    ['a forward', { source: 8, to_emails: ['lager@example.com'] }, true],
    ['a reply without source', { source: null }, true],
    ['a private note', { source: 2, private: true }, false],
    ['a public note, which is not mailed', { source: 2, private: false }, false],
    ['a private reply', { source: 0, private: true }, false],
    ['a phone conversation', { source: 9 }, false],
  ])('%s reaches Rakuten: %s', (_what, fields, reaches) => {
    const entry = conversationEntry(conversation(5, fields));
    expect(entry).toMatchObject({ role: 'agent', public: reaches });
  });

  test('a public note does not answer the forward, a reply to Rakuten does', () => {
    const note = conversation(5, { source: 2, body_text: 'Kunde angerufen', created_at: '2026-03-02T10:00:00Z' });
    const reply = conversation(6, { source: 0, body_text: 'Guten Tag', to_emails: ['service@rakuten.de'], created_at: '2026-03-02T11:00:00Z' });
    expect(conversationState(ticketThread(ticket, RAKUTEN, [note])).unanswered).toHaveLength(1);
    expect(conversationState(ticketThread(ticket, RAKUTEN, [note, reply])).unanswered).toHaveLength(0);
  });

  test('an agent entry without a readable date sorts first, so it answers nothing', () => {
    const entry = conversationEntry(conversation(5, { created_at: 'garbage' }));
    expect(entry.role === 'agent' && entry.at.getTime()).toBe(0);
  });
});
