#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=64 --optimize-for-size --max-opt=1
// V8 flags, measured with `npm run bench -w exporters/host` (docs/host-exporter.md, Performance):
//   --max-semi-space-size=1  a scrape's garbage is small and short-lived; the default 16 MiB young
//                            generation added ~30 MB of RSS on every host for nothing.
//   --max-old-space-size=64  the live heap is ~10 MB (8.5 MB of old space after a full GC);
//                            the cap makes V8 collect before growing. (24 saved 2.5 MB more but
//                            leaves a host with many series too little room: a full heap is a crash.)
//   --optimize-for-size      V8's memory-over-speed choices (smaller heap growth, more code
//                            flushing): 3 MB less RSS after 1 200 scrapes (60 vs 63 MB), the
//                            same CPU per scrape within the noise of a shared 2-core machine.
//   --max-opt=1              the interpreter and Sparkplug (baseline) only, no TurboFan: the
//                            optimising compiler's own code (3.6 MB of the node binary's pages)
//                            and its compilations cost 4–7 MB of RSS after a run (60.3 against
//                            63.8–68.3 MB, 2026-12-02, shared 2-vCPU Xeon) for CPU per scrape
//                            0.70x node_exporter instead of 0.60x and p50 0.60–0.72x instead of
//                            0.45–0.56x: every target but RSS is still met with room to spare.
//                            (On a 2-vCPU EPYC the older --no-opt measured 1.13x CPU: rerun the
//                            bench on your hardware before changing this.)
// Run `node [flags] bin/opsdesk-host-exporter.js` to use other flags (e.g. a host with
// thousands of mounts or interfaces may want a larger old space).
require('../dist/cli.js').main(process.argv.slice(2));
