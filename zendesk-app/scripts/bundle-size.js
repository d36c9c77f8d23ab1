#!/usr/bin/env node
// Prints the size of our own bundles (the ZAF SDK is loaded from Zendesk's CDN and not counted).
// Budget: 40 KB gzipped each; the sidebar's matters most, because it loads on every ticket an agent opens.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = 40 * 1024;
let within = true;
for (const name of ['assets/app.js', 'assets/setup.js']) {
  const bundle = fs.readFileSync(path.resolve(__dirname, '../dist/app', name));
  const gzipped = zlib.gzipSync(bundle, { level: 9 }).length;
  process.stdout.write(`${name}: ${bundle.length} B, ${gzipped} B gzipped (budget ${BUDGET} B)\n`);
  within &&= gzipped <= BUDGET;
}
process.exitCode = within ? 0 : 1;
