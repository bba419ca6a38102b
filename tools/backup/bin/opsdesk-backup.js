#!/usr/bin/env node
'use strict';
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(`opsdesk-backup: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
