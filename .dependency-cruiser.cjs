// The import boundaries between OpsDesk's packages (docs/architecture.md draws them); `npm run lint`
// runs these through scripts/check-boundaries.mjs and fails on any violation.
//
// A workspace package is imported by name (`@opsdesk/runtime`). TypeScript sources resolve the
// names through tsconfig.tests.json's `paths` (to the package's src/); plain JS (benchmarks,
// scripts) resolves them through the node_modules symlink to the package's dist/. Either way the
// resolved path starts with the package's folder, which is what the rules match. A name that
// resolves to nothing (dist/ not built yet) is matched by name too, so a rule never goes quiet
// because a build is missing.

/** Folder of each workspace package, and the name it is imported by. */
const PACKAGES = {
  'lib/calendar': '@opsdesk/calendar',
  'lib/runtime': '@opsdesk/runtime',
  'lib/slo': '@opsdesk/slo',
  'lib/testing': '@opsdesk/testing',
  'exporters/core': '@opsdesk/exporter-core',
  'exporters/host': '@opsdesk/host-exporter',
  'exporters/transfer': '@opsdesk/transfer-exporter',
  'exporters/flow': '@opsdesk/flow-exporter',
  server: '@opsdesk/server',
  'grafana-app': '@opsdesk/grafana-app',
  dashboards: '@opsdesk/dashboards',
  demo: '@opsdesk/demo',
  'tools/backup': '@opsdesk/backup-agent',
};

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A `to.path` pattern for the given folders: their files, or their package names left unresolved. */
function anyOf(...folders) {
  const alternatives = [];
  for (const folder of folders) {
    alternatives.push(`^${escapeRegex(folder)}/`);
    for (const [dir, name] of Object.entries(PACKAGES)) {
      if (dir === folder || dir.startsWith(`${folder}/`)) alternatives.push(`^${escapeRegex(name)}$`);
    }
  }
  return alternatives.join('|');
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-imports-only-lib',
      comment:
        'lib/* is the bottom layer: it may import other lib/* packages and npm packages, never a workspace above it. Move what both need into lib/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: {
        path: anyOf(
          'exporters',
          'server',
          'grafana-app',
          'dashboards',
          'demo',
          'tools',
          'scripts',
          'provisioning',
        ),
      },
    },
    {
      name: 'exporters-do-not-import-the-server',
      comment:
        'Exporters meet the server only over HTTP; they never import server/ or grafana-app/. Move shared code into lib/.',
      severity: 'error',
      from: { path: '^exporters/' },
      to: { path: anyOf('server', 'grafana-app') },
    },
    {
      name: 'tools-import-only-lib',
      comment:
        "tools/* are small programs that run on the client's hosts (opsdesk-backup): they meet the server only over HTTP and import only lib/*, so they install without the server.",
      severity: 'error',
      from: { path: '^tools/' },
      to: {
        path: anyOf('exporters', 'server', 'grafana-app', 'dashboards', 'demo', 'scripts', 'provisioning'),
      },
    },
    {
      name: 'only-scripts-import-scripts',
      comment:
        'scripts/ is the top of the tree (npm start, golden files, CI helpers); nothing else imports it. Benchmarks and tests take shared helpers from lib/testing.',
      severity: 'error',
      from: { pathNot: '^scripts/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'app-imports-no-workspace',
      comment:
        'The Grafana app reaches the server only through plugin-proxy routes; its code imports no other workspace (its API types are generated from server/openapi.json).',
      severity: 'error',
      from: { path: '^grafana-app/src/' },
      to: { path: anyOf('lib', 'exporters', 'server', 'dashboards', 'demo', 'scripts', 'provisioning') },
    },
    {
      name: 'no-circular',
      comment:
        'A circle of imports means neither module can be read (or loaded) without the other; move what both need into a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'workspace-names-resolve',
      comment:
        'An @opsdesk/* name that resolves to nothing: add its path to tsconfig.tests.json (TypeScript) or build it (npx tsc -b) so the boundaries can be checked.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^@opsdesk/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/fixtures/', '/coverage/', 'grafana-app/\\.config/', 'grafana-app/tests/artifacts/'] },
    tsConfig: { fileName: 'tsconfig.tests.json' },
    tsPreCompilationDeps: true,
    // the workspace symlinks in node_modules lead to the package folders, which the rules match
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
