// Builds the Zendesk app folder dist/app: our bundles at assets/app.js (ticket sidebar) and assets/setup.js (nav bar)
// plus everything under static/ as is.
const fs = require('node:fs');
const path = require('node:path');

const STATIC_DIR = path.resolve(__dirname, 'static');
const OUT_DIR = path.resolve(__dirname, 'dist/app');

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Manifest, translations, requirements, iframe.html and logos are data: copied, never transformed. */
class CopyStaticFiles {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyStaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyStaticFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of filesUnder(STATIC_DIR)) {
            const name = path.relative(STATIC_DIR, file).split(path.sep).join('/');
            // `minimized` keeps webpack's minimizers off: what ships is byte for byte what is reviewed.
            compilation.emitAsset(name, new compiler.webpack.sources.RawSource(fs.readFileSync(file)), { minimized: true });
            compilation.fileDependencies.add(file);
          }
        },
      );
    });
  }
}

module.exports = {
  mode: 'production',
  entry: { app: path.resolve(__dirname, 'src/entry.ts'), setup: path.resolve(__dirname, 'src/nav-bar-entry.ts') },
  target: ['web', 'es2020'],
  output: { path: OUT_DIR, filename: 'assets/[name].js', clean: true },
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    // The core is built from source, as jest sees it, so the bundle never lags behind core/dist.
    alias: { '@rakuten-helpdesk/core$': path.resolve(__dirname, '../core/src/index.ts') },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: {
          transpileOnly: true,
          configFile: path.resolve(__dirname, 'tsconfig.json'),
          // ES modules let webpack drop what the sidebar never calls.
          compilerOptions: { module: 'es2020', sourceMap: false, declaration: false, noEmit: false },
        },
      },
    ],
  },
  plugins: [new CopyStaticFiles()],
  performance: { hints: false },
  stats: 'errors-warnings',
};
