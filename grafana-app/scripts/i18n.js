#!/usr/bin/env node
// Extracts every t('key', 'English default') of src/ into src/locales/en-US/opsdesk-ops-app.json
// (English is the source of truth) and reports keys missing from, or left over in, the other
// locales. `node scripts/i18n.js --check` exits 1 on any difference (the unit test runs it too).
const fs = require('node:fs');
const path = require('node:path');

const SRC = path.join(__dirname, '..', 'src');
const NS = 'opsdesk-ops-app';
const plugin = JSON.parse(fs.readFileSync(path.join(SRC, 'plugin.json'), 'utf8'));

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** key → English default, from t('key', 'default' …) calls; a key used twice must say the same. */
function extract() {
  const found = new Map();
  const call = /\bt\(\s*'([a-zA-Z0-9_.]+)'\s*,\s*'((?:[^'\\]|\\.)*)'/g;
  for (const file of files(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      const [, key, raw] = m;
      const value = raw.replace(/\\'/g, "'");
      if (found.has(key) && found.get(key) !== value) {
        throw new Error(
          `${path.relative(SRC, file)}: key ${key} has two defaults: ${JSON.stringify(found.get(key))} and ${JSON.stringify(value)}`
        );
      }
      found.set(key, value);
    }
  }
  return found;
}

function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

function nest(map) {
  const out = {};
  for (const key of [...map.keys()].sort()) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = node[p] ??= {};
    node[parts[parts.length - 1]] = map.get(key);
  }
  return out;
}

const check = process.argv.includes('--check');
const keys = extract();
const problems = [];
const enFile = path.join(SRC, 'locales', 'en-US', `${NS}.json`);
const enText = JSON.stringify(nest(keys), null, 2) + '\n';
if (check) {
  if (!fs.existsSync(enFile) || fs.readFileSync(enFile, 'utf8') !== enText)
    problems.push(`en-US: ${NS}.json is not what the source says; run node scripts/i18n.js`);
} else {
  fs.mkdirSync(path.dirname(enFile), { recursive: true });
  fs.writeFileSync(enFile, enText);
}
for (const lang of plugin.languages.filter((l) => l !== 'en-US')) {
  const file = path.join(SRC, 'locales', lang, `${NS}.json`);
  const have = fs.existsSync(file) ? flatten(JSON.parse(fs.readFileSync(file, 'utf8'))) : new Map();
  for (const key of keys.keys())
    if (!have.has(key) || have.get(key) === '')
      problems.push(`${lang}: missing ${key} (English: ${JSON.stringify(keys.get(key))})`);
  for (const key of have.keys()) if (!keys.has(key)) problems.push(`${lang}: ${key} is no longer used`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${keys.size} keys; ${plugin.languages.join(', ')} complete`);
