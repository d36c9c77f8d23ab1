import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureAppBuilt } from '../../zendesk/support/build';
import { builtApp } from '../../freshdesk/support/build';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const SERVER_JS = join(REPO_ROOT, 'playground/dist/server.js');

/**
 * What `npm start` builds before it serves: both apps (rebuilt by the tests' own helpers when their sources are
 * newer) and the playground (server.js for plain node, the hosts' scripts, the ZAF SDK). A few seconds.
 */
export function buildEverything(): void {
  ensureAppBuilt();
  builtApp();
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'playground/webpack.config.js'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface PlaygroundProcess {
  readonly child: ChildProcess;
  /** Everything the server printed to stdout, line by line. */
  readonly stdout: string[];
  readonly stderr: string[];
  stop(): Promise<void>;
}

/** `node playground/dist/server.js` as `npm start` runs it; resolves once it printed a first line (or ended). */
export function runPlayground(env: Readonly<Record<string, string>>): Promise<PlaygroundProcess> {
  const child = spawn(process.execPath, [SERVER_JS], { cwd: REPO_ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ended = new Promise<void>((resolveEnd) => child.once('exit', () => resolveEnd()));
  const running: PlaygroundProcess = {
    child,
    stdout,
    stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
  return new Promise((resolveRun, reject) => {
    const timer = setTimeout(() => reject(new Error(`The playground printed nothing within 20 s; stderr: ${stderr.join('\n')}`)), 20_000);
    const done = () => {
      clearTimeout(timer);
      resolveRun(running);
    };
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout.push(...chunk.split('\n').filter((line) => line !== ''));
      if (stdout.length > 0) done();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter((line) => line !== '')));
    child.once('exit', done);
  });
}
