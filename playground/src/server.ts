/**
 * `npm start` ends here, as plain `node playground/dist/server.js` (webpack bundles this file for Node).
 * PORT picks the port (default 8080; 0 for any free one).
 */
import { join, resolve } from 'node:path';
import { startPlayground } from './playground';

const DEFAULT_PORT = 8080;

function portFrom(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : null;
}

async function main(): Promise<void> {
  const port = portFrom(process.env['PORT']);
  if (port === null) {
    process.stderr.write(`PORT must be a number from 0 to 65535, got "${process.env['PORT'] ?? ''}".\n`);
    process.exit(2);
  }
  // Bundled to playground/dist/server.js: the repository is two folders up.
  const repoRoot = resolve(__dirname, '../..');
  let playground;
  try {
    playground = await startPlayground({ port, repoRoot, publicDir: join(__dirname, 'public') });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    const message = code === 'EADDRINUSE' ? `Port ${port} is in use; start with another, e.g. PORT=8081 npm start.` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Playground: ${message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Playground: ${playground.url}\n`);
  const stop = () => {
    void playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
