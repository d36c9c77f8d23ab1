import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const APP_DIR = join(REPO_ROOT, 'zendesk-app/dist/app');
export const ZIP_PATH = join(REPO_ROOT, 'dist/zendesk-app.zip');
const OUTPUT_DIR = join(REPO_ROOT, 'test/output/zendesk');
const WEBPACK_CLI = require.resolve('webpack-cli/bin/cli.js');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Jest runs test files in parallel workers; the first to need a build takes a lock directory, the others
 * wait for it. A lock older than two minutes is a crashed run and is broken.
 */
function withLock<T>(name: string, work: () => T): T {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const lock = join(OUTPUT_DIR, `${name}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited too long for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function runNode(args: string[]): void {
  execFileSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
}

/** The app folder as `npm run build -w zendesk-app` makes it, rebuilt when its sources are newer. */
export function ensureAppBuilt(): string {
  const stale = (): boolean =>
    newestMtime(join(APP_DIR, 'assets/app.js')) <
    Math.max(...['zendesk-app/src', 'zendesk-app/static', 'zendesk-app/webpack.config.js', 'core/src'].map((path) => newestMtime(join(REPO_ROOT, path))));
  if (stale()) withLock('app-build', () => stale() && runNode([WEBPACK_CLI, '--config', 'zendesk-app/webpack.config.js']));
  return APP_DIR;
}

/** dist/zendesk-app.zip as `npm run package -w zendesk-app` makes it. */
export function ensureAppPackaged(): string {
  ensureAppBuilt();
  const stale = (): boolean => newestMtime(ZIP_PATH) < newestMtime(APP_DIR);
  if (stale()) withLock('app-package', () => stale() && runNode(['zendesk-app/scripts/package-zip.js']));
  return ZIP_PATH;
}

/** The npm SDK bundled the way the CDN serves it (window.ZAFClient). */
export function zafSdkSource(): string {
  const target = join(OUTPUT_DIR, 'zaf-sdk/zaf_sdk.min.js');
  if (!existsSync(target)) {
    withLock('zaf-sdk', () => {
      if (existsSync(target)) return;
      const scratch = join(tmpdir(), `zaf-sdk-${process.pid}-${Date.now()}`);
      execFileSync(process.execPath, [WEBPACK_CLI, '--config', 'test/zendesk/support/zaf-sdk.webpack.config.js'], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
        env: { ...process.env, NODE_OPTIONS: '', ZAF_SDK_OUT_DIR: scratch },
      });
      mkdirSync(join(OUTPUT_DIR, 'zaf-sdk'), { recursive: true });
      renameSync(join(scratch, 'zaf_sdk.min.js'), target);
      rmSync(scratch, { recursive: true, force: true });
    });
  }
  return readFileSync(target, 'utf8');
}

/** The simulated workspace's script, compiled from TypeScript for the browser. */
export function hostScriptSource(): string {
  const source = readFileSync(join(REPO_ROOT, 'test/zendesk/host/host.ts'), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ES2020 } }).outputText;
}
