import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { analyzeMessage } from './analyze';
import { readEml } from './node/eml';
import { readEmlLimits } from './node/eml-options';
import { parseCliArgs, USAGE } from './node/cli-args';
import { prettyBlock } from './node/cli-pretty';
import { analysisLine, errorLine, isErrorLine, jsonLine, type CliLine } from './node/cli-record';
import { readCapped, readFileCapped } from './node/read-capped';
import { parseSettings, type Settings } from './settings';

export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;

/** `rakuten-helpdesk` (see USAGE). Returns the exit status; never throws for bad input or files. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    await write(io.stderr, `rakuten-helpdesk: ${parsed.error.message}\nTry "rakuten-helpdesk --help".\n`);
    return EXIT_USAGE;
  }
  const command = parsed.value;
  if (command.kind === 'help') {
    await write(io.stdout, USAGE);
    return EXIT_OK;
  }
  if (command.kind === 'version') {
    await write(io.stdout, `${version()}\n`);
    return EXIT_OK;
  }
  const settings = parseSettings({ bundesland: command.state, saturdayIsWorkingDay: command.saturday });
  if (!settings.ok) {
    await write(io.stderr, `rakuten-helpdesk: ${settings.error.message}\n`);
    return EXIT_USAGE;
  }
  let failed = false;
  // One file at a time, each line written as soon as it is known: a long run shows progress and holds one mail in memory.
  for (const file of command.files) {
    const line = await analyzeFile(file, io.stdin, settings.value);
    failed ||= isErrorLine(line);
    const written = await write(io.stdout, command.pretty ? prettyBlock(line) : jsonLine(line));
    // The reader went away (`| head`): nobody is left to read the rest.
    if (!written) break;
  }
  return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

async function analyzeFile(file: string, stdin: NodeJS.ReadableStream, settings: Settings): Promise<CliLine> {
  const { maxBytes } = readEmlLimits(undefined);
  const input = file === '-' ? await readCapped(stdin, maxBytes) : await readFileCapped(file, maxBytes);
  if (!input.ok) return errorLine(file, input.error.code, input.error.message);
  const read = await readEml(input.value);
  if (!read.ok) return errorLine(file, read.error.code, read.error.message);
  try {
    return analysisLine(file, read.value, analyzeMessage(read.value, { settings }));
  } catch (cause) {
    // A bug in the analysis must cost one line, not the rest of the run.
    return errorLine(file, 'analysis-failed', cause instanceof Error ? cause.message : String(cause));
  }
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * A closed pipe reports EPIPE as an 'error' event after the write callback; without a listener Node
 * ends the process with a stack trace instead of letting the CLI stop quietly. The stream is dead by
 * then, so there is nothing else to do with the error.
 */
function guard(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', () => undefined);
}

/**
 * Writes and waits until the chunk is handed on, so output keeps pace with the reader (backpressure).
 * Resolves false when the stream is closed (EPIPE): a normal end under `| head`, not a crash.
 */
function write(stream: NodeJS.WritableStream, text: string): Promise<boolean> {
  guard(stream);
  return new Promise((resolve) => {
    stream.write(text, (error?: Error | null) => resolve(!error));
  });
}

const PackageSchema = z.object({ version: z.string() });

/** core/package.json sits one level above both src/ and dist/. */
function version(): string {
  try {
    return PackageSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'))).version;
  } catch {
    return 'unknown';
  }
}
