import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build -w freshdesk-app` puts the unzipped FDK layout. */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const APP_SOURCE = join(REPO_ROOT, 'freshdesk-app');
export const APP_DIR = join(APP_SOURCE, 'dist/app');

const INPUTS = [join(APP_SOURCE, 'src'), join(APP_SOURCE, 'static'), join(APP_SOURCE, 'webpack.config.js'), join(REPO_ROOT, 'core/src')];
const LOCK = join(APP_SOURCE, 'dist/.build-lock');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function fresh(): boolean {
  const built = join(APP_DIR, 'server/server.js');
  return existsSync(built) && existsSync(join(APP_DIR, 'app/scripts/app.js')) && statSync(built).mtimeMs >= Math.max(...INPUTS.map(newest));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The built app, rebuilt when a source is newer. Jest runs test files in parallel workers, so one worker
 * builds under a lock directory while the others wait for it.
 */
export function builtApp(): string {
  for (let waited = 0; !fresh(); waited += 200) {
    try {
      mkdirSync(join(APP_SOURCE, 'dist'), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      if (waited > 120_000) throw new Error('Waited two minutes for another build of freshdesk-app');
      sleep(200);
      continue;
    }
    try {
      if (!fresh()) {
        execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', join(APP_SOURCE, 'webpack.config.js')], {
          cwd: APP_SOURCE,
          stdio: 'pipe',
        });
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return APP_DIR;
}
