/**
 * Every regular expression in the core, checked for catastrophic backtracking twice over:
 * - statically, by recheck (https://makenowjust-labs.github.io/recheck/), in its pure-JS build, which
 *   decides with automata theory or fuzzing whether some input makes the pattern super-linear;
 * - empirically, by pumping strings made of the pattern's own characters (and the usual suspects: blanks,
 *   '#', '-', digits, markup) through it at growing sizes and asserting that 100 KB costs about ten times
 *   what 10 KB costs.
 * The patterns are found by parsing the sources (regex literals and `new RegExp(` calls); the dynamic
 * ones are caught as they are built from the Rakuten profile, and each `new RegExp(` site must be seen.
 * Both checks are shown to fail on known-bad patterns, so a pass means something.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { hasForwardStructure } from './extract';
import { RAKUTEN_DE, type MarketplaceProfile } from './profile';

const SRC = __dirname;

interface Pattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals, and the places that build one at run time (`new RegExp(…)` or `RegExp(…)`). */
function scanSources(): { literals: Pattern[]; dynamicSites: string[] } {
  const literals: Pattern[] = [];
  const dynamicSites: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(SRC, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        literals.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        dynamicSites.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, dynamicSites };
}

/**
 * Builds the profile's patterns with the RegExp constructor watched, recording each pattern and the
 * source line that built it (jest maps stack frames back to the .ts files).
 */
function dynamicPatterns(): Pattern[] {
  const seen: Pattern[] = [];
  const Original = RegExp;
  const watched = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      const frame = (new Error().stack ?? '').split('\n').find((line) => line.includes(SRC) && !line.includes('regex-safety.test'));
      const match = frame ? /([^\s(]+\.ts):(\d+):\d+/.exec(frame) : null;
      seen.push({ where: match ? `${relative(SRC, match[1] ?? '')}:${match[2]}` : 'unknown', source: made.source, flags: made.flags });
      return made;
    },
  });
  globalThis.RegExp = watched;
  try {
    // A copy of the profile is a new cache key: extract.ts compiles its patterns afresh.
    const profile = JSON.parse(JSON.stringify(RAKUTEN_DE)) as MarketplaceProfile;
    hasForwardStructure('Bestellnummer: 1\nKundenname: x\n', profile);
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

const scanned = scanSources();
const built = dynamicPatterns();
const ALL: Pattern[] = [...scanned.literals, ...built];

/**
 * recheck's automaton checker proves safety from the pattern's structure; where it cannot decide in time
 * (or the pattern has features it does not model) its fuzzer searches for an attack string instead.
 * It runs in plain Node child processes, two at a time: inside jest's module sandbox the Scala.js checker
 * is about ten times slower.
 */
const RECHECK_CHILD = `
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  const { checkSync } = require(${JSON.stringify(require.resolve('recheck'))});
  const patterns = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const results = patterns.map(([source, flags]) => {
    let diagnostics = checkSync(source, flags, { checker: 'automaton', timeout: 60000 });
    if (diagnostics.status === 'unknown') diagnostics = checkSync(source, flags, { checker: 'fuzz', timeout: 60000 });
    const { status, checker, complexity, attack, error } = diagnostics;
    return { status, checker, complexity: complexity ?? null, attack: attack ? attack.pattern : null, error: error ?? null };
  });
  process.stdout.write(JSON.stringify(results));
`;

interface Verdict {
  readonly status: 'safe' | 'vulnerable' | 'unknown';
  readonly checker: string;
  readonly complexity: { readonly type: string } | null;
  readonly attack: string | null;
  readonly error: unknown;
}

function recheckInChild(patterns: ReadonlyArray<readonly [string, string]>): Promise<Verdict[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RECHECK_CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Verdict[]) : reject(new Error(`recheck child failed (${code}): ${err}`))));
    child.stdin.end(JSON.stringify(patterns));
  });
}

