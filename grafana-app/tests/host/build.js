// Bundles the test host's browser side (host.tsx) with the real React, Grafana and router
// packages: dist/host.js with the React 18 that Grafana 13.1 shares with plugins, and
// dist/host-react19.js with the React 19 that Grafana 13.2 and later share (from ./react19, not a
// workspace, since its peers differ from the app's; installed here when missing).
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const RUNTIME = path.dirname(require.resolve('@grafana/runtime/package.json'));
const REACT19 = path.join(__dirname, 'react19', 'node_modules');

function ensureReact19() {
  if (existsSync(path.join(REACT19, 'react-dom', 'package.json'))) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', path.join(__dirname, 'react19')], {
    stdio: 'inherit',
  });
}

async function bundle(react) {
  const outfile = path.join(__dirname, 'dist', react === 19 ? 'host-react19.js' : 'host.js');
  const react19 =
    react === 19
      ? {
          name: 'react19',
          setup(build) {
            // resolved by esbuild itself (browser conditions) from the react19 folder
            build.onResolve({ filter: /^(react|react-dom|scheduler)(\/.*)?$/ }, async (args) => {
              if (args.pluginData?.react19) return undefined;
              return build.resolve(args.path, {
                kind: args.kind,
                resolveDir: path.dirname(REACT19),
                pluginData: { react19: true },
              });
            });
          },
        }
      : undefined;
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'host.tsx')],
    bundle: true,
    outfile,
    format: 'iife',
    platform: 'browser',
    plugins: [
      ...(react19 ? [react19] : []),
      // Grafana's CommonJS builds: their ESM builds have import cycles that esbuild's lazy ESM
      // wrappers run out of order ("merge is not a function").
      {
        name: 'grafana-cjs',
        setup(build) {
          // PluginPage's setter is internal to @grafana/runtime (not in its exports map)
          build.onResolve({ filter: /^@grafana\/runtime\/components\/PluginPage$/ }, () => ({
            path: path.join(RUNTIME, 'dist', 'cjs', 'components', 'PluginPage.cjs'),
          }));
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
}

module.exports = async function buildHost() {
  ensureReact19();
  return Promise.all([bundle(18), bundle(19)]);
};

if (require.main === module) {
  module.exports().then((f) => console.log(`built ${f.join(', ')}`));
}
