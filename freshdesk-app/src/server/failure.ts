import { z } from 'zod/mini';

/** How the platform rejects: `{status, message}` from `$db`, `{status, response, attempts}` from `$request`. */
const PlatformErrorSchema = z.object({
  status: z.optional(z.number()),
  message: z.optional(z.string()),
  attempts: z.optional(z.number()),
});

/** A failure described by status and attempts only, never by response bodies that may quote customer data. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? 'error' : error.name;
  const parsed = PlatformErrorSchema.safeParse(error);
  if (!parsed.success || parsed.data.status === undefined) return 'unknown failure';
  const attempts = parsed.data.attempts === undefined ? '' : ` after ${parsed.data.attempts} attempt(s)`;
  return `status ${parsed.data.status}${attempts}`;
}

/** `$db.set(…, {setIf: 'not_exist'})` on an existing key rejects with this. */
export function isSetIfConflict(error: unknown): boolean {
  const parsed = PlatformErrorSchema.safeParse(error);
  return parsed.success && parsed.data.status === 400 && (parsed.data.message ?? '').includes('setIf');
}
