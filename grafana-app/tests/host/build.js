// Bundles the test host's browser side (host.tsx) with the real React, Grafana and router packages.
const path = require('node:path');
const esbuild = require('esbuild');

module.exports = async function buildHost() {
  const outfile = path.join(__dirname, 'dist', 'host.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'host.tsx')],
    bundle: true,
    outfile,
    format: 'iife',
    platform: 'browser',
    // Grafana's CommonJS builds: their ESM builds have import cycles that esbuild's lazy ESM
    // wrappers run out of order ("merge is not a function").
    plugins: [
      {
        name: 'grafana-cjs',
        setup(build) {
          build.onResolve({ filter: /^@grafana\/(data|ui|runtime|schema|i18n|e2e-selectors)(\/.*)?$/ }, (args) => ({
            path: require.resolve(args.path),
          }));
        },
      },
    ],
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    minify: process.env.HOST_MINIFY !== '0',
    sourcemap: false,
    logLevel: 'error',
    loader: { '.svg': 'text', '.woff2': 'empty', '.woff': 'empty', '.ttf': 'empty', '.png': 'empty' },
  });
  return outfile;
};

if (require.main === module) {
  module.exports().then((f) => console.log(`built ${f}`));
}
