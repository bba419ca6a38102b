import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { duration, type Logger } from '@opsdesk/runtime';
import { z } from 'zod';

const name = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'expected a lowercase name with digits and underscores');
const assertion = z.union([z.strictObject({ equals: z.unknown() }), z.strictObject({ exists: z.boolean() })]);

export const journeySchema = z.strictObject({
  name,
  interval: duration({ min: '1s' }).default(60_000),
  timeout: duration({ min: '100ms', max: '5m' }).default(10_000),
  steps: z
    .array(
      z.strictObject({
        name,
        request: z.strictObject({
          method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
          /** {{var}} is replaced with a value extracted by an earlier step */
          url: z.string().min(1),
          headers: z.record(z.string(), z.string()).default({}),
          json: z.unknown().optional(),
        }),
        expect: z
          .strictObject({
            status: z.number().int().min(100).max(599).default(200),
            /** dotted paths into the JSON body, e.g. data.items.0.id */
            json: z.record(z.string(), assertion).default({}),
          })
          .prefault({}),
        /** variable → dotted path into the JSON body, for the steps after */
        extract: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1)
    .max(20),
});
export type Journey = z.output<typeof journeySchema>;

export interface StepResult {
  step: string;
  ok: boolean;
  seconds: number;
  error?: string;
}

function at(body: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      body,
    );
}

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');

/** Runs a journey once: each step in turn, its assertions, values carried forward; stops at the first failure. */
export async function runJourney(j: Journey, fetchFn: typeof fetch = fetch): Promise<StepResult[]> {
  const vars: Record<string, string> = {};
  const results: StepResult[] = [];
  for (const step of j.steps) {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const headers = Object.fromEntries(
        Object.entries(step.request.headers).map(([k, v]) => [k, fill(v, vars)]),
      );
      if (step.request.json !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetchFn(fill(step.request.url, vars), {
        method: step.request.method,
        headers,
        body: step.request.json === undefined ? undefined : fill(JSON.stringify(step.request.json), vars),
        signal: AbortSignal.timeout(j.timeout),
      });
      const text = await res.text();
      if (res.status !== step.expect.status)
        throw new Error(`status ${res.status}, expected ${step.expect.status}`);
      let body: unknown;
      if (Object.keys(step.expect.json).length || Object.keys(step.extract).length) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error('the body is not JSON');
        }
      }
      for (const [p, a] of Object.entries(step.expect.json)) {
        const v = at(body, p);
        if ('exists' in a && (v !== undefined) !== a.exists)
          throw new Error(`${p} ${a.exists ? 'missing' : 'present'}`);
        if ('equals' in a && JSON.stringify(v) !== JSON.stringify(a.equals))
          throw new Error(`${p} is ${JSON.stringify(v)}, expected ${JSON.stringify(a.equals)}`);
      }
      for (const [k, p] of Object.entries(step.extract)) vars[k] = String(at(body, p) ?? '');
      results.push({ step: step.name, ok: true, seconds: seconds() });
    } catch (err) {
      results.push({ step: step.name, ok: false, seconds: seconds(), error: (err as Error).message });
      break;
    }
  }
  return results;
}

const STEP_SUCCESS = gaugeDescriptor(
  'opsdesk_flow_journey_step_success',
  '1 when the step of the synthetic journey passed on its last run, 0 when it failed or was not reached.',
  ['journey', 'step'],
);
const STEP_DURATION = gaugeDescriptor(
  'opsdesk_flow_journey_step_duration_seconds',
  'How long the step took on the last run, seconds.',
  ['journey', 'step'],
);
const SUCCESS = gaugeDescriptor(
  'opsdesk_flow_journey_success',
  '1 when every step of the journey passed on its last run.',
  ['journey'],
);

/** Synthetic journeys on their own timers; scrapes report the last run of each step. */
export function journeysCollector(
  journeys: readonly Journey[],
  log: Logger,
  fetchFn: typeof fetch = fetch,
): Collector {
  const tasks = journeys.map(
    (j) =>
      new BackgroundTask<StepResult[]>({
        name: `journey/${j.name}`,
        intervalMs: j.interval,
        timeoutMs: j.timeout * j.steps.length + 1000,
        log,
        run: () => runJourney(j, fetchFn),
      }),
  );
  return backgroundCollector({
    name: 'journeys',
    tasks,
    log,
    collect({ sink }) {
      journeys.forEach((j, i) => {
        const results = tasks[i]!.value;
        if (!results) return;
        for (const s of j.steps) {
          const r = results.find((x) => x.step === s.name);
          sink.add(STEP_SUCCESS, r?.ok ? 1 : 0, j.name, s.name);
          if (r) sink.add(STEP_DURATION, r.seconds, j.name, s.name);
        }
        sink.add(SUCCESS, results.length === j.steps.length && results.every((r) => r.ok) ? 1 : 0, j.name);
      });
    },
  });
}
