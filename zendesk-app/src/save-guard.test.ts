import { conversationState, type ConversationState } from '@rakuten-helpdesk/core';
import { saveGuard } from './save-guard';
import type { HelpdeskClient, ReadResult } from './zaf-client';

const FORWARD = [
  'Bestellnummer: 123-456-789',
  'Kundenname: Erika Mustermann',
  '#### Weitergeleitete Nachricht des Kunden Erika Mustermann ####',
  'Wo bleibt meine Lieferung?',
  '#### Ende der weitergeleiteten Nachricht ####',
].join('\n');

function stateFrom(senderAddress: string): ConversationState {
  return conversationState([
    { id: '1', role: 'incoming', message: { senderAddress, senderName: '', subject: '', receivedAt: new Date('2026-03-02T09:00:00Z'), text: FORWARD } },
  ]);
}

function editor(values: Record<string, unknown>, notices: unknown[][], failed: string[] = []): HelpdeskClient {
  const read = async (): Promise<ReadResult> => ({
    values: { 'ticket.collaborators': [], 'comment.type': 'publicReply', 'comment.text': '', 'ticket.status': 'open', ...values },
    failed,
  });
  return {
    read,
    write: async () => undefined,
    invoke: async (...args) => void notices.push(args),
    on: () => undefined,
    onSave: () => undefined,
    request: async () => ({ status: 0, body: null, header: () => null }),
  };
}

const RAKUTEN = { 'ticket.requester': { email: 'service@rakuten.de', name: 'Rakuten.de' } };

describe('saveGuard', () => {
  test('a reply to someone other than service@rakuten.de is cancelled with the core’s words', async () => {
    const notices: unknown[][] = [];
    const guard = saveGuard({ client: editor({ 'ticket.requester': { email: 'kunde@example.com' } }, notices), state: async () => stateFrom('service@rakuten.de'), locale: () => 'de', timeoutMs: 1000 });
    await expect(guard()).rejects.toThrow(/nur an service@rakuten\.de gehen, nicht an kunde@example\.com/);
    expect(notices).toEqual([]);
  });

  test('solving without a public reply is cancelled, in the agent’s language', async () => {
    const guard = saveGuard({ client: editor({ ...RAKUTEN, 'ticket.status': 'solved', 'comment.type': 'internalNote', 'comment.text': 'erledigt' }, []), state: async () => stateFrom('service@rakuten.de'), locale: () => 'en', timeoutMs: 1000 });
    await expect(guard()).rejects.toThrow(/no public reply yet/);
  });

  test('a warning alone never blocks', async () => {
    const guard = saveGuard({ client: editor({ ...RAKUTEN, 'comment.text': 'Hallo Rakuten-Team, …' }, []), state: async () => stateFrom('service@rakuten.de'), locale: () => 'de', timeoutMs: 1000 });
    await expect(guard()).resolves.toBeUndefined();
  });

  test('a ticket that is not a Rakuten forward is never blocked', async () => {
    const guard = saveGuard({ client: editor({ 'ticket.requester': { email: 'kunde@example.com' }, 'ticket.status': 'solved' }, []), state: async () => stateFrom('kunde@example.com'), locale: () => 'de', timeoutMs: 1000 });
    await expect(guard()).resolves.toBeUndefined();
  });

  test.each([
    ['the analysis failed', async () => Promise.reject(new Error('HTTP 500')), []],
    ['the editor does not answer', async () => stateFrom('service@rakuten.de'), ['ticket.requester']],
    ['the analysis hangs', () => new Promise<ConversationState>(() => undefined), []],
  ])('when %s the save goes through and the agent is told', async (_name, state, failed) => {
    const notices: unknown[][] = [];
    const guard = saveGuard({ client: editor({ 'ticket.requester': { email: 'kunde@example.com' } }, notices, failed), state, locale: () => 'de', timeoutMs: 50 });
    await expect(guard()).resolves.toBeUndefined();
    expect(notices).toEqual([['notify', expect.stringContaining('Rakuten-Assistent ist gerade gestört'), 'alert']]);
  });
});
