import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The boundary check runs on a small tree of its own, so that each rule is seen to fire (a rule
// set that silently matches nothing would pass every real tree) and a clean tree is seen to pass.
const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(__dirname, 'check-boundaries.mjs');

/** A tree with the repository's rules and TypeScript paths, and one clean import per layer. */
function cleanTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-boundaries-'));
  copyFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  write(dir, 'tsconfig.tests.json', {
    compilerOptions: {
      module: 'Node16',
      paths: {
        '@opsdesk/runtime': ['./lib/runtime/src/index.ts'],
        '@opsdesk/calendar': ['./lib/calendar/src/index.ts'],
        '@opsdesk/exporter-core': ['./exporters/core/src/index.ts'],
      },
    },
  });
  write(dir, 'lib/runtime/src/index.ts', 'export const level = "info";\n');
  write(
    dir,
    'lib/calendar/src/index.ts',
    "import { level } from '@opsdesk/runtime';\nexport const c = level;\n",
  );
  write(dir, 'exporters/core/src/index.ts', "export { level } from '@opsdesk/runtime';\n");
  write(
    dir,
    'exporters/transfer/src/config.ts',
    "import { level } from '@opsdesk/exporter-core';\nexport const l = level;\n",
  );
  write(dir, 'exporters/transfer/src/channels.ts', "import { l } from './config';\nexport const ch = l;\n");
  write(dir, 'server/src/app.ts', "import { c } from '@opsdesk/calendar';\nexport const app = c;\n");
  write(dir, 'scripts/util.js', 'module.exports = { n: 1 };\n');
  write(dir, 'scripts/start.js', "require('./util');\n");
  write(dir, 'grafana-app/src/module.ts', 'export const page = 1;\n');
  return dir;
}

function write(dir: string, file: string, content: string | object): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
}

function check(dir: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--cwd', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: r.stdout + r.stderr };
}

let dir: string;
beforeEach(() => (dir = cleanTree()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a tree whose imports go only downwards passes', () => {
  const { status, output } = check(dir);
  expect(output).toMatch(/no violations/);
  expect(status).toBe(0);
});

test('each boundary fails the check, naming its rule and the importing file', () => {
  // lib/ importing an exporter, by package name (resolved through the TypeScript paths)
  write(
    dir,
    'lib/calendar/src/bad.ts',
    "import { level } from '@opsdesk/exporter-core';\nexport const b = level;\n",
  );
  // an exporter importing the server, by relative path
  write(
    dir,
    'exporters/core/src/bad.ts',
    "import { app } from '../../../server/src/app';\nexport const b = app;\n",
  );
  // a benchmark taking a helper from scripts/
  write(dir, 'exporters/transfer/bench/bench.js', "require('../../../scripts/util');\n");
  // the app importing a workspace, by a name that resolves to nothing (no dist/, no path)
  write(dir, 'grafana-app/src/bad.ts', "import { x } from '@opsdesk/server';\nexport const b = x;\n");
  // a circle inside a package
  write(dir, 'exporters/transfer/src/config.ts', "import { ch } from './channels';\nexport const l = ch;\n");

  const { status, output } = check(dir);
  expect(status).toBe(1);
  for (const [rule, file] of [
    ['lib-imports-only-lib', 'lib/calendar/src/bad.ts'],
    ['exporters-do-not-import-the-server', 'exporters/core/src/bad.ts'],
    ['only-scripts-import-scripts', 'exporters/transfer/bench/bench.js'],
    ['app-imports-no-workspace', 'grafana-app/src/bad.ts'],
    ['workspace-names-resolve', 'grafana-app/src/bad.ts'],
    ['no-circular', 'exporters/transfer/src/config.ts'],
  ]) {
    expect(output).toMatch(new RegExp(`error ${rule}: ${file} →`));
  }
  // the clean imports stay clean
  expect(output).not.toMatch(/scripts\/start\.js →/);
  expect(output).not.toMatch(/server\/src\/app\.ts →/);
});

test('a config without rules is refused rather than passing everything', () => {
  writeFileSync(path.join(dir, '.dependency-cruiser.cjs'), 'module.exports = { forbidden: [] };\n');
  const { status, output } = check(dir);
  expect(status).not.toBe(0);
  expect(output).toMatch(/has no forbidden rules/);
});
