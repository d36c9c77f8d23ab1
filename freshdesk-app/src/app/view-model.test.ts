import { conversationState, guardReply } from '@rakuten-helpdesk/core';
import { OTHER_MAIL, RAKUTEN, SPOOF_MAIL, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import { ticketThread } from '../shared/thread';
import { failedView, loadingView, sidebarView } from './view-model';

const ticket = (text: string) => ({ id: 1, created_at: '2026-03-02T09:00:00Z', description_text: text });
const stateOf = (text: string, requester: { email: string; name: string } = RAKUTEN) => conversationState(ticketThread(ticket(text), requester, []));

describe('sidebarView', () => {
  test('a genuine forward shows the facts, the message, the deadline and what is unanswered', () => {
    const view = sidebarView(stateOf(forwardText({ orderNumber: '12-34' })), [], 'de');
    expect(view).toMatchObject({
      kind: 'genuine',
      title: 'Echte Rakuten-Weiterleitung',
      facts: [
        { label: 'Bestellnummer', value: '12-34' },
        { label: 'Kundenname', value: 'Erika Musterfrau' },
      ],
      replyTo: { label: 'Antwort an', value: 'service@rakuten.de' },
      deadline: { label: 'Antworten bis', when: 'Mi., 04.03.2026, 10:00' },
      closing: null,
      findings: null,
      allAnswered: null,
      flags: { title: 'Bitte prüfen', lines: ['Die Bestellnummer hat nicht die übliche Form 123-456-789. Bitte prüfen.'] },
      rewards: null,
      autoFill: null,
    });
    expect(view.kind === 'genuine' && view.unanswered.lines).toEqual([{ when: 'Mo., 02.03.2026, 10:00', preview: 'Guten Tag, wann wird meine Bestellung verschickt? Ich brauche sie bis Freitag.' }]);
  });

  test('closing-only offers the closing reply; a wrong recipient offers the fix', () => {
    const state = stateOf(forwardText({ message: 'Danke, alles angekommen!' }));
    const findings = guardReply({ to: ['kunde@example.org'], cc: [], bcc: [], public: true, text: 'Hallo Rakuten', solving: false }, state);
    const view = sidebarView(state, findings, 'en');
    expect(view).toMatchObject({
      closing: { text: 'A short closing reply is enough — but do reply', action: 'Insert closing reply' },
      findings: { title: 'About your reply', fixRecipients: 'Send only to service@rakuten.de' },
    });
    expect(view.kind === 'genuine' && view.findings?.lines.map((line) => line.severity)).toEqual(['block', 'warn']);
  });

  test('a spoof warns with its reasons; anything else stays quiet', () => {
    expect(sidebarView(stateOf(SPOOF_MAIL.text, SPOOF_MAIL.requester), [], 'de')).toMatchObject({
      kind: 'spoof',
      advice: 'Nicht antworten und keine Daten übernehmen. Felder wurden nicht befüllt.',
    });
    expect(sidebarView(stateOf(OTHER_MAIL.text, OTHER_MAIL.requester), [], 'de')).toEqual({ kind: 'quiet', text: 'Kein Rakuten-Ticket' });
    expect(sidebarView(stateOf('Ihre Rechnung für März'), [], 'en')).toEqual({ kind: 'quiet', text: 'Notice from Rakuten (not a customer message)' });
  });

  test('loading and failure', () => {
    expect(loadingView('en')).toEqual({ kind: 'loading', text: 'Checking the ticket …' });
    expect(failedView('de').kind).toBe('failed');
  });

  test('a forward without labels shows what is missing, and no deadline without a date', () => {
    const state = conversationState(ticketThread({ id: 1, created_at: 'x', description_text: '#### Weitergeleitete Nachricht des Kunden ####\nHallo\n#### Ende der weitergeleiteten Nachricht ####' }, RAKUTEN, []));
    expect(sidebarView(state, [], 'de')).toMatchObject({ facts: [{ value: null }, { value: null }], deadline: null });
  });

  test('Rewards, Ebates or cashback: the rewards note instead of a line among the flags', () => {
    const view = sidebarView(stateOf(forwardText({ orderNumber: '12-34', message: 'Ich habe über Ebates bestellt, wo ist mein Cash-back?' })), [], 'en');
    expect(view.kind === 'genuine' && view.rewards).toEqual({
      title: 'Not your matter: Rakuten Rewards / cashback',
      text: 'This is about Rakuten Rewards, Ebates or cashback – Rakuten’s matter, not the merchant’s. Still reply, and point to https://www.rakuten.com/help.',
      link: 'Open Rakuten’s help page',
      url: 'https://www.rakuten.com/help',
    });
    expect(view.kind === 'genuine' && view.flags?.lines).toEqual(['The order number does not have the usual shape 123-456-789. Please check it.']);
  });

  test('the server’s fill did not arrive: the notice with its button, in German and English', () => {
    const state = stateOf(forwardText());
    expect(sidebarView(state, [], 'de', { busy: false, error: null })).toMatchObject({
      autoFill: {
        text: 'Die automatische Übernahme hat dieses Ticket nicht erreicht (zum Beispiel, weil die Freshdesk-API ausgelastet war).',
        detail: 'Übernimmt Bestellnummer, Kundenname, das Tag „rakuten“ und die Antwortfrist. Was schon im Ticket steht, bleibt.',
        action: 'Jetzt übernehmen',
        busy: null,
        error: null,
      },
    });
    expect(sidebarView(state, [], 'en', { busy: true, error: { de: 'Fehler', en: 'Failure' } })).toMatchObject({
      autoFill: {
        text: 'The automatic fill did not reach this ticket (for example because the Freshdesk API was busy).',
        detail: 'Fills in order number, customer name, the tag "rakuten" and the reply deadline. What the ticket already says stays.',
        action: 'Fill in now',
        busy: 'Filling in …',
        error: 'Failure',
      },
    });
    expect(sidebarView(stateOf(SPOOF_MAIL.text, SPOOF_MAIL.requester), [], 'de', { busy: false, error: null })).not.toHaveProperty('autoFill');
  });
});
