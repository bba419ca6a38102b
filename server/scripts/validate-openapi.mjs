// Validates an OpenAPI document (path as argument) against the official OpenAPI 3.x JSON schema.
// Prints the errors and exits 1 when it is invalid. (An ES module, so tests run it as a program.)
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';

const file = process.argv[2];
const result = await new Validator().validate(JSON.parse(readFileSync(file, 'utf8')));
if (!result.valid) {
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log(`${file}: valid OpenAPI ${result.specificationVersion ?? ''}`.trim());