/** All patterns, split over two children; results in the order given. */
async function recheck(patterns: ReadonlyArray<readonly [string, string]>): Promise<Verdict[]> {
  const half = Math.ceil(patterns.length / 2);
  const [first, second] = await Promise.all([recheckInChild(patterns.slice(0, half)), recheckInChild(patterns.slice(half))]);
  return [...first, ...second];
}

// ---------- the empirical attack ----------

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * What a pattern does to a whole input in the core: every match for /g and /y, one search otherwise.
 * test() rather than exec(): no match array per match, so that dense matches measure the search, not
 * the garbage collector.
 */
function run(pattern: RegExp, input: string): number {
  if (!pattern.global && !pattern.sticky) return pattern.test(input) ? 1 : 0;
  let count = 0;
  pattern.lastIndex = 0;
  let last = -1;
  while (pattern.test(input)) {
    count += 1;
    if (pattern.lastIndex === last) pattern.lastIndex += 1; // an empty match: step over it
    last = pattern.lastIndex;
  }
  return count;
}

/** One run, in ms. */
function onceMs(pattern: RegExp, input: string): number {
  const started = now();
  run(pattern, input);
  return now() - started;
}

/** Best of three, each repeated until the clock can see it: for the sizes whose ratio is judged. */
function preciseMs(pattern: RegExp, input: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = now();
    let runs = 0;
    let elapsed = 0;
    do {
      run(pattern, input);
      runs += 1;
      elapsed = now() - started;
    } while (elapsed < 2);
    best = Math.min(best, elapsed / runs);
  }
  return best;
}

/** Characters a pattern treats specially or literally, read from its source, plus the usual suspects. */
function alphabet(source: string): string[] {
  const chars = new Set([' ', '\t', '\n', '\r', '#', '-', '1', 'a', 'A', '<', '>', ':', ';', '&', '.', ',', '=', '"', '/', '_', 'x', '\u00a0']);
  const plain = source
    .replace(/\\[pP]\{[^}]*\}/g, '')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[dDwWsSbB]/g, '')
    .replace(/\\(.)/g, '$1');
  for (const char of plain) chars.add(char);
  return [...chars].filter((char) => char.length === 1);
}

/**
 * Sizes climb slowly at first, so that an exponential pattern is caught while one run still takes well
 * under a second, and a polynomial one before 100 KB.
 */
const LADDER = [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 48, 64, 128, 256, 512, 1_000, 2_000, 4_000, 10_000, 20_000, 40_000, 100_000];
/** A linear pass over 100 KB takes a few ms at most; anything slower at any size is a finding. */
const SLOW_MS = 100;
/** Up to 1 000 characters a linear pass takes microseconds: stop an exponential climb early. */
const SLOW_SHORT_MS = 20;
/** Below this, 100 KB was read at tens of ns per character: linear whatever the ratio's noise says. */
const FAST_MS = 2;
/** 100 KB against 10 KB: linear is 10, quadratic 100. */
const MAX_RATIO = 35;

interface Attack {
  readonly input: string;
  readonly ratio: number;
  readonly flagged: boolean;
}

/**
 * The worst pump for a pattern: each unit (one character of the pattern's own or a usual suspect, or an
 * adjacent pair of them) repeated up the ladder and followed by "!", so that a match fails late. Flagged
 * when some size is slow (over 20 ms up to 1 000 characters, over 100 ms beyond), or when 100 KB is not fast and costs more than 35 × 10 KB.
 */
function attack(pattern: RegExp): Attack {
  const chars = alphabet(pattern.source);
  const units = [...chars, ...chars.slice(0, -1).map((char, i) => char + chars[i + 1])];
  let worst: Attack = { input: 'none', ratio: 0, flagged: false };
  for (const unit of units) {
    const input = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + '!';
    const label = (size: number) => `${JSON.stringify(unit)} × ${size} + "!"`;
    for (const size of LADDER) {
      // A slow run is run once more: on a busy machine one run can lose the CPU for a while.
      const slow = size <= 1_000 ? SLOW_SHORT_MS : SLOW_MS;
      if (onceMs(pattern, input(size)) > slow && onceMs(pattern, input(size)) > slow) {
        return { input: label(size), ratio: Infinity, flagged: true };
      }
    }
    if (onceMs(pattern, input(100_000)) < FAST_MS) continue;
    const ratio = preciseMs(pattern, input(100_000)) / Math.max(preciseMs(pattern, input(10_000)), 0.01);
    if (ratio > worst.ratio) worst = { input: label(100_000), ratio, flagged: ratio > MAX_RATIO };
  }
  return worst;
}

