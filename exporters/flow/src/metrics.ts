import {
  buildCalendar,
  HOLIDAYS_KNOWN_THROUGH_YEAR,
  holidayCoverage,
  holidayCoverageWarnings,
} from '@opsdesk/calendar';
import {
  counterDescriptor,
  gaugeDescriptor,
  histogramDescriptor,
  type Collector,
  type MetricSink,
} from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import type { FlowSpec } from './config';
import type { FlowStateFile } from './state';
import { DURATION_BUCKETS, type FlowTracker } from './tracker';

/** How often instances without progress are looked for (abandoned). */
export const SWEEP_INTERVAL_MS = 10_000;

const FS = ['flow', 'step'];
const STEP_STARTED = counterDescriptor(
  'opsdesk_flow_step_started_total',
  'Instances that entered the step.',
  FS,
);
const STEP_COMPLETED = counterDescriptor(
  'opsdesk_flow_step_completed_total',
  'Instances that left the step for the next one, or finished in it successfully.',
  FS,
);
const STEP_FAILED = counterDescriptor(
  'opsdesk_flow_step_failed_total',
  'Instances that failed in the step, by reason (reasons from the flow config; others count as "other").',
  [...FS, 'reason'],
);
const STEP_DURATION = histogramDescriptor(
  'opsdesk_flow_step_duration_seconds',
  'Time instances spent in the step before the next one, seconds.',
  FS,
  DURATION_BUCKETS,
);
const STEP_IN_PROGRESS = gaugeDescriptor(
  'opsdesk_flow_step_in_progress',
  'Instances in the step right now.',
  FS,
);
const STEP_STUCK = gaugeDescriptor(
  'opsdesk_flow_step_stuck',
  'Instances in the step longer than its time_limit right now (GET /api/v1/flows lists them).',
  FS,
);
const STEP_OLDEST = gaugeDescriptor(
  'opsdesk_flow_step_oldest_start_timestamp_seconds',
  'When the longest-waiting instance entered the step, Unix seconds; absent when the step is empty.',
  FS,
);
const STEP_ABANDONED = counterDescriptor(
  'opsdesk_flow_step_abandoned_total',
  "Instances dropped because they did not move for the flow's abandon_after while in the step (they count as stuck until then).",
  FS,
);
const FLOW_STARTED = counterDescriptor('opsdesk_flow_started_total', 'Instances of the flow that started.', [
  'flow',
]);
const FLOW_COMPLETED = counterDescriptor(
  'opsdesk_flow_completed_total',
  'Instances of the flow that reached a success step.',
  ['flow'],
);
const FLOW_FAILED = counterDescriptor(
  'opsdesk_flow_failed_total',
  'Instances of the flow that failed, by reason (a failure step or a failed event).',
  ['flow', 'reason'],
);
const FLOW_DURATION = histogramDescriptor(
  'opsdesk_flow_duration_seconds',
  'End-to-end time of finished instances, seconds.',
  ['flow'],
  DURATION_BUCKETS,
);
const FLOW_STUCK = gaugeDescriptor(
  'opsdesk_flow_stuck',
  'Instances in flight longer than the flow time_limit right now.',
  ['flow'],
);
const KNOWN_THROUGH = gaugeDescriptor(HOLIDAYS_KNOWN_THROUGH_YEAR.name, HOLIDAYS_KNOWN_THROUGH_YEAR.help, [
  'calendar',
]);
const STATE_SAVED = gaugeDescriptor(
  'opsdesk_flow_state_saved_timestamp_seconds',
  'When the in-flight state was last saved to state.path, Unix seconds; 0 before the first save.',
);
const STATE_SAVE_FAILURES = counterDescriptor(
  'opsdesk_flow_state_save_failures_total',
  'Periodic saves of state.path that failed (see the log).',
);
const IN_WINDOW = gaugeDescriptor(
  'opsdesk_flow_in_window',
  '1 while the flow is expected to run (its calendar: trading hours and days); absent without a calendar.',
  ['flow'],
);
const INSTANCES = gaugeDescriptor(
  'opsdesk_flow_tracker_instances',
  'Instances in flight, all flows together (capped by ingest.max_in_flight).',
);
const EVICTIONS = counterDescriptor(
  'opsdesk_flow_tracker_evictions_total',
  'In-flight instances dropped because ingest.max_in_flight was reached; raise it or find the flow that never finishes.',
);
const DROPPED = counterDescriptor(
  'opsdesk_flow_events_dropped_total',
  'Events not counted, by reason: duplicate, late (instance already finished), unknown_flow, unknown_step, invalid, future (timed more than ingest.max_future_skew ahead of this exporter).',
  ['reason'],
);

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
      flows.forEach((flow, f) =>
        flow.steps.forEach((step, s) => {
          if (!step.terminal) sink.add(STEP_ABANDONED, tracker.abandonedSteps[f]![s]!, flow.name, step.name);
        }),
      );
      for (const c of holidayCoverage(calendars)) sink.add(KNOWN_THROUGH, c.knownThroughYear, c.calendar);
      if (opts.state) {
        sink.add(STATE_SAVED, lastSave / 1000);
        sink.add(STATE_SAVE_FAILURES, saveFailures);
      }
      calendars.forEach((c, i) => c && sink.add(IN_WINDOW, c.isWorking(now()) ? 1 : 0, flows[i]!.name));
      sink.add(INSTANCES, tracker.size);
      sink.add(EVICTIONS, tracker.evictions);
      for (const [reason, n] of tracker.dropped) if (reason !== 'accepted') sink.add(DROPPED, n, reason);
    },
  };
}

function writeStepMetrics(
  sink: MetricSink,
  tracker: FlowTracker,
  flows: readonly FlowSpec[],
  now: number,
): void {
  const snap = tracker.snapshot(now);
  flows.forEach((flow, f) => {
    const st = tracker.stats[f]!;
    sink.add(FLOW_STARTED, st.started, flow.name);
    sink.add(FLOW_COMPLETED, st.completed, flow.name);
    for (const [r, n] of st.failed) sink.add(FLOW_FAILED, n, flow.name, r);
    sink.addHistogram(FLOW_DURATION, st.duration.value(), flow.name);
    if (flow.time_limit !== undefined) sink.add(FLOW_STUCK, snap.flowStuck[f]!, flow.name);
    flow.steps.forEach((step, s) => {
      const ss = st.steps[s]!;
      const l = [flow.name, step.name];
      sink.add(STEP_STARTED, ss.started, ...l);
      sink.add(STEP_COMPLETED, ss.completed, ...l);
      for (const [r, n] of ss.failed) sink.add(STEP_FAILED, n, ...l, r);
      if (!step.terminal) sink.addHistogram(STEP_DURATION, ss.duration.value(), ...l);
      const now1 = snap.steps[f]![s]!;
      if (!step.terminal) {
        sink.add(STEP_IN_PROGRESS, now1.inProgress, ...l);
        if (step.time_limit !== undefined) sink.add(STEP_STUCK, now1.stuck, ...l);
        if (now1.oldest !== Infinity) sink.add(STEP_OLDEST, now1.oldest / 1000, ...l);
      }
    });
  });
}
