// Bundles the npm ZAF SDK (CommonJS only) into the UMD script the CDN serves, exposing window.ZAFClient.
const path = require('node:path');

module.exports = {
  mode: 'production',
  entry: require.resolve('zendesk_app_framework_sdk/lib/index.js'),
  target: ['web', 'es5'],
  output: {
    path: process.env.ZAF_SDK_OUT_DIR || path.resolve(__dirname, '../../output/zendesk/zaf-sdk'),
    filename: 'zaf_sdk.min.js',
    library: { name: 'ZAFClient', type: 'umd' },
  },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
