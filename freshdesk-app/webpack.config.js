// Builds the FDK platform-3.0 app folder dist/app: server/server.js (Node); app/scripts/app.js (the ticket
// sidebar), app/scripts/tools.js (setup check and Rakuten support, loaded by the sidebar on demand) and
// app/scripts/full-page.js (the full-page app) for the browser; and everything under static/ (manifest,
// config, HTML, CSS, icons, test_data) copied as is.
const fs = require('node:fs');
const path = require('node:path');
const { CopyStaticFiles, coreAlias, typescriptRule } = require('../scripts/webpack-shared');

const STATIC_DIR = path.resolve(__dirname, 'static');
const OUT_DIR = path.resolve(__dirname, 'dist/app');
/** The one global the bundle defines; the footer below hands its handlers to FDK's `exports`. */
const BUNDLE_GLOBAL = '__rakutenHandlers';

/** Every handler the manifest names, in every module: server.js must define exactly these. */
function manifestHandlers() {
  const manifest = JSON.parse(fs.readFileSync(path.join(STATIC_DIR, 'manifest.json'), 'utf8'));
  const names = Object.values(manifest.modules).flatMap((module) => Object.values(module.events ?? {}).map((event) => event.handler));
  return [...new Set(names)];
}

/**
 * FDK evaluates server.js as a script in a sandbox and reads the handlers from the global `exports`, which
 * the script must assign: `exports = { handler: function … }`. A CommonJS `module.exports` would never be seen.
 */
function exportsFooter() {
  const entries = manifestHandlers().map((name) => `  ${name}: function (args) { return ${BUNDLE_GLOBAL}.${name}(args); }`);
  return `exports = {\n${entries.join(',\n')}\n};\n`;
}

const shared = {
  mode: 'production',
  devtool: false,
  output: { path: OUT_DIR },
  resolve: { extensions: ['.ts', '.js'], alias: coreAlias },
  module: {
    rules: [
      // The core's modules have no side effects: the sidebar's first bundle then skips what only its lazy
      // chunk (setup check, Rakuten support) needs, instead of keeping all that the core's index re-exports.
      { test: /[\\/]core[\\/]src[\\/].*\.ts$/, sideEffects: false },
      typescriptRule(path.resolve(__dirname, 'tsconfig.json')),
    ],
  },
  performance: { hints: false },
  stats: 'errors-warnings',
};

fs.rmSync(OUT_DIR, { recursive: true, force: true });

module.exports = [
  {
    ...shared,
    name: 'server',
    entry: path.resolve(__dirname, 'src/server/index.ts'),
    // Node APIs are not there in FDK's sandbox; 'node' only keeps webpack from adding browser shims.
    target: ['node18', 'es2020'],
    output: { ...shared.output, filename: 'server/server.js', library: { type: 'var', name: BUNDLE_GLOBAL } },
    optimization: { minimize: false },
    plugins: [
      new CopyStaticFiles(STATIC_DIR),
      (compiler) => {
        new compiler.webpack.BannerPlugin({ banner: exportsFooter(), raw: true, footer: true, entryOnly: true }).apply(compiler);
      },
    ],
  },
  {
    ...shared,
    name: 'app',
    entry: {
      app: path.resolve(__dirname, 'src/app/main.ts'),
      'full-page': path.resolve(__dirname, 'src/app/full-page.ts'),
    },
    target: ['web', 'es2020'],
    // All scripts in one folder: the sidebar finds its lazy chunk next to itself, wherever FDK serves the app from.
    output: {
      path: path.join(OUT_DIR, 'app/scripts'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      publicPath: 'auto',
    },
    // Only the sidebar's own lazy chunk: no vendor chunks the HTML pages would have to load as well.
    optimization: { splitChunks: false },
  },
];
