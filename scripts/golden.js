#!/usr/bin/env node
// Regenerates every golden exposition file (exporters/*/fixtures/e2e-output.prom,
// server/fixtures/e2e-output.prom): runs the golden tests (`*/src/e2e-output.test.ts`) in update
// mode, where each writes the /metrics body of its component, fed fixed inputs at a frozen clock,
// instead of comparing it. Review the diff (`git diff '*.prom'`) and commit it with the change that
// caused it; provisioning/tests/metric-contract.test.ts then checks the rules, the SLO output, the
// dashboards and the app against the new files. See docs/metrics.md.
//
//   npm run golden                 all of them
//   npm run golden -- host server  only those whose test path contains one of the words
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const only = process.argv.slice(2);
const patterns = only.length
  ? only.map((w) => `${w}.*/src/e2e-output\\.test\\.ts$`)
  : ['/src/e2e-output\\.test\\.ts$'];
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const r = spawnSync(process.execPath, [jest, '--selectProjects', 'node', '--testPathPatterns', ...patterns], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OPSDESK_GOLDEN_UPDATE: '1' },
});
if (r.status !== 0) {
  process.stderr.write(
    'golden: a golden test failed while writing its file; nothing it wrote is trustworthy\n',
  );
  process.exit(r.status ?? 1);
}
const diff = spawnSync('git', ['status', '--short', '--', '*.prom'], { cwd: root, encoding: 'utf8' });
process.stdout.write(
  diff.stdout.trim() ? `golden files changed:\n${diff.stdout}` : 'golden files unchanged\n',
);
