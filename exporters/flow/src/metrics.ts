import { buildCalendar } from '@opsdesk/calendar';
import type { Collector, MetricSink } from '@opsdesk/exporter-core';
import type { FlowSpec } from './config';
import { DURATION_BUCKETS, type FlowTracker } from './tracker';

/** The tracker's counts and in-flight picture as metrics; in progress and stuck are computed per scrape. */
export function flowsCollector(
  tracker: FlowTracker,
  flows: readonly FlowSpec[],
  now: () => number = Date.now,
): Collector {
  const calendars = flows.map((f) => (f.calendar ? buildCalendar(f.calendar) : undefined));
  return {
    name: 'flows',
    collect({ sink }) {
      writeStepMetrics(sink, tracker, flows, now());
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
        'Events not counted, by reason: duplicate, late (instance already finished), unknown_flow, unknown_step, invalid.',
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
