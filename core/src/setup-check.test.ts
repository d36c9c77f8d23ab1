import { autoReplyCheck, checkFailed, credentialsCheck, fieldsCheck, isMarketplaceMail, spamCheck } from './setup-check';

const remedy = { de: 'Bedingung ergänzen.', en: 'Add the condition.' };

describe('setup check verdicts', () => {
  test('fields: missing beats not-on-form; both fine is ok', () => {
    expect(fieldsCheck({ missing: ['Rakuten-Bestellnummer'], notOnForm: [] })).toMatchObject({ status: 'problem' });
    expect(fieldsCheck({ missing: ['Rakuten-Bestellnummer'], notOnForm: [] }).detail.de).toContain('„Rakuten-Bestellnummer“');
    expect(fieldsCheck({ missing: [], notOnForm: ['Rakuten-Kundenname'] }).detail.en).toContain('not on the ticket form');
    expect(fieldsCheck({ missing: [], notOnForm: [] }).status).toBe('ok');
    expect(fieldsCheck({ missing: ['A', 'B'], notOnForm: [] }).detail.de).toBe('Es fehlen die Ticketfelder „A“, „B“.');
    expect(fieldsCheck({ missing: ['A'], notOnForm: [] }).detail.en).toBe('The ticket field „A“ is missing.');
  });

  test('auto-replies: names each offending rule and links it', () => {
    const result = autoReplyCheck({ readable: true, offending: [{ label: 'Notify requester of received request', url: 'https://x.example/triggers/1' }], remedy });
    expect(result.status).toBe('problem');
    expect(result.detail.de).toContain('„Notify requester of received request“');
    expect(result.links).toHaveLength(1);
    expect(result.fix).toEqual(remedy);
    expect(autoReplyCheck({ readable: false, offending: [], remedy }).status).toBe('manual');
    expect(autoReplyCheck({ readable: true, offending: [], remedy }).status).toBe('ok');
  });

  test('spam: counts Rakuten mail and always gives the safe-sender advice', () => {
    const result = spamCheck({ count: 3, links: [], remedy });
    expect(result.status).toBe('problem');
    expect(result.detail.de).toContain('3 Mails');
    expect(result.fix?.de).toContain('rakuten.com');
    expect(spamCheck({ count: 0, links: [], remedy }).status).toBe('ok');
  });

  test.each([
    [200, 'ok'],
    [401, 'problem'],
    [403, 'problem'],
    [500, 'error'],
    [null, 'error'],
  ] as const)('credentials with HTTP %p is %s', (status, expected) => {
    expect(credentialsCheck({ status }).status).toBe(expected);
  });

  test('a check that could not run says so', () => {
    expect(checkFailed('spam', 'HTTP 429')).toMatchObject({ status: 'error', detail: { en: 'Could not check: HTTP 429' } });
    const fix = { de: 'Admin fragen.', en: 'Ask an admin.' };
    expect(checkFailed('spam', { de: 'kein Zugriff', en: 'no access' }, fix)).toMatchObject({
      detail: { de: 'Prüfung nicht möglich: kein Zugriff', en: 'Could not check: no access' },
      fix,
    });
  });

  test.each([
    ['service@rakuten.de', true],
    ['info@mail.rakuten.com', true],
    ['x@rakuten.de.example.com', false],
    ['kunde@example.com', false],
  ])('isMarketplaceMail(%s) is %s', (address, expected) => {
    expect(isMarketplaceMail(address)).toBe(expected);
  });
});
