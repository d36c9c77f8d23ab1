import { suggestClosingReply } from './closing-reply';

const settings = { shopName: 'Mustershop', signature: 'Ihr Team vom Mustershop\nwww.mustershop.example' };

describe('suggestClosingReply', () => {
  test('German: greets the customer by name and ends with the signature', () => {
    const reply = suggestClosingReply({ customerName: 'Erika Musterfrau', settings, locale: 'de' });
    expect(reply.split('\n')[0]).toBe('Guten Tag Erika Musterfrau,');
    expect(reply.endsWith('Ihr Team vom Mustershop\nwww.mustershop.example')).toBe(true);
    expect(reply).not.toMatch(/rakuten/i);
  });

  test('English variant', () => {
    const reply = suggestClosingReply({ customerName: 'John Smith', settings, locale: 'en' });
    expect(reply.split('\n')[0]).toBe('Dear John Smith,');
    expect(reply).toContain('Kind regards');
  });

  test('without a name or signature it still reads well, falling back to the shop name', () => {
    const reply = suggestClosingReply({ customerName: null, settings: { shopName: 'Mustershop', signature: '' }, locale: 'de' });
    expect(reply.split('\n')[0]).toBe('Guten Tag,');
    expect(reply.endsWith('Freundliche Grüße\nMustershop')).toBe(true);
  });

  test.each(['<img src=x onerror=alert(1)>', 'Eve\nBcc: x@evil.example', '{{ticket.requester.name}}'])(
    'a hostile name %j is left out, not echoed',
    (customerName) => {
      const reply = suggestClosingReply({ customerName, settings, locale: 'de' });
      expect(reply.split('\n')[0]).toBe('Guten Tag,');
    },
  );
});
