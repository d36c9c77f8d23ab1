// Builds the Zendesk app folder dist/app: our bundles at assets/app.js (ticket sidebar) and assets/setup.js (nav bar)
// plus everything under static/ as is.
const path = require('node:path');
const { CopyStaticFiles, coreAlias, typescriptRule } = require('../scripts/webpack-shared');

const STATIC_DIR = path.resolve(__dirname, 'static');
const OUT_DIR = path.resolve(__dirname, 'dist/app');

module.exports = {
  mode: 'production',
  entry: { app: path.resolve(__dirname, 'src/entry.ts'), setup: path.resolve(__dirname, 'src/nav-bar-entry.ts') },
  target: ['web', 'es2020'],
  output: { path: OUT_DIR, filename: 'assets/[name].js', clean: true },
  devtool: false,
  resolve: { extensions: ['.ts', '.js'], alias: coreAlias },
  module: { rules: [typescriptRule(path.resolve(__dirname, 'tsconfig.json'))] },
  plugins: [new CopyStaticFiles(STATIC_DIR)],
  performance: { hints: false },
  stats: 'errors-warnings',
};
