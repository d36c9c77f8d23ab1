/**
 * FDK's key-value store (`$db`) with its documented rules: keys up to 30 characters, key and value together
 * up to 8 KB, values non-empty JSON objects (empty strings stored as null), `setIf` "exist"/"not_exist",
 * 50 calls per minute per app and account. (PLATFORMS.md has 60 characters and 40 KB; the developer docs
 * say 30 and 8 KB, so the stricter figures are enforced.)
 */

export interface StoreFailure {
  readonly status: number;
  readonly message: string;
}

export const KEY_MAX_LENGTH = 30;
export const ENTRY_MAX_BYTES = 8 * 1024;
export const CALLS_PER_MINUTE = 50;

function fail(status: number, message: string): never {
  throw { status, message } satisfies StoreFailure;
}

/** FDK stores empty strings, NaN and ±Infinity as null. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]));
  }
  return value;
}

export class KeyValueStore {
  readonly entries = new Map<string, unknown>();
  readonly calls: { op: 'get' | 'set' | 'delete'; key: string; outcome: string }[] = [];
  private readonly callTimes: number[] = [];
  private failures = 0;

  /** The next `count` calls fail as the store does when it is down. */
  failNext(count: number): void {
    this.failures = count;
  }

  private admit(op: 'get' | 'set' | 'delete', key: string): void {
    const now = Date.now();
    while (this.callTimes.length > 0 && now - (this.callTimes[0] ?? now) > 60_000) this.callTimes.shift();
    if (this.callTimes.length >= CALLS_PER_MINUTE) {
      this.calls.push({ op, key, outcome: 'rate-limited' });
      fail(429, 'You have exceeded the rate limit');
    }
    this.callTimes.push(now);
    if (this.failures > 0) {
      this.failures--;
      this.calls.push({ op, key, outcome: 'failed' });
      fail(503, 'Service unavailable');
    }
    if (typeof key !== 'string' || key.trim() === '') fail(400, 'Key cannot be blank');
    if (key.length > KEY_MAX_LENGTH) fail(400, `Key length should not exceed ${KEY_MAX_LENGTH} characters`);
  }

  async set(key: string, value: unknown, options: { setIf?: string } = {}): Promise<{ Created: true }> {
    this.admit('set', key);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
      fail(400, 'Value should be a non-empty JSON object');
    }
    if (Buffer.byteLength(key + JSON.stringify(value), 'utf8') > ENTRY_MAX_BYTES) fail(400, 'Key and value together exceed 8 KB');
    const exists = this.entries.has(key);
    if ((options.setIf === 'not_exist' && exists) || (options.setIf === 'exist' && !exists)) {
      this.calls.push({ op: 'set', key, outcome: 'setIf-failed' });
      fail(400, 'The setIf conditional request failed');
    }
    this.entries.set(key, normalise(structuredClone(value)));
    this.calls.push({ op: 'set', key, outcome: 'stored' });
    return { Created: true };
  }

  async get(key: string): Promise<unknown> {
    this.admit('get', key);
    if (!this.entries.has(key)) {
      this.calls.push({ op: 'get', key, outcome: 'not-found' });
      fail(404, 'Record not found');
    }
    this.calls.push({ op: 'get', key, outcome: 'found' });
    return structuredClone(this.entries.get(key));
  }

  async delete(key: string): Promise<{ Deleted: true }> {
    this.admit('delete', key);
    if (!this.entries.delete(key)) {
      this.calls.push({ op: 'delete', key, outcome: 'not-found' });
      fail(404, 'Record not found');
    }
    this.calls.push({ op: 'delete', key, outcome: 'deleted' });
    return { Deleted: true };
  }
}
