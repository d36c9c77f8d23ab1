// Zips freshdesk-app/dist/app as `fdk pack` lays an app out: manifest.json at the root, then app/, config/,
// server/. Writes /dist/freshdesk-app.zip at the repository root and refuses a package over FDK's 5 MB.
const fs = require('node:fs');
const path = require('node:path');
const { zipSync } = require('fflate');

const APP_DIR = path.resolve(__dirname, '../dist/app');
const ZIP_PATH = path.resolve(__dirname, '../../dist/freshdesk-app.zip');
const MAX_BYTES = 5 * 1024 * 1024;
/** A fixed date keeps the zip byte-identical for identical sources. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

if (!fs.existsSync(path.join(APP_DIR, 'manifest.json'))) {
  console.error(`No built app in ${APP_DIR}: run "npm run build -w freshdesk-app" first.`);
  process.exit(1);
}

const entries = {};
for (const file of filesUnder(APP_DIR)) {
  const name = path.relative(APP_DIR, file).split(path.sep).join('/');
  entries[name] = [fs.readFileSync(file), { mtime: FIXED_MTIME }];
}
const zip = zipSync(entries, { level: 9 });
if (zip.length > MAX_BYTES) {
  console.error(`The package is ${zip.length} bytes; Freshworks accepts at most ${MAX_BYTES}.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(ZIP_PATH), { recursive: true });
fs.writeFileSync(ZIP_PATH, zip);
console.log(`${path.relative(process.cwd(), ZIP_PATH)}: ${Object.keys(entries).length} files, ${zip.length} bytes`);
