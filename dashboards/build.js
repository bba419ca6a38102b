// Writes json/<Folder>/<uid>.json from the TypeScript sources (compiled by the root `tsc -b`).
const fs = require('node:fs');
const path = require('node:path');
const { renderAll } = require('./dist/index.js');

const out = path.join(__dirname, 'json');
fs.rmSync(out, { recursive: true, force: true });
for (const [file, json] of renderAll()) {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), json);
  console.log(`json/${file}`);
}
