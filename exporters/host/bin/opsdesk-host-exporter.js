#!/usr/bin/env -S node --no-opt --max-semi-space-size=1 --max-old-space-size=64 --optimize-for-size
// V8 flags, measured with `npm run bench -w exporters/host` (docs/host-exporter.md, Performance):
//   --max-semi-space-size=1  a scrape's garbage is small and short-lived; the default 16 MiB young
//                            generation added ~30 MB of RSS on every host for nothing.
//   --no-opt                 the scrape path is short; the optimising compiler's background work
//                            cost more tail latency and memory than it saved (again on
//                            2026-12-01: 7 MB more RSS with it, CPU per scrape within noise).
//   --max-old-space-size=64  the live heap is ~10 MB (8.5 MB of old space after a full GC);
//                            the cap makes V8 collect before growing.
//   --optimize-for-size      V8's memory-over-speed choices (smaller heap growth, more code
//                            flushing): 3 MB less RSS after 1 200 scrapes (60 vs 63 MB), the
//                            same CPU per scrape within the noise of a shared 2-core machine.
// Run `node [flags] bin/opsdesk-host-exporter.js` to use other flags (e.g. a host with
// thousands of mounts or interfaces may want a larger old space).
require('../dist/cli.js').main(process.argv.slice(2));