// ---------- the tests ----------

describe('the regular expressions of the core', () => {
  it('are all found: literals in every source file, and each `new RegExp(` site seen building one', () => {
    expect(scanned.literals.length).toBeGreaterThan(40);
    const builtAt = new Set(built.map((pattern) => pattern.where));
    expect(scanned.dynamicSites.filter((site) => !builtAt.has(site))).toEqual([]);
    expect(built.some((pattern) => pattern.where === 'unknown')).toBe(false);
  });

  describe('recheck (pure JS, offline)', () => {
    let verdicts: Verdict[] = [];
    beforeAll(async () => {
      verdicts = await recheck(ALL.map((pattern) => [pattern.source, pattern.flags] as const));
    }, 300_000);

    it.each(ALL.map((pattern, index) => [`${pattern.where} /${pattern.source}/${pattern.flags}`, index] as const))('finds %s safe', (_name, index) => {
      const verdict = verdicts[index];
      expect({ status: verdict?.status, attack: verdict?.attack ?? null }).toEqual({ status: 'safe', attack: null });
    });
  });

  const pumped: Array<{ readonly name: string; readonly worst: Attack }> = [];
  afterAll(() => {
    // One line for the record: how close the worst pattern came to the limit.
    const top = [...pumped].sort((a, b) => b.worst.ratio - a.worst.ratio)[0];
    if (top) {
      process.stdout.write(
        `regex safety: ${ALL.length} patterns (${scanned.literals.length} literals, ${built.length} built from the profile); ` +
          `worst pump ratio 100 KB/10 KB ${top.worst.ratio.toFixed(1)} (limit ${MAX_RATIO}) for ${top.name} with ${top.worst.input}\n`,
      );
    }
  });

  it.each(ALL.map((pattern) => [`${pattern.where} /${pattern.source}/${pattern.flags}`, pattern] as const))(
    'pumping its own characters to 100 KB keeps %s linear',
    (name, pattern) => {
      const worst = attack(new RegExp(pattern.source, pattern.flags));
      pumped.push({ name, worst });
      expect({ flagged: worst.flagged, worst: worst.flagged ? worst.input : 'none' }).toEqual({ flagged: false, worst: 'none' });
    },
    120_000,
  );
});

describe('the checks themselves', () => {
  // Exponential: every split of the a's between the two loops is tried before the match fails.
  const EXPONENTIAL = /(a+)+$/;
  // Quadratic: the order-number clean-up as it was, /\s*-\s*/g, tries every blank of a long run as a start.
  const QUADRATIC = /\s*-\s*/g;

  it('recheck flags known-bad patterns and passes a fixed one', async () => {
    const [exponential, quadratic, fixed] = await recheck([
      [EXPONENTIAL.source, EXPONENTIAL.flags],
      [QUADRATIC.source, QUADRATIC.flags],
      ['-\\s*', 'g'],
    ]);
    expect(exponential).toMatchObject({ status: 'vulnerable', complexity: { type: 'exponential' } });
    expect(quadratic).toMatchObject({ status: 'vulnerable', complexity: { type: 'polynomial' } });
    expect(fixed).toMatchObject({ status: 'safe' });
  }, 150_000);

  it('the pump attack flags the same patterns, without hanging on them', () => {
    const started = now();
    expect(attack(EXPONENTIAL).flagged).toBe(true);
    expect(attack(QUADRATIC).flagged).toBe(true);
    expect(attack(/-\s*/g).flagged).toBe(false);
    expect(now() - started).toBeLessThan(60_000);
  }, 120_000);
});
