import {
  buildCalendar,
  HOLIDAYS_KNOWN_THROUGH_YEAR,
  holidayCoverage,
  holidayCoverageWarnings,
} from '@opsdesk/calendar';
import type { Collector, MetricSink } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { FlowSpec } from './config';
import type { FlowStateFile } from './state';
import { DURATION_BUCKETS, type FlowTracker } from './tracker';

/** How often instances without progress are looked for (abandoned). */
export const SWEEP_INTERVAL_MS = 10_000;

/**
 * The tracker's counts and in-flight picture as metrics; in progress and stuck are computed per
 * scrape. While running it also abandons instances that stopped moving, and saves the state file.
 */
export function flowsCollector(
  tracker: FlowTracker,
  flows: readonly FlowSpec[],
  now: () => number = Date.now,
  opts: {
    log?: Logger;
    state?: FlowStateFile | undefined;
    saveIntervalMs?: number;
    /** the folder holiday files are read from: the config file's */
    configDir?: string;
  } = {},
): Collector {
  const calendars = flows.map((f) =>
    f.calendar ? buildCalendar(f.calendar, { baseDir: opts.configDir, now: now() }) : undefined,
  );
  for (const w of holidayCoverageWarnings(calendars, now())) opts.log?.warn(w);
  const timers: NodeJS.Timeout[] = [];
  let saving = false;
  let lastSave = 0;
  let saveFailures = 0;
  const save = async () => {
    if (!opts.state || saving) return;
    saving = true;
    try {
      await opts.state.save();
      lastSave = now();
    } catch (err) {
      saveFailures++;
      opts.log?.warn({ path: opts.state.path, err: (err as Error).message }, 'cannot save the flow state');
    } finally {
      saving = false;
    }
  };
  return {
    name: 'flows',
    start() {
      timers.push(setInterval(() => tracker.sweep(now()), SWEEP_INTERVAL_MS));
      if (opts.state) timers.push(setInterval(() => void save(), opts.saveIntervalMs ?? 60_000));
      for (const t of timers) t.unref();
    },
    stop() {
      timers.splice(0).forEach((t) => clearInterval(t));
      opts.state?.saveSync();
    },
    collect({ sink }) {
      writeStepMetrics(sink, tracker, flows, now());
      const abandoned = sink.counter(
        'opsdesk_flow_step_abandoned_total',
        "Instances dropped because they did not move for the flow's abandon_after while in the step (they count as stuck until then).",
        ['flow', 'step'],
      );
      flows.forEach((flow, f) =>
        flow.steps.forEach((step, s) => {
          if (!step.terminal) abandoned.set(tracker.abandonedSteps[f]![s]!, flow.name, step.name);
        }),
      );
      const known = sink.gauge(HOLIDAYS_KNOWN_THROUGH_YEAR.name, HOLIDAYS_KNOWN_THROUGH_YEAR.help, [
        'calendar',
      ]);
      for (const c of holidayCoverage(calendars)) known.set(c.knownThroughYear, c.calendar);
      if (opts.state) {
        sink
          .gauge(
            'opsdesk_flow_state_saved_timestamp_seconds',
            'When the in-flight state was last saved to state.path, Unix seconds; 0 before the first save.',
          )
          .set(lastSave / 1000);
        sink
          .counter(
            'opsdesk_flow_state_save_failures_total',
            'Periodic saves of state.path that failed (see the log).',
          )
          .set(saveFailures);
      }
      const inWindow = sink.gauge(
        'opsdesk_flow_in_window',
        '1 while the flow is expected to run (its calendar: trading hours and days); absent without a calendar.',
        ['flow'],
      );
      calendars.forEach((c, i) => c && inWindow.set(c.isWorking(now()) ? 1 : 0, flows[i]!.name));
      sink
        .gauge(
          'opsdesk_flow_tracker_instances',
          'Instances in flight, all flows together (capped by ingest.max_in_flight).',
        )
        .set(tracker.size);
      sink
        .counter(
          'opsdesk_flow_tracker_evictions_total',
          'In-flight instances dropped because ingest.max_in_flight was reached; raise it or find the flow that never finishes.',
        )
        .set(tracker.evictions);
      const dropped = sink.counter(
        'opsdesk_flow_events_dropped_total',
        'Events not counted, by reason: duplicate, late (instance already finished), unknown_flow, unknown_step, invalid, future (timed more than ingest.max_future_skew ahead of this exporter).',
        ['reason'],
      );
      for (const [reason, n] of tracker.dropped) if (reason !== 'accepted') dropped.set(n, reason);
    },
  };
}

