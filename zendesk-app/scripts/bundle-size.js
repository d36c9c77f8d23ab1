#!/usr/bin/env node
// Prints the size of our own bundle (the ZAF SDK is loaded from Zendesk's CDN and not counted).
// Budget: 40 KB gzipped, because the sidebar loads on every ticket an agent opens.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = 40 * 1024;
const bundle = fs.readFileSync(path.resolve(__dirname, '../dist/app/assets/app.js'));
const gzipped = zlib.gzipSync(bundle, { level: 9 }).length;
process.stdout.write(`assets/app.js: ${bundle.length} B, ${gzipped} B gzipped (budget ${BUDGET} B)\n`);
process.exitCode = gzipped <= BUDGET ? 0 : 1;
