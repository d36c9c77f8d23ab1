// What every webpack build of this repo shares: the core compiled from source, TypeScript as ES modules,
// and static files shipped as they are.
const fs = require('node:fs');
const path = require('node:path');

const CORE_SRC = path.resolve(__dirname, '../core/src');

/** The core is built from source, as jest sees it, so a bundle never lags behind core/dist. */
const coreAlias = {
  '@rakuten-helpdesk/core$': path.join(CORE_SRC, 'index.ts'),
  '@rakuten-helpdesk/core/node$': path.join(CORE_SRC, 'node/index.ts'),
};

/** ts-loader without type checks (`npm run typecheck` does those once); ES modules let webpack drop what is never called. */
function typescriptRule(configFile) {
  return {
    test: /\.ts$/,
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile,
      compilerOptions: { module: 'es2020', sourceMap: false, declaration: false, noEmit: false },
    },
  };
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Manifests, translations, HTML, CSS, icons are data: copied, never transformed. */
class CopyStaticFiles {
  constructor(staticDir) {
    this.staticDir = staticDir;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyStaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyStaticFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of filesUnder(this.staticDir)) {
            const name = path.relative(this.staticDir, file).split(path.sep).join('/');
            // `minimized` keeps webpack's minimizers off: what ships is byte for byte what is reviewed.
            compilation.emitAsset(name, new compiler.webpack.sources.RawSource(fs.readFileSync(file)), { minimized: true });
            compilation.fileDependencies.add(file);
          }
        },
      );
    });
  }
}

module.exports = { CopyStaticFiles, coreAlias, typescriptRule };
