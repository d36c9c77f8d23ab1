import { accountSubdomain } from './nav-bar';

describe('accountSubdomain', () => {
  test.each([
    [{ account: { subdomain: 'haendler' } }, 'haendler'],
    [{ account: { subdomain: 'Muster-Shop2' } }, 'muster-shop2'],
    // Links into Zendesk are built from it: nothing that could leave *.zendesk.com passes.
    [{ account: { subdomain: 'evil.example/x' } }, null],
    [{ account: { subdomain: 'a@b' } }, null],
    [{ account: { subdomain: '' } }, null],
    [{ account: {} }, null],
    [undefined, null],
  ])('%p → %p', (context, subdomain) => {
    expect(accountSubdomain(context)).toBe(subdomain);
  });
});
