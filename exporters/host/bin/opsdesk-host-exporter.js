#!/usr/bin/env -S node --no-opt --max-semi-space-size=1 --max-old-space-size=64
// V8 flags, measured with `npm run bench -w exporters/host` (README, Performance):
//   --max-semi-space-size=1  a scrape's garbage is small and short-lived; the default 16 MiB young
//                            generation added ~30 MB of RSS on every host for nothing.
//   --no-opt                 the scrape path is short; the optimising compiler's background work
//                            cost more tail latency and memory than it saved.
//   --max-old-space-size=64  the live heap is ~15 MB; the cap makes V8 collect before growing.
// Run `node [flags] bin/opsdesk-host-exporter.js` to use other flags (e.g. a host with
// thousands of mounts or interfaces may want a larger old space).
require('../dist/cli.js').main(process.argv.slice(2));
