import { execFileSync } from 'node:child_process';
import path from 'node:path';

test('src/api/openapi.gen.ts is what server/openapi.json generates (npm run generate -w grafana-app)', () => {
  const script = path.join(__dirname, '..', '..', 'scripts', 'api-types.mjs');
  let out = '';
  try {
    out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    throw new Error(String((err as { stderr?: string }).stderr ?? err));
  }
  expect(out).toContain('matches server/openapi.json');
});
