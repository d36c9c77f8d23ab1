// @ts-check
'use strict';
/**
 * The app figures of the bench (sidebar first render in Chromium, Freshdesk API calls per ticket) come from
 * the app test harnesses under test/, which are TypeScript: bench/app-figures.probe.ts runs them through
 * jest in a child process and leaves its figures in a temporary file. Every figure is null, with the reason,
 * when something it needs is missing (a built app, Chromium) or the probe fails.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** @param {string} reason */
function pending(reason) {
  return {
    sidebarFirstRenderMs: null,
    sidebarFirstRenderMsPerApp: null,
    freshdeskApiCallsPerForward: null,
    freshdeskApiCallsPerOtherTicket: null,
    notes: { render: reason, api: reason },
  };
}

/** @param {{ quick: boolean }} options */
async function measureApps(options) {
  const missing = [
    ['zendesk-app/dist/app/assets', 'the Zendesk app is not built (npm run build)'],
    ['freshdesk-app/dist/app/app/scripts', 'the Freshdesk app is not built (npm run build)'],
    ['test/zendesk/support/testbed.ts', 'the Zendesk test harness is missing'],
    ['test/freshdesk/support/freshdesk-simulator.ts', 'the Freshdesk simulator is missing'],
  ].find(([file]) => !fs.existsSync(path.join(ROOT, file ?? '')));
  if (missing) return pending(`pending: ${missing[1]}`);
  if (!fs.existsSync(CHROMIUM)) return pending(`pending: no Chromium at ${CHROMIUM} (bash scripts/install-test-deps.sh)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakuten-bench-apps-'));
  const out = path.join(dir, 'figures.json');
  try {
    const jest = require.resolve('jest/bin/jest', { paths: [ROOT] });
    const child = spawnSync(
      process.execPath,
      [jest, '--rootDir', ROOT, '--roots', '<rootDir>/bench', '--testMatch', '**/bench/app-figures.probe.ts', '--runInBand', '--silent'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 300_000,
        env: { ...process.env, BENCH_APP_FIGURES_OUT: out, BENCH_APP_FIGURES_RUNS: options.quick ? '1' : '5' },
      },
    );
    if (!fs.existsSync(out)) {
      const why = `${child.stderr ?? ''}${child.error ? String(child.error) : ''}`.split('\n').find((line) => /●|Error|error/.test(line)) ?? `exit ${child.status}`;
      return pending(`the app probe failed: ${why.trim().slice(0, 200)}`);
    }
    const figures = JSON.parse(fs.readFileSync(out, 'utf8'));
    const perApp = figures.sidebarFirstRenderMsPerApp ?? {};
    const fmt = (/** @type {number | null | undefined} */ value) => (typeof value === 'number' ? `${value.toFixed(1)} ms` : '–');
    return {
      ...figures,
      notes: {
        render: `Zendesk ${fmt(perApp.zendesk)}, Freshdesk ${fmt(perApp.freshdesk)}; median of ${options.quick ? 1 : 5} opening(s) each, simulated hosts on loopback`,
        api: `onTicketCreate in FDK's sandbox against the loopback simulator: ${figures.freshdeskApiTickets?.forwards ?? '?'} forwards, ${figures.freshdeskApiTickets?.others ?? '?'} unrelated tickets; a spoof costs ${figures.freshdeskApiCallsPerSpoof ?? '?'} (its warning tag)`,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { measureApps };
