// Builds the playground into playground/dist: server.js for plain `node` (with the simulators it reuses from
// test/ and the core from source), and the browser scripts the pages load: the tests' two helpdesk hosts, the
// playground's own page scripts, and the npm ZAF SDK bundled as Zendesk's CDN serves it.
const fs = require('node:fs');
const path = require('node:path');
const { coreAlias, typescriptRule } = require('../scripts/webpack-shared');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.resolve(__dirname, 'dist');
const PUBLIC_DIR = path.join(OUT_DIR, 'public');

const typescript = typescriptRule(path.resolve(__dirname, 'tsconfig.json'));

const shared = {
  mode: 'production',
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    alias: coreAlias,
  },
  module: { rules: [typescript] },
  // Readable output: this is a tool to learn from, not something shipped.
  optimization: { minimize: false },
  performance: { hints: false },
  stats: 'errors-warnings',
};

/** Packages stay `require`d from node_modules (mailparser, zod): `npm ci` installs them. */
function nodeModulesExternal({ request }, callback) {
  if (/^[a-z@][^:]*$/i.test(request) && !request.startsWith('@rakuten-helpdesk/')) return callback(null, `commonjs ${request}`);
  return callback();
}

const zafSdk = require('../test/zendesk/support/zaf-sdk.webpack.config.js');

fs.rmSync(OUT_DIR, { recursive: true, force: true });

module.exports = [
  {
    ...shared,
    name: 'server',
    target: 'node20',
    entry: path.resolve(__dirname, 'src/server.ts'),
    output: { path: OUT_DIR, filename: 'server.js' },
    externals: [nodeModulesExternal],
    // __dirname stays the real folder of dist/server.js: the server finds the repository from it.
    node: { __dirname: false, __filename: false },
  },
  {
    ...shared,
    name: 'pages',
    target: ['web', 'es2020'],
    entry: {
      'zendesk-host': path.join(ROOT, 'test/zendesk/host/host.ts'),
      'freshdesk-host-page': path.join(ROOT, 'test/freshdesk/host/host-page.ts'),
      'fresh-client': path.join(ROOT, 'test/freshdesk/host/fresh-client.ts'),
      playground: path.resolve(__dirname, 'src/page/main.ts'),
      'zendesk-boot': path.resolve(__dirname, 'src/page/zendesk-boot.ts'),
      'freshdesk-boot': path.resolve(__dirname, 'src/page/freshdesk-boot.ts'),
    },
    output: { path: PUBLIC_DIR, filename: '[name].js' },
  },
  { ...zafSdk, name: 'zaf-sdk', output: { ...zafSdk.output, path: PUBLIC_DIR } },
];
