import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { runCli } from './cli';

const CORE = join(__dirname, '..');
const FIXTURES = join(CORE, 'test-fixtures', 'eml');
const fx = (name: string) => join(FIXTURES, name);

const QUESTION = fx('crlf-line-endings-question.eml');
const CLOSING = fx('closing-only-hat-sich-erledigt.eml');
const SPOOF = fx('spoof-display-name-is-rakuten-address.eml');
const FRONLEICHNAM = fx('received-day-before-fronleichnam.eml');
const FRIDAY = fx('order-number-unusual-shape.eml');

/** Collects what is written, acknowledging each chunk at once like a fast terminal. */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: string[], stdin: NodeJS.ReadableStream = Readable.from([])): Promise<Run> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await runCli(argv, { stdin, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function lines(output: string): Array<Record<string, unknown>> {
  expect(output.endsWith('\n')).toBe(true);
  return output
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A genuine forward as a string, for dates no fixture has. */
function genuineMail(date: string): string {
  return [
    `Date: ${date}`,
    'From: Rakuten Service <service@rakuten.de>',
    'To: info@mustershop.de',
    'Subject: Nachricht Ihres Kunden zur Bestellung 123-456-789',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Bestellnummer: 123-456-789',
    'Kundenname: Max Mustermann',
    '',
    '#### Weitergeleitete Nachricht des Kunden Max Mustermann ####',
    'Wo bleibt mein Paket?',
    '#### Ende der weitergeleiteten Nachricht ####',
    '',
  ].join('\r\n');
}

describe('rakuten-helpdesk analyze (JSON lines)', () => {
  it('prints one JSON object per file with the documented fields in the documented order', async () => {
    const result = await run(['analyze', QUESTION]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [line] = lines(result.stdout);
    expect(line).toEqual({
      file: QUESTION,
      kind: 'customer-forward',
      orderNumber: '901-234-567',
      orderNumberWellFormed: true,
      customerName: 'Katrin Braun',
      customerMessage: 'Guten Morgen,\nwann wird meine Bestellung geliefert? Ich brauche sie bis Freitag.\nDanke\nKatrin Braun',
      closingOnly: false,
      replyTo: 'service@rakuten.de',
      receivedAt: '2026-11-25T08:30:00.000Z',
      replyDueBy: '2026-11-27T08:30:00.000Z',
      subject: 'Nachricht Ihres Kunden zur Bestellung 901-234-567',
      sender: { address: 'service@rakuten.de', name: 'Rakuten Service' },
      flags: [],
    });
    expect(Object.keys(line ?? {})).toEqual([
      'file', 'kind', 'orderNumber', 'orderNumberWellFormed', 'customerName', 'customerMessage', 'closingOnly',
      'replyTo', 'receivedAt', 'replyDueBy', 'subject', 'sender', 'flags',
    ]);
  });

  it('keeps the order given and reports non-forwards with nulls and flag codes', async () => {
    const result = await run(['analyze', SPOOF, CLOSING, fx('rakuten-notice-without-forward.eml')]);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((line) => [line['file'], line['kind'], line['closingOnly']])).toEqual([
      [SPOOF, 'spoofed', null],
      [CLOSING, 'customer-forward', true],
      [fx('rakuten-notice-without-forward.eml'), 'rakuten-notice', null],
    ]);
    expect(out[0]).toMatchObject({
      orderNumber: null,
      customerName: null,
      customerMessage: null,
      replyTo: null,
      replyDueBy: null,
      receivedAt: '2026-11-24T10:02:13.000Z',
      sender: { address: 'x@evil.example', name: 'service@rakuten.de' },
      flags: ['display-name-impersonation', 'marketplace-look-without-genuine-sender'],
    });
  });

  it('writes an error line for each unreadable file, goes on, and exits 1', async () => {
    const missing = join(FIXTURES, 'does-not-exist.eml');
    const result = await run(['analyze', missing, FIXTURES, fx('empty-file.eml'), fx('random-binary-not-a-mail.eml'), QUESTION]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const out = lines(result.stdout);
    expect(out.map((line) => [line['file'], (line['error'] as { code?: string } | undefined)?.code ?? line['kind']])).toEqual([
      [missing, 'not-found'],
      [FIXTURES, 'is-a-directory'],
      [fx('empty-file.eml'), 'empty-input'],
      [fx('random-binary-not-a-mail.eml'), 'not-a-mail'],
      [QUESTION, 'customer-forward'],
    ]);
    expect(out[0]).toEqual({ file: missing, error: { code: 'not-found', message: `${missing} does not exist.` } });
  });

  it('reads standard input for "-"', async () => {
    const result = await run(['analyze', '-'], Readable.from([readFileSync(CLOSING)]));
    expect(result.code).toBe(0);
    expect(lines(result.stdout)[0]).toMatchObject({ file: '-', kind: 'customer-forward', customerName: 'Heike Lang', closingOnly: true });
  });

  it('refuses an oversized file before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rakuten-cli-'));
    try {
      const big = join(dir, 'big.eml');
      writeFileSync(big, Buffer.alloc(25 * 1024 * 1024 + 1, 0x61));
      const result = await run(['analyze', big]);
      expect(result.code).toBe(1);
      expect(lines(result.stdout)[0]).toMatchObject({ file: big, error: { code: 'too-large' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes each line before reading the next file (streaming, not buffered)', async () => {
    const stdin = new PassThrough();
    const stdout = new Sink();
    const done = runCli(['analyze', QUESTION, '-'], { stdin, stdout, stderr: new Sink() });
    for (let waited = 0; !stdout.text.includes('\n') && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(stdout.text.split('\n')).toHaveLength(2);
    stdin.end(readFileSync(CLOSING));
    expect(await done).toBe(0);
    expect(stdout.text.split('\n')).toHaveLength(3);
  });

  it('stops quietly when the reader goes away (| head)', async () => {
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const code = await runCli(['analyze', QUESTION, CLOSING], { stdin: Readable.from([]), stdout: closed, stderr: new Sink() });
    expect(code).toBe(0);
  });

  it('escapes characters in JSON that a terminal would act on', async () => {
    const mail = genuineMail('Tue, 24 Nov 2026 10:15:00 +0100').replace('Max Mustermann\r\n\r\n', 'Max \u202eMustermann\u009b\r\n\r\n');
    const result = await run(['analyze', '-'], Readable.from([Buffer.from(mail, 'utf8')]));
    expect(result.stdout).not.toMatch(/[\u202e\u009b]/);
    expect(result.stdout).toContain('Max \\u202eMustermann\\u009b');
    expect(lines(result.stdout)[0]?.['customerName']).toBe('Max \u202eMustermann\u009b');
  });
});

describe('rakuten-helpdesk options', () => {
  const dueBy = async (argv: string[], stdin?: NodeJS.ReadableStream) => lines((await run(argv, stdin)).stdout)[0]?.['replyDueBy'];

  it('--state NW makes Fronleichnam a holiday (case-insensitive)', async () => {
    expect(await dueBy(['analyze', FRONLEICHNAM])).toBe('2026-06-05T08:00:00.000Z'); // Wed → Thu, Fri
    expect(await dueBy(['analyze', '--state', 'NW', FRONLEICHNAM])).toBe('2026-06-08T08:00:00.000Z'); // Fri, Mon
    expect(await dueBy(['analyze', '--state=nw', FRONLEICHNAM])).toBe('2026-06-08T08:00:00.000Z');
    expect(await dueBy(['analyze', '--state', 'BE', FRONLEICHNAM])).toBe('2026-06-05T08:00:00.000Z');
  });

  it('--state NW makes Allerheiligen a holiday', async () => {
    const mail = () => Readable.from([Buffer.from(genuineMail('Fri, 29 Oct 2027 10:00:00 +0200'))]);
    expect(await dueBy(['analyze', '-'], mail())).toBe('2027-11-02T09:00:00.000Z'); // Mon 1, Tue 2 (CET by then)
    expect(await dueBy(['analyze', '--state', 'NW', '-'], mail())).toBe('2027-11-03T09:00:00.000Z'); // Tue 2, Wed 3
  });

  it('--saturday counts Saturday as a working day', async () => {
    expect(await dueBy(['analyze', FRIDAY])).toBe('2026-11-10T14:30:00.000Z'); // Fri → Mon, Tue
    expect(await dueBy(['analyze', '--saturday', FRIDAY])).toBe('2026-11-09T14:30:00.000Z'); // Fri → Sat, Mon
  });

  it('--help prints the usage and exits 0; --version prints the package version', async () => {
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: rakuten-helpdesk analyze/);
    const version = await run(['--version']);
    const expected = (JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it.each([
    ['an unknown option', ['analyze', '--frobnicate', QUESTION], /Unknown option '--frobnicate'/],
    ['no files', ['analyze'], /no files given/],
    ['no command', [], /no command given/],
    ['an unknown command', ['analyse', QUESTION], /unknown command "analyse"/],
    ['an unknown Bundesland', ['analyze', '--state', 'XX', QUESTION], /--state must be one of BW, BY, .*; got "XX"/],
    ['--state swallowing the file name', ['analyze', '--state', QUESTION], /--state must be one of/],
    ['--state without a value', ['analyze', QUESTION, '--state'], /argument missing/],
    ['"-" twice', ['analyze', '-', '-'], /only once/],
  ])('%s is bad usage: exit 2, message on stderr', async (_label, argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('rakuten-helpdesk --help');
  });
});

describe('rakuten-helpdesk analyze --pretty', () => {
  it('summarises a forward for a person, due date in Berlin time', async () => {
    const result = await run(['analyze', '--pretty', QUESTION, CLOSING]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`── ${QUESTION} ──\nArt / Kind                    Echte Rakuten-Weiterleitung / Genuine Rakuten forward\n`);
    expect(result.stdout).toContain('Bestellnummer / Order         901-234-567\n');
    expect(result.stdout).toContain('Kunde / Customer              Katrin Braun\n');
    expect(result.stdout).toContain(
      'Nachricht / Message           Guten Morgen,\n                              wann wird meine Bestellung geliefert?',
    );
    expect(result.stdout).toContain('Nur Abschluss / Closing only  nein / no\n');
    expect(result.stdout).toContain('Nur Abschluss / Closing only  ja / yes');
    expect(result.stdout).toContain('Antwort an / Reply to         service@rakuten.de\n');
    expect(result.stdout).toContain('Antworten bis / Reply by      Fr., 27.11.2026, 09:30 Uhr (Berlin)\n');
    expect(result.stdout).toContain('Antworten bis / Reply by      Mo., 30.11.2026, 17:10 Uhr (Berlin)\n');
  });

  it('shows a spoof with its flags in German and the advice, and errors in words', async () => {
    const result = await run(['analyze', '--pretty', SPOOF, fx('does-not-exist.eml')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Looks like Rakuten but is not from service@rakuten.de');
    expect(result.stdout).toContain('Absender / Sender             "service@rakuten.de" <x@evil.example>\n');
    expect(result.stdout).toContain('• Der Absendername gibt sich als Rakuten aus, die Adresse ist aber nicht service@rakuten.de. [display-name-impersonation]');
    expect(result.stdout).toContain('Rat / Advice                  Nicht antworten und keine Daten übernehmen.');
    expect(result.stdout).not.toContain('Bestellnummer / Order');
    expect(result.stdout).toContain('Fehler / Error                Datei nicht gefunden / file not found (not-found)\n');
  });

  it('neutralises terminal escape sequences from the mail', async () => {
    const mail = genuineMail('Tue, 24 Nov 2026 10:15:00 +0100').replace(
      'Subject: Nachricht Ihres Kunden zur Bestellung 123-456-789',
      'Subject: =?UTF-8?Q?=1B]0;pwned=07=1B[2J?=',
    );
    const result = await run(['analyze', '--pretty', '-'], Readable.from([Buffer.from(mail)]));
    expect(result.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(result.stdout).toContain('Betreff / Subject             \ufffd]0;pwned\ufffd\ufffd[2J\n');
  });
});

describe('the installed bin', () => {
  const bin = join(CORE, 'bin', 'rakuten-helpdesk.js');
  const built = existsSync(join(CORE, 'dist', 'cli.js'));
  // The root `npm test` builds core first; a bare `npx jest` on a fresh checkout has no dist to run.
  const runsBin = built ? it : it.skip;

  runsBin(`runs node core/bin/rakuten-helpdesk.js end to end${built ? '' : ' (skipped: core/dist/cli.js missing, run `npm run build:core`)'}`, () => {
    const child = spawnSync(process.execPath, [bin, 'analyze', CLOSING, fx('does-not-exist.eml')], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(1);
    expect(child.stderr).toBe('');
    const out = lines(child.stdout);
    expect(out[0]).toMatchObject({ kind: 'customer-forward', orderNumber: '667-788-990', closingOnly: true, replyDueBy: '2026-11-30T16:10:00.000Z' });
    expect(out[1]).toMatchObject({ error: { code: 'not-found' } });
  });
});
