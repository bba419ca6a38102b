import { BackgroundTask, backgroundCollector, type Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { ChannelState } from '../channels';
import { probeBudgetMs, runProbe, kindOf, writeProbeSeries, type Probe, type ProbeResult } from './index';

/** One configured probe: where it belongs, its timer, and what its kind keeps across runs. */
export interface ProbeTask {
  participant: string;
  channel: string;
  /** the probe as configured, its file paths taken from the config file's folder */
  probe: Probe;
  name: string;
  task: BackgroundTask<ProbeResult>;
  state: unknown;
}

/** The label value of a probe: its name, else its kind, numbered when the channel has several of the kind. */
function probeName(probes: readonly Probe[], i: number): string {
  const probe = probes[i]!;
  if (probe.name !== undefined) return probe.name;
  return probes.filter((p) => p.kind === probe.kind).length > 1 ? `${probe.kind}_${i}` : probe.kind;
}

/** Every channel's probes on their own timers; a scrape reads the last result of each. */
export function probesCollector(
  channels: readonly ChannelState[],
  log: Logger,
  resolvePath: (p: string) => string = (p) => p,
): Collector & { tasks: ProbeTask[] } {
  const tasks: ProbeTask[] = channels.flatMap((ch) =>
    ch.spec.probes.map((configured, i) => {
      const kind = kindOf(configured);
      const probe = kind.resolvePaths?.(configured, resolvePath) ?? configured;
      const name = probeName(ch.spec.probes, i);
      const state = kind.initialState?.();
      return {
        participant: ch.participant,
        channel: ch.spec.name,
        probe,
        name,
        state,
        task: new BackgroundTask<ProbeResult>({
          name: `probe/${ch.participant}/${ch.spec.name}/${name}`,
          intervalMs: probe.interval,
          timeoutMs: probeBudgetMs(probe) + 1000,
          log,
          run: async (signal) => {
            const r = await runProbe(probe, signal);
            kind.record?.(state, r);
            return r;
          },
        }),
      };
    }),
  );
  const collector = backgroundCollector({
    name: 'probes',
    tasks: tasks.map((t) => t.task),
    log,
    collect({ sink }) {
      writeProbeSeries(
        sink,
        tasks.map((t) => ({
          probe: t.probe,
          labels: [t.participant, t.channel, t.name],
          last: t.task.value,
          state: t.state,
        })),
      );
    },
  });
  return Object.assign(collector, { tasks });
}
