import { parseArgs } from 'node:util';
import { z } from 'zod';
import { err, excerpt, ok, type Result } from '../result';
import { BUNDESLAENDER, type Bundesland } from '../settings';

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'analyze';
      readonly files: readonly string[];
      readonly state: Bundesland | null;
      readonly saturday: boolean;
      readonly pretty: boolean;
    };

const OPTIONS = {
  state: { type: 'string' },
  saturday: { type: 'boolean' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const StateSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(BUNDESLAENDER, { error: `--state must be one of ${BUNDESLAENDER.join(', ')}` }));

const ValuesSchema = z
  .object({
    state: StateSchema.optional(),
    saturday: z.boolean().default(false),
    pretty: z.boolean().default(false),
    help: z.boolean().default(false),
    version: z.boolean().default(false),
  })
  .strict();

/** Reads argv (without node and script). Every mistake is a usage error, never a guess. */
export function parseCliArgs(argv: readonly string[]): Result<CliCommand, 'usage'> {
  let raw: { values: unknown; positionals: string[] };
  try {
    raw = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (cause) {
    return err('usage', cause instanceof Error ? cause.message : String(cause));
  }
  const values = ValuesSchema.safeParse(raw.values);
  if (!values.success) {
    const state = (raw.values as { state?: unknown }).state;
    const issue = values.error.issues[0]?.message ?? 'invalid option';
    return err('usage', typeof state === 'string' && issue.startsWith('--state') ? `${issue}; got "${excerpt(state, 20)}"` : issue);
  }
  if (values.data.help) return ok({ kind: 'help' });
  if (values.data.version) return ok({ kind: 'version' });

  const [command, ...files] = raw.positionals;
  if (command === undefined) return err('usage', 'no command given');
  if (command !== 'analyze') return err('usage', `unknown command "${excerpt(command, 40)}"`);
  if (files.length === 0) return err('usage', 'no files given (use - to read standard input)');
  // Standard input can be read once; a second "-" would silently analyse nothing.
  if (files.filter((file) => file === '-').length > 1) return err('usage', '"-" (standard input) may be given only once');
  return ok({
    kind: 'analyze',
    files,
    state: values.data.state ?? null,
    saturday: values.data.saturday,
    pretty: values.data.pretty,
  });
}

export const USAGE = `Usage: rakuten-helpdesk analyze [options] FILE...
       rakuten-helpdesk --help | --version

Analyses e-mails (.eml) that Rakuten.de forwards from service@rakuten.de and prints one JSON
object per file and line, in the order given. FILE "-" reads standard input.

Options:
  --state XX    Bundesland (${BUNDESLAENDER.join(', ')}), case-insensitive: its public
                holidays also stop the reply clock. Default: nationwide holidays only.
  --saturday    Saturday counts as a working day.
  --pretty      A readable summary for a person (German, with English labels) instead of JSON.
  -h, --help    Show this text.
  --version     Show the version.

Each JSON line has: file, kind (customer-forward | rakuten-notice | spoofed | unrelated),
orderNumber, orderNumberWellFormed, customerName, customerMessage, closingOnly, replyTo,
receivedAt, replyDueBy (ISO-8601 UTC; null where not applicable), subject,
sender {address, name}, flags (codes).
A file that cannot be read or parsed gives {"file": ..., "error": {"code": ..., "message": ...}}
(codes: not-found, is-a-directory, permission-denied, read-failed, empty-input, not-a-mail,
too-large, parse-failed, analysis-failed) and the run goes on.

Exit status: 0 all files analysed, 1 at least one error line, 2 bad usage.
`;
