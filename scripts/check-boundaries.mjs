#!/usr/bin/env node
// `npm run lint`'s boundary check: runs dependency-cruiser with .dependency-cruiser.cjs over the
// whole tree and fails (exit 1) naming each import that crosses a boundary, with its rule.
//
// It calls dependency-cruiser's API rather than its `depcruise` binary because the binary refuses
// to start on Node.js 20 (its engines field says ^22), which this repository still supports; the
// API itself runs on 20.
//
// Usage: node scripts/check-boundaries.mjs [--cwd DIR]   (DIR: a checkout to check; default this one)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** Every folder that holds code; the rules decide what may import what. */
export const CHECKED = [
  'lib',
  'exporters',
  'server',
  'grafana-app',
  'dashboards',
  'demo',
  'tools',
  'scripts',
  'provisioning',
];

/** Cruises `root`; resolves with the exit code (the number of errors, 0 when clean) and the report naming each. */
export async function checkBoundaries(root) {
  const previous = process.cwd();
  // dependency-cruiser resolves the config's relative paths (tsconfig, rule paths) from the cwd
  process.chdir(root);
  try {
    const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
    if (!options.ruleSet?.forbidden?.length) {
      throw new Error(
        `${root}/.dependency-cruiser.cjs has no forbidden rules: the boundaries would go unchecked`,
      );
    }
    const tsConfig = extractTSConfig(path.join(root, options.tsConfig?.fileName ?? 'tsconfig.json'));
    const folders = CHECKED.filter((f) => existsSync(path.join(root, f)));
    const result = await cruise(folders, options, {}, { tsConfig });
    const report = await format(result.output, { outputType: 'err-long' });
    return { exitCode: report.exitCode, report: report.output, modules: result.output.summary.totalCruised };
  } finally {
    process.chdir(previous);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { cwd: { type: 'string' } } });
  const root = path.resolve(values.cwd ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const { exitCode, report, modules } = await checkBoundaries(root);
  if (exitCode !== 0) {
    process.stderr.write(report);
    process.exit(1);
  }
  process.stdout.write(`import boundaries: ${modules} modules, no violations\n`);
}
