import { FakeServices } from '../../test-support/fake-services';
import { STALE_AFTER_MS, claimOnce, onceKey, releaseClaim } from './once';

const now = new Date('2026-03-02T09:00:00Z');

describe('claimOnce', () => {
  test('the first run owns the event, a second one within a minute is a replay', async () => {
    const { services } = new FakeServices();
    await expect(claimOnce(services.db, onceKey('tc', 1), now)).resolves.toBe('first');
    await expect(claimOnce(services.db, onceKey('tc', 1), new Date(now.getTime() + 1000))).resolves.toBe('replay');
  });

  test('an old claim is stale and taken over', async () => {
    const fake = new FakeServices();
    await claimOnce(fake.services.db, 'k', now);
    await expect(claimOnce(fake.services.db, 'k', new Date(now.getTime() + STALE_AFTER_MS + 1))).resolves.toBe('stale');
    expect(fake.store.get('k')).toEqual({ claimedAt: now.getTime() + STALE_AFTER_MS + 1 });
  });

  test('an unreadable claim counts as a replay', async () => {
    const fake = new FakeServices();
    fake.store.set('k', { something: 'else' });
    await expect(claimOnce(fake.services.db, 'k', now)).resolves.toBe('stale');
    fake.store.set('k', { claimedAt: now.getTime() });
    const get = fake.services.db.get;
    fake.services.db.get = async () => {
      throw { status: 503, message: 'down' };
    };
    await expect(claimOnce(fake.services.db, 'k', now)).resolves.toBe('replay');
    fake.services.db.get = get;
  });

  test('a store that fails leaves the event unlocked', async () => {
    const fake = new FakeServices();
    fake.storeFailure = { status: 503, message: 'Service unavailable' };
    await expect(claimOnce(fake.services.db, 'k', now)).resolves.toBe('unlocked');
    await expect(releaseClaim(fake.services.db, 'k')).resolves.toBeUndefined();
  });

  test('keys stay within 30 characters for 16-digit ids', () => {
    expect(onceKey('cc', 9_999_999_999_999_999).length).toBeLessThanOrEqual(30);
  });
});
