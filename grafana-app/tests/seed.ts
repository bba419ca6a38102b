/**
 * Test data for the browser suite, written through the server's API as a user's tools would
 * write it (the incident create route, transitions, comments, the Alertmanager webhook), never
 * with SQL: the rows, their SLA clocks and their timelines are what the server itself stores.
 */
import { createHash } from 'node:crypto';

export interface ServerApi {
  url: string;
  token: string;
}

/** Attempts of one request the server's rate limit (http.rate_limit) may refuse before it fails. */
const RATE_LIMITED_ATTEMPTS = 20;

/**
 * One JSON request; any answer but the expected status fails, naming the call and the answer.
 * A 429 is waited out for its Retry-After and sent again, as a well-behaved client does: seeding
 * at full speed on a fast machine runs into the server's per-token rate limit (300/s by default).
 */
export async function call<T>(
  api: ServerApi,
  method: string,
  path: string,
  body?: unknown,
  status?: number
): Promise<T> {
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 429 || status === 429 || attempt === RATE_LIMITED_ATTEMPTS) break;
    await res.arrayBuffer();
    const wait = Number(res.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(wait) && wait > 0 ? wait : 1) * 1000));
  }
  const text = await res.text();
  if (status !== undefined ? res.status !== status : res.status >= 400) {
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs `task(i)` for i in [0, count), at most `concurrency` at a time; the first failure stops it. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const SERVICES = ['gateway', 'clearing', 'settlement'];
const MINUTE = 60_000;

/**
 * `count` closed incidents, ten minutes apart in the past: opened by hand, acknowledged, resolved
 * and closed (P3 and P4, which close without a review), every tenth with a comment. The server
 * takes requests from several clients at once, so they are sent `concurrency` at a time.
 */
export async function seedHistory(api: ServerApi, count: number, concurrency = 8): Promise<void> {
  const start = Date.now() - (count + 1) * 10 * MINUTE;
  await pool(count, concurrency, async (i) => {
    const at = new Date(start + i * 10 * MINUTE).toISOString();
    const inc = await call<{ number: string }>(
      api,
      'POST',
      '/api/v1/incidents',
      {
        title: `Historic incident ${i}`,
        severity: i % 2 ? 'P4' : 'P3',
        service: SERVICES[i % SERVICES.length],
        occurredAt: at,
        detectedAt: at,
      },
      201
    );
    const path = `/api/v1/incidents/${inc.number}`;
    await call(api, 'POST', `${path}/acknowledge`, {});
    if (i % 10 === 0) await call(api, 'POST', `${path}/comments`, { text: `Checked the ${SERVICES[i % 3]} logs` }, 201);
    await call(api, 'POST', `${path}/resolve`, { note: 'recovered' });
    await call(api, 'POST', `${path}/close`, {});
  });
}

/** One firing alert as Alertmanager's webhook (v4) sends it; answers the incident number. */
export async function fireAlert(
  api: ServerApi,
  alertname: string,
  opts: { annotations?: Record<string, string>; generatorURL?: string; truncatedAlerts?: number; service?: string }
): Promise<string> {
  const labels = { alertname, severity: 'warning', service: opts.service ?? 'gateway' };
  const res = await call<{ incident: string | null }>(api, 'POST', '/api/v1/alertmanager/webhook', {
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: opts.truncatedAlerts ?? 0,
    status: 'firing',
    receiver: 'opsdesk',
    groupLabels: { alertname },
    commonLabels: labels,
    commonAnnotations: opts.annotations ?? {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: opts.annotations ?? {},
        startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: opts.generatorURL ?? 'http://prometheus:9090/graph',
        fingerprint: createHash('sha256').update(alertname).digest('hex').slice(0, 16),
      },
    ],
  });
  if (!res.incident?.startsWith('INC-')) throw new Error(`the webhook opened no incident: ${JSON.stringify(res)}`);
  return res.incident;
}

/** A wall time of the roster's zone (Asia/Shanghai, UTC+8 all year) on a local date. */
const shanghai = (date: string, time: string) => `${date}T${time}:00+08:00`;

export interface OnCallSeed {
  /** the swap's two overrides: zhang.san takes li.si's Monday, li.si takes zhang.san's Tuesday */
  swap: Array<{ id: string; person: string; start: string }>;
  /** wang.wu covers the primary layer on Friday afternoon */
  override: { id: string; person: string; reason: string };
  /** the backup layer handed to li.si, with the incident open then */
  handover: { id: string; from: string | null; to: string; openIncidents: Array<{ number: string }> };
  incident: string;
}

/**
 * What the on-call page shows, written through the on-call routes as an Editor's tools would:
 * a swap and an override on the primary layer of `roster`, an open incident, and a handover of
 * the backup layer to li.si (the browser suite's Editor), which the handover route attaches the
 * open incidents to. `week` are the local dates of the roster's week, Monday first.
 */
export async function seedOnCall(api: ServerApi, roster: string, week: string[]): Promise<OnCallSeed> {
  const [monday, tuesday, , , friday] = week as [string, string, string, string, string];
  const swap = await call<{ overrides: Array<{ id: string; person: string; start: string }> }>(
    api,
    'POST',
    '/api/v1/oncall/swaps',
    {
      roster,
      layer: 'primary',
      a: { person: 'li.si', start: shanghai(monday, '12:00') },
      b: { person: 'zhang.san', start: shanghai(tuesday, '12:00') },
      reason: 'family visit',
    },
    201
  );
  const override = await call<{ id: string; person: string; reason: string }>(
    api,
    'POST',
    '/api/v1/oncall/overrides',
    {
      roster,
      layer: 'primary',
      person: 'wang.wu',
      start: shanghai(friday, '13:00'),
      end: shanghai(friday, '18:00'),
      reason: '病假 sick leave',
    },
    201
  );
  const incident = await call<{ number: string }>(
    api,
    'POST',
    '/api/v1/incidents',
    { title: 'Clearing batch late at handover', severity: 'P2', service: 'clearing' },
    201
  );
  const handover = await call<OnCallSeed['handover']>(
    api,
    'POST',
    '/api/v1/oncall/handovers',
    { roster, layer: 'backup', to: 'li.si', notes: 'Clearing batch still slow; watch the 16:00 run' },
    201
  );
  return { swap: swap.overrides, override, handover, incident: incident.number };
}
