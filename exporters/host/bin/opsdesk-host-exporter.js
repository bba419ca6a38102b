#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=64 --optimize-for-size
// V8 flags, measured with `npm run bench -w exporters/host` (docs/host-exporter.md, Performance):
//   --max-semi-space-size=1  a scrape's garbage is small and short-lived; the default 16 MiB young
//                            generation added ~30 MB of RSS on every host for nothing.
//   --max-old-space-size=64  the live heap is ~10 MB (8.5 MB of old space after a full GC);
//                            the cap makes V8 collect before growing.
//   --optimize-for-size      V8's memory-over-speed choices (smaller heap growth, more code
//                            flushing): 3 MB less RSS after 1 200 scrapes (60 vs 63 MB), the
//                            same CPU per scrape within the noise of a shared 2-core machine.
// Not --no-opt: without the optimising compiler a quiet machine measured (2026-12-02, one run each)
// CPU per scrape 1.13x node_exporter and p50 at c=10 1.32x; with it 0.79x and 0.69x, for 3 MB more
// RSS (65.5 against 62.5 MB after the run; the 50 MB target is missed either way).
// Run `node [flags] bin/opsdesk-host-exporter.js` to use other flags (e.g. a host with
// thousands of mounts or interfaces may want a larger old space).
require('../dist/cli.js').main(process.argv.slice(2));
