import { z } from 'zod/mini';
import { isSetIfConflict } from './failure';
import type { KeyValueStore } from './platform';

/**
 * - `first`: this run owns the event.
 * - `replay`: another run holds it or finished it: do nothing.
 * - `stale`: a run claimed it long ago and may have died: check the ticket itself before writing.
 * - `unlocked`: the store failed; writing anyway risks an identical second write, skipping risks none at all.
 */
export type Claim = 'first' | 'replay' | 'stale' | 'unlocked';

/** Longer than FDK's longest handler run (40 s): a claim this old belongs to a run that is over. */
export const STALE_AFTER_MS = 60_000;

const ClaimRecordSchema = z.object({ claimedAt: z.number() });

/** FDK keys are at most 30 characters: a short prefix plus the Freshdesk id (≤ 16 digits) fits. */
export function onceKey(event: 'tc' | 'cc', id: number): string {
  return `once:${event}:${id}`;
}

/**
 * Claims an event with `$db.set(…, {setIf: 'not_exist'})`: the store answers "exists" to every run but the
 * first, even when replays arrive at the same moment. The happy path costs one store call.
 */
export async function claimOnce(db: KeyValueStore, key: string, now: Date): Promise<Claim> {
  try {
    await db.set(key, { claimedAt: now.getTime() }, { setIf: 'not_exist' });
    return 'first';
  } catch (error) {
    if (!isSetIfConflict(error)) return 'unlocked';
  }
  try {
    const held = ClaimRecordSchema.safeParse(await db.get(key));
    if (held.success && now.getTime() - held.data.claimedAt < STALE_AFTER_MS) return 'replay';
    await db.set(key, { claimedAt: now.getTime() });
    return 'stale';
  } catch {
    return 'replay';
  }
}

/** A run that failed gives its claim back, so that the platform's or an agent's retry is not taken for a replay. */
export async function releaseClaim(db: KeyValueStore, key: string): Promise<void> {
  try {
    await db.delete(key);
  } catch {
    // The claim turns stale within a minute anyway.
  }
}
