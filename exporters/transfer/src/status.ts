import { jsonReply, type Route } from '@opsdesk/exporter-core';
import type { ChannelStore } from './channels';
import type { ProbeTask } from './probes/collector';

/** An instant as ISO 8601, null for none (0) or one no Date can hold: the answer is never a 500. */
const iso = (ms: number) => {
  const d = new Date(ms);
  return ms && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
};

/** GET /api/v1/channels: per channel its state, last message, current interruption and last probe results. */
export function statusRoute(store: ChannelStore, probes: readonly ProbeTask[]): Route {
  return {
    method: 'GET',
    path: '/api/v1/channels',
    handle: () =>
      jsonReply(200, {
        channels: store.channels.map((ch) => {
          const dirs = ch.directions.map((d) => ({
            direction: d.direction,
            messages: d.messages,
            bytes: d.bytes,
            failures: Object.fromEntries(d.failures),
            lastMessage: iso(d.lastMessage),
            interrupted: d.interrupted,
            interruptedSince: iso(d.interruptedSince),
            interruptions: d.interruptions,
          }));
          const probeResults = probes
            .filter((p) => p.participant === ch.participant && p.channel === ch.spec.name)
            .map((p) => ({
              probe: p.name,
              kind: p.probe.kind,
              ok: p.task.value?.ok ?? null,
              failedPhase: p.task.value?.failedPhase ?? null,
              error: p.task.value?.error ?? null,
              seconds: p.task.value?.seconds ?? null,
              at: iso(p.task.lastSuccessMs ?? 0),
            }));
          const state = !ch.inWindow
            ? 'outside_window'
            : dirs.some((d) => d.interrupted) || probeResults.some((p) => p.ok === false)
              ? 'down'
              : 'up';
          return {
            participant: ch.participant,
            channel: ch.spec.name,
            kind: ch.spec.kind,
            state,
            inWindow: ch.inWindow,
            directions: dirs,
            probes: probeResults,
          };
        }),
      }),
  };
}
