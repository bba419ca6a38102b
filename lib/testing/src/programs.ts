import { findOnPath } from '@opsdesk/exporter-core';

export { findOnPath as findProgram };

/**
 * `describe` for tests that need real programs (promtool, prometheus, node_exporter). Locally a
 * missing program skips the block with a note; under CI=true it fails, so CI never goes green
 * by not running them.
 */
export function describeWithPrograms(programs: Record<string, string>, name: string, fn: () => void): void {
  const missing = Object.entries(programs).filter(([program]) => !findOnPath(program));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const hint = missing.map(([program, pkg]) => `${program} (apt-get install -y ${pkg})`).join(', ');
  if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(name, () => {
      test('required programs are installed', () => {
        throw new Error(`missing on PATH: ${hint}`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: missing ${hint}]`, fn);
  }
}
