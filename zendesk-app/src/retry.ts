import type { HttpResponse } from './zaf-client';

export interface RetryPolicy {
  /** Attempts in all, the first included: a busy account must not turn one sidebar into a request storm. */
  readonly maxAttempts: number;
  /** First back-off after a 5xx; doubled each time. */
  readonly serverErrorDelayMs: number;
  /** A Retry-After longer than this is not waited for: the agent has moved on by then. */
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  serverErrorDelayMs: 500,
  maxWaitMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Retry-After in seconds or as an HTTP date (RFC 9110); 1 s when missing or unreadable. */
export function retryAfterMs(header: string | null, now: Date = new Date()): number {
  if (header === null || header.trim() === '') return 1000;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now.getTime());
}

/** How long to wait before trying again, or null when this answer is final. */
export function waitBeforeRetry(response: HttpResponse, failedAttempts: number, policy: RetryPolicy): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  if (response.status === 429) {
    const wait = retryAfterMs(response.header('retry-after'));
    return wait <= policy.maxWaitMs ? wait : null;
  }
  if (response.status >= 500) return policy.serverErrorDelayMs * 2 ** (failedAttempts - 1);
  return null;
}

/** Sends until the answer is not 429/5xx or the attempts run out; returns the last answer. */
export async function sendWithRetry(send: () => Promise<HttpResponse>, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    const wait = waitBeforeRetry(response, attempt, policy);
    if (wait === null) return response;
    await policy.sleep(wait);
  }
}
