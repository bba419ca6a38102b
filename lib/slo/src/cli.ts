import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from './index';

const [sloDir, rulesDir] = process.argv.slice(2);
if (!sloDir || !rulesDir) {
  process.stderr.write('usage: node dist/cli.js SLO_DIR RULES_DIR\n');
  process.exit(2);
}
try {
  for (const [file, text] of generate(sloDir)) {
    writeFileSync(path.join(rulesDir, file), text);
    process.stdout.write(`${path.join(rulesDir, file)}\n`);
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
