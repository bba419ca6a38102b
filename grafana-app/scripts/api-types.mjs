#!/usr/bin/env node
// Writes src/api/openapi.gen.ts from the server's OpenAPI document (server/openapi.json) with
// openapi-typescript, so the app compiles against the server's real shapes.
// `node scripts/api-types.mjs --check` exits 1 when the committed file differs (a unit test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, '..', '..', 'server', 'openapi.json');
const target = path.join(here, '..', 'src', 'api', 'openapi.gen.ts');

const doc = JSON.parse(readFileSync(source, 'utf8'));
// defaultNonNullable off: a request body's field with a default may be left out (zod's input schema
// does not require it), and a response's defaulted fields are in its `required` list already.
const ast = await openapiTS(doc, { alphabetize: true, defaultNonNullable: false });
const header =
  '// Generated from server/openapi.json by grafana-app/scripts/api-types.mjs (npm run generate -w grafana-app).\n' +
  '// Do not edit: change the server schema, then regenerate.\n';
const options = { ...(await prettier.resolveConfig(target)), filepath: target };
const text = await prettier.format(header + astToString(ast), options);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (current !== text) {
    console.error(
      `${path.relative(process.cwd(), target)} differs from server/openapi.json: run npm run generate -w grafana-app`
    );
    process.exit(1);
  }
  console.log('src/api/openapi.gen.ts matches server/openapi.json');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