function writeStepMetrics(
  sink: MetricSink,
  tracker: FlowTracker,
  flows: readonly FlowSpec[],
  now: number,
): void {
  const fs = ['flow', 'step'];
  const started = sink.counter('opsdesk_flow_step_started_total', 'Instances that entered the step.', fs);
  const completed = sink.counter(
    'opsdesk_flow_step_completed_total',
    'Instances that left the step for the next one, or finished in it successfully.',
    fs,
  );
  const failed = sink.counter(
    'opsdesk_flow_step_failed_total',
    'Instances that failed in the step, by reason (reasons from the flow config; others count as "other").',
    [...fs, 'reason'],
  );
  const duration = sink.histogram(
    'opsdesk_flow_step_duration_seconds',
    'Time instances spent in the step before the next one, seconds.',
    fs,
    DURATION_BUCKETS,
  );
  const inProgress = sink.gauge('opsdesk_flow_step_in_progress', 'Instances in the step right now.', fs);
  const stuck = sink.gauge(
    'opsdesk_flow_step_stuck',
    'Instances in the step longer than its time_limit right now (GET /api/v1/flows lists them).',
    fs,
  );
  const oldest = sink.gauge(
    'opsdesk_flow_step_oldest_start_timestamp_seconds',
    'When the longest-waiting instance entered the step, Unix seconds; absent when the step is empty.',
    fs,
  );
  const fStarted = sink.counter('opsdesk_flow_started_total', 'Instances of the flow that started.', [
    'flow',
  ]);
  const fCompleted = sink.counter(
    'opsdesk_flow_completed_total',
    'Instances of the flow that reached a success step.',
    ['flow'],
  );
  const fFailed = sink.counter(
    'opsdesk_flow_failed_total',
    'Instances of the flow that failed, by reason (a failure step or a failed event).',
    ['flow', 'reason'],
  );
  const fDuration = sink.histogram(
    'opsdesk_flow_duration_seconds',
    'End-to-end time of finished instances, seconds.',
    ['flow'],
    DURATION_BUCKETS,
  );
  const fStuck = sink.gauge(
    'opsdesk_flow_stuck',
    'Instances in flight longer than the flow time_limit right now.',
    ['flow'],
  );
  const snap = tracker.snapshot(now);
  flows.forEach((flow, f) => {
    const st = tracker.stats[f]!;
    fStarted.set(st.started, flow.name);
    fCompleted.set(st.completed, flow.name);
    for (const [r, n] of st.failed) fFailed.set(n, flow.name, r);
    fDuration.set(st.duration.value(), flow.name);
    if (flow.time_limit !== undefined) fStuck.set(snap.flowStuck[f]!, flow.name);
    flow.steps.forEach((step, s) => {
      const ss = st.steps[s]!;
      const l = [flow.name, step.name];
      started.set(ss.started, ...l);
      completed.set(ss.completed, ...l);
      for (const [r, n] of ss.failed) failed.set(n, ...l, r);
      if (!step.terminal) duration.set(ss.duration.value(), ...l);
      const now1 = snap.steps[f]![s]!;
      if (!step.terminal) {
        inProgress.set(now1.inProgress, ...l);
        if (step.time_limit !== undefined) stuck.set(now1.stuck, ...l);
        if (now1.oldest !== Infinity) oldest.set(now1.oldest / 1000, ...l);
      }
    });
  });
}
