import type { Finding } from '@rakuten-helpdesk/core';
import { OTHER_MAIL } from '../../../test/freshdesk/support/rakuten-mail';
import { FakeClient, FakeClock, conversation, flush } from '../../test-support/fake-client';
import { newStatus, registerGuards, replyDraft } from './guards';
import { loadTicketContext, type TicketContext } from './ticket-context';

function guarded(fake: FakeClient, load: () => Promise<TicketContext> = () => loadTicketContext(fake.client)) {
  const clock = new FakeClock();
  const shown: (readonly Finding[])[] = [];
  registerGuards({ client: fake.client, locale: () => 'de', current: load, fresh: load, wait: () => clock.after(), showFindings: (found) => shown.push(found) });
  return { clock, shown };
}

const answer = conversation(9, { body_text: 'Guten Tag, ist unterwegs.', to_emails: ['service@rakuten.de'], created_at: '2026-03-02T11:00:00Z' });

describe('ticket.sendReply', () => {
  test('a reply to another address is stopped with the reason, and the sidebar shows it', async () => {
    const fake = new FakeClient();
    const { shown } = guarded(fake);
    const verdict = await fake.intercept('ticket.sendReply', { body: '<p>Guten Tag</p>', to_emails: ['kunde@example.org'], cc_emails: ['chef@example.org'] });
    expect(verdict).toEqual({
      outcome: 'fail',
      message: 'Antworten auf Rakuten-Weiterleitungen dürfen nur an service@rakuten.de gehen, nicht an kunde@example.org, chef@example.org. Bitte Empfänger korrigieren.',
    });
    expect(shown[0]?.map((finding) => finding.code)).toEqual(['wrong-recipient']);
  });

  test('a reply that goes to the requester, Rakuten, passes', async () => {
    const fake = new FakeClient();
    guarded(fake);
    await expect(fake.intercept('ticket.sendReply', { body: '<p>Guten Tag Frau Musterfrau</p>' })).resolves.toEqual({ outcome: 'done' });
  });

  test('a warning stops the first send only; the same draft sent again goes through', async () => {
    const fake = new FakeClient();
    guarded(fake);
    const draft = { body_text: 'Hallo Rakuten-Team, das Paket ist unterwegs.', to_emails: ['service@rakuten.de'] };
    const first = await fake.intercept('ticket.sendReply', draft);
    expect(first).toMatchObject({ outcome: 'fail' });
    expect(first.outcome === 'fail' && first.message).toMatch(/ungefiltert an den Kunden.*erneut auf Senden/);
    await expect(fake.intercept('ticket.sendReply', draft)).resolves.toEqual({ outcome: 'done' });
  });

  test('on another ticket nothing is checked', async () => {
    const fake = new FakeClient({ text: OTHER_MAIL.text, requester: OTHER_MAIL.requester });
    guarded(fake);
    await expect(fake.intercept('ticket.sendReply', { to_emails: ['x@example.org'] })).resolves.toEqual({ outcome: 'done' });
  });
});

describe('closing', () => {
  test('close and resolve are stopped while a message is unanswered, from both paths', async () => {
    const fake = new FakeClient();
    guarded(fake);
    await expect(fake.intercept('ticket.closeTicketClick')).resolves.toMatchObject({ outcome: 'fail', message: expect.stringContaining('noch unbeantwortet') });
    await expect(fake.intercept('ticket.propertiesUpdated', { status: { value: 4, name: 'Resolved' } })).resolves.toMatchObject({ outcome: 'fail' });
    await expect(fake.intercept('ticket.propertiesUpdated', { status: '5' })).resolves.toMatchObject({ outcome: 'fail' });
    await expect(fake.intercept('ticket.propertiesUpdated', { status: { id: 4 } })).resolves.toMatchObject({ outcome: 'fail' });
    await expect(fake.intercept('ticket.propertiesUpdated', { status: 3 })).resolves.toEqual({ outcome: 'done' });
    await expect(fake.intercept('ticket.propertiesUpdated', { priority: { value: 1 } })).resolves.toEqual({ outcome: 'done' });
  });

  test('once answered, closing goes through: the thread is read again', async () => {
    const fake = new FakeClient();
    guarded(fake);
    fake.conversations.push(answer);
    await expect(fake.intercept('ticket.closeTicketClick')).resolves.toEqual({ outcome: 'done' });
  });
});

describe('when the app itself fails, the agent is not held up', () => {
  test('an error while reading: done, and a notice', async () => {
    const fake = new FakeClient();
    guarded(fake, () => Promise.reject(new Error('down')));
    await expect(fake.intercept('ticket.closeTicketClick')).resolves.toEqual({ outcome: 'done' });
    await flush();
    expect(fake.triggers).toEqual([
      { action: 'showNotify', payload: { type: 'warning', title: 'Rakuten-Assistent', message: 'Der Rakuten-Assistent ist gerade gestört. Sie können normal weiterarbeiten.' } },
    ]);
  });

  test('no answer within the time limit: done', async () => {
    const fake = new FakeClient();
    const { clock } = guarded(fake, () => new Promise(() => undefined));
    const verdict = fake.intercept('ticket.sendReply', {});
    await flush();
    clock.expire();
    await expect(verdict).resolves.toEqual({ outcome: 'done' });
  });
});

describe('reading event data', () => {
  test('draft recipients default to the requester; unreadable data counts as empty', async () => {
    const context = await loadTicketContext(new FakeClient().client);
    expect(replyDraft({ body: '<p>Hallo <b>Erika</b></p>', bcc_emails: ['a@b.de'] }, context)).toEqual({
      to: ['service@rakuten.de'],
      cc: [],
      bcc: ['a@b.de'],
      public: true,
      text: 'Hallo Erika',
      solving: false,
    });
    expect(replyDraft('nonsense', { ...context, requesterEmail: '' }).to).toEqual([]);
    expect(newStatus({ status: 'open' })).toBeNull();
    expect(newStatus(null)).toBeNull();
  });

  test('a getData that throws is read as no data', async () => {
    const fake = new FakeClient();
    guarded(fake);
    const unreadable = () => {
      throw new Error('not available');
    };
    await expect(fake.intercept('ticket.sendReply', null, unreadable)).resolves.toEqual({ outcome: 'done' });
  });
});
