import { DRAFT_PATHS, DraftUnreadable, draftFrom } from './draft';
import type { ReadResult } from './zaf-client';

function read(values: Record<string, unknown>, failed: string[] = []): ReadResult {
  return { values: { 'comment.type': 'publicReply', 'comment.text': '', 'ticket.status': 'open', 'ticket.collaborators': [], ...values }, failed };
}

describe('draftFrom', () => {
  test('requester and end-user CCs are the recipients; agents who follow are not', () => {
    const draft = draftFrom(
      read({
        'ticket.requester': { id: 200, email: 'service@rakuten.de', name: 'Rakuten.de' },
        'ticket.collaborators': [
          { id: 5, email: 'kunde@example.com', name: 'Kunde', role: 'end-user' },
          { id: 1, email: 'anna@shop.example', name: 'Anna', role: 'agent' },
        ],
      }),
    );
    expect(draft).toMatchObject({ to: ['service@rakuten.de'], cc: ['kunde@example.com'], bcc: [], public: true, solving: false });
  });

  test.each([
    ['solved', true],
    ['closed', true],
    ['pending', false],
    ['open', false],
  ])('status %s solving: %p', (status, solving) => {
    expect(draftFrom(read({ 'ticket.requester': null, 'ticket.status': status })).solving).toBe(solving);
  });

  test('an internal note is not public; rich text is read as text', () => {
    const draft = draftFrom(read({ 'ticket.requester': null, 'comment.type': 'internalNote', 'comment.text': '<p>Hallo&nbsp;Frau <b>Mustermann</b></p>' }));
    expect(draft.public).toBe(false);
    expect(draft.text).toBe('Hallo Frau Mustermann');
  });

  test('a requester without an address is still a recipient, by name', () => {
    expect(draftFrom(read({ 'ticket.requester': { id: 9, email: null, name: 'Max Telefon' } })).to).toEqual(['Max Telefon']);
  });

  test('an editor that does not answer is an error, not an empty draft', () => {
    expect(() => draftFrom(read({ 'ticket.requester': null }, ['ticket.requester']))).toThrow(DraftUnreadable);
    expect(DRAFT_PATHS).toContain('ticket.collaborators');
  });
});
