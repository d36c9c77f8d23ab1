import { RAKUTEN_DE } from './profile';
import { authenticationFailed, normalizeAddress, skeleton } from './sender-trust';

describe('sender trust helpers', () => {
  test.each([
    ['<Service@Rakuten.DE>', 'service@rakuten.de'],
    ['  service@rakuten.de. ', 'service@rakuten.de'],
  ])('normalizeAddress(%j)', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  test.each([
    ['rаkuten.de', 'rakutende'], // Cyrillic а
    ['RAKUTEN-DE.com', 'rakutendecom'],
    ['rakutén.de', 'rakutende'],
    ['ｒａｋｕｔｅｎ.de', 'rakutende'], // full-width
    ['r4kuten.de', 'rakutende'],
  ])('skeleton(%j) folds look-alikes', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });

  test.each([
    ['spf=fail smtp.mailfrom=rakuten.de', true],
    ['mx.example; spf=pass smtp.mailfrom=rakuten.de; dkim=fail header.d=rakuten.de', true],
    ['mx.example; dmarc=fail (p=reject) header.from=rakuten.de', true],
    ['mx.example; spf=softfail smtp.mailfrom=service@rakuten.de', true],
    ['mx.example; spf=pass smtp.mailfrom=rakuten.de; dkim=pass header.d=rakuten.de; dmarc=pass header.from=rakuten.de', false],
    ['mx.example; dkim=fail header.d=newsletter-tool.example; dmarc=pass header.from=rakuten.de', false],
    ['mx.example; spf=none', false],
  ])('authenticationFailed(%j) is %s', (header, expected) => {
    expect(authenticationFailed(header, RAKUTEN_DE)).toBe(expected);
  });
});
