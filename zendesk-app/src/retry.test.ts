import { retryAfterMs, sendWithRetry, type RetryPolicy } from './retry';
import type { HttpResponse } from './zaf-client';

function response(status: number, retryAfter: string | null = null): HttpResponse {
  return { status, body: null, header: (name) => (name === 'retry-after' ? retryAfter : null) };
}

function policy(waits: number[]): RetryPolicy {
  return { maxAttempts: 4, serverErrorDelayMs: 500, maxWaitMs: 30_000, sleep: async (ms) => void waits.push(ms) };
}

describe('retryAfterMs', () => {
  test.each([
    ['2', 2000],
    ['0', 0],
    [null, 1000],
    ['soon', 1000],
    ['Mon, 02 Mar 2026 09:00:05 GMT', 5000],
  ])('Retry-After %p waits %p ms', (header, ms) => {
    expect(retryAfterMs(header, new Date('2026-03-02T09:00:00Z'))).toBe(ms);
  });
});

describe('sendWithRetry', () => {
  test.each([
    ['429 then 200: waits as told, once', [response(429, '2'), response(200)], [2000], 200],
    ['503, 502 then 200: backs off 0.5 s then 1 s', [response(503), response(502), response(200)], [500, 1000], 200],
    ['404 is final', [response(404)], [], 404],
    ['409 conflict is final', [response(409)], [], 409],
    ['no answer (status 0) is final', [response(0)], [], 0],
    ['four 500s: gives up after four attempts', [response(500), response(500), response(500), response(500), response(200)], [500, 1000, 2000], 500],
    ['a Retry-After beyond the limit is not waited for', [response(429, '3600'), response(200)], [], 429],
  ])('%s', async (_name, answers, expectedWaits, finalStatus) => {
    const waits: number[] = [];
    const queue = [...answers];
    const final = await sendWithRetry(async () => queue.shift() ?? response(599), policy(waits));
    expect(final.status).toBe(finalStatus);
    expect(waits).toEqual(expectedWaits);
  });
});
