#!/usr/bin/env node
// Zips the built app folder (dist/app) into /dist/zendesk-app.zip at the repository root, manifest.json at the
// zip's root, as Zendesk's upload and `zcli apps:package` expect.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { zipSync } = require('fflate');

const appDir = path.resolve(__dirname, '../dist/app');
const zipPath = path.resolve(__dirname, '../../dist/zendesk-app.zip');

function collect(dir, files = {}) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Zendesk rejects symlinks in an app; refuse to package one rather than follow it.
    if (entry.isSymbolicLink()) throw new Error(`Symlink in the app folder: ${path.relative(appDir, full)}`);
    if (entry.isDirectory()) collect(full, files);
    else files[path.relative(appDir, full).split(path.sep).join('/')] = new Uint8Array(fs.readFileSync(full));
  }
  return files;
}

if (!fs.existsSync(path.join(appDir, 'manifest.json'))) {
  process.stderr.write(`No built app at ${appDir}: run "npm run build -w zendesk-app" first.\n`);
  process.exit(1);
}
// A fixed date keeps the zip byte-identical for identical input.
const files = collect(appDir);
const zip = zipSync(
  Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: new Date('2020-01-01T00:00:00Z') }]])),
  { level: 9 },
);
fs.mkdirSync(path.dirname(zipPath), { recursive: true });
fs.writeFileSync(zipPath, zip);
process.stdout.write(`${zipPath} (${zip.length} bytes, ${Object.keys(files).length} files)\n`);
