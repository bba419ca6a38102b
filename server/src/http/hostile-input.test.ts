import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, storeFingerprint, type TestServer } from '../testing/server';
import { webhookPayload } from '../testing/alerts';

/**
 * The same hostile requests to a server on SQLite and one on PostgreSQL: every one is answered
 * with a 4xx whose message names the field, and nothing is stored. (PostgreSQL refuses NUL bytes
 * and out-of-range numbers itself, so without the checks the two databases answered differently:
 * a 400 on one, a 500 on the other.)
 */
interface Hostile {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
  /** what the error message must name */
  field: string;
  status?: number;
}

const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const alert = (over: Record<string, unknown> = {}) =>
  webhookPayload({ alertname: 'H' }, [
    { labels: { alertname: 'H' }, startsAt: '2026-11-30T00:00:00Z' },
  ]).alerts.map((a) => ({ ...a, ...over }));
const webhook = (over: Record<string, unknown>) => ({
  ...webhookPayload({ alertname: 'H' }, [{ labels: { alertname: 'H' }, startsAt: '2026-11-30T00:00:00Z' }]),
  alerts: alert(over),
});

function hostileSet(incident: string): Hostile[] {
  const nul = 'a\u0000b';
  const create = (over: Record<string, unknown>) => ({ title: 'Hostile', severity: 'P3', ...over });
  const set: Hostile[] = [
    // NUL bytes in any text or id
    ...['title', 'symptom', 'impact', 'service', 'assignee'].map((f) => ({
      name: `NUL in ${f}`,
      method: 'POST',
      path: '/api/v1/incidents',
      body: create({ [f]: nul }),
      field: `body ${f}`,
    })),
    {
      name: 'NUL in a label value',
      method: 'POST',
      path: '/api/v1/incidents',
      body: create({ labels: { env: nul } }),
      field: 'body labels.env',
    },
    {
      name: 'NUL in a label name',
      method: 'POST',
      path: '/api/v1/incidents',
      body: create({ labels: { [nul]: 'x' } }),
      field: 'body labels',
    },
    {
      name: 'NUL in PATCH title',
      method: 'PATCH',
      path: `/api/v1/incidents/${incident}`,
      body: { title: nul },
      field: 'body title',
    },
    {
      name: 'NUL in a comment',
      method: 'POST',
      path: `/api/v1/incidents/${incident}/comments`,
      body: { text: nul },
      field: 'body text',
    },
    {
      name: 'NUL in a transition note',
      method: 'POST',
      path: `/api/v1/incidents/${incident}/acknowledge`,
      body: { note: nul },
      field: 'body note',
    },
    {
      name: 'NUL in a review',
      method: 'PUT',
      path: `/api/v1/incidents/${incident}/review`,
      body: { summary: nul },
      field: 'body summary',
    },
    {
      name: 'NUL in a token name',
      method: 'POST',
      path: '/api/v1/tokens',
      body: { name: nul, role: 'viewer' },
      field: 'body name',
    },
    { name: 'NUL in an incident id', method: 'GET', path: '/api/v1/incidents/INC%00-1', field: 'path id' },
    { name: 'NUL in a token id', method: 'DELETE', path: '/api/v1/tokens/x%00y', field: 'path name' },
    { name: 'NUL in a search', method: 'GET', path: '/api/v1/incidents?q=a%00b', field: 'query q' },
    {
      name: 'NUL in a label matcher',
      method: 'GET',
      path: '/api/v1/incidents?label=env%3Da%00',
      field: 'query label',
    },
    // cursors of the wrong shape
    {
      name: 'cursor not base64 JSON',
      method: 'GET',
      path: '/api/v1/incidents?cursor=%%%%',
      field: 'query cursor',
    },
    {
      name: 'cursor of three parts',
      method: 'GET',
      path: `/api/v1/incidents?cursor=${enc([1, 'a', 2])}`,
      field: 'query cursor',
    },
    {
      name: 'cursor with a text time',
      method: 'GET',
      path: `/api/v1/incidents?cursor=${enc(['yesterday', 'id'])}`,
      field: 'query cursor',
    },
    {
      name: 'cursor with a huge number',
      method: 'GET',
      path: `/api/v1/incidents?cursor=${enc([1e300, 'id'])}`,
      field: 'query cursor',
    },
    {
      name: 'cursor of a time for sort=severity',
      method: 'GET',
      path: `/api/v1/incidents?sort=severity&cursor=${enc([5, 'id'])}`,
      field: 'query cursor',
    },
    {
      name: 'cursor of an object',
      method: 'GET',
      path: `/api/v1/incidents?cursor=${enc({ a: 1 })}`,
      field: 'query cursor',
    },
    // dates
    {
      name: 'webhook endsAt not a date',
      method: 'POST',
      path: '/api/v1/alertmanager/webhook',
      body: webhook({ status: 'resolved', endsAt: 'soon' }),
      field: 'body alerts.0.endsAt',
    },
    {
      name: 'webhook startsAt 2026-02-30',
      method: 'POST',
      path: '/api/v1/alertmanager/webhook',
      body: webhook({ startsAt: '2026-02-30T00:00:00Z' }),
      field: 'body alerts.0.startsAt',
    },
    {
      name: 'webhook startsAt year 9999',
      method: 'POST',
      path: '/api/v1/alertmanager/webhook',
      body: webhook({ startsAt: '9999-01-01T00:00:00Z' }),
      field: 'body alerts.0.startsAt',
    },
  ];
  for (const [what, value] of [
    ['2026-02-30', '2026-02-30T10:00:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 9999', '9999-12-31T00:00:00Z'],
    ['no offset', '2026-11-30T10:00:00'],
  ] as const) {
    set.push(
      {
        name: `occurredAt ${what}`,
        method: 'POST',
        path: '/api/v1/incidents',
        body: create({ occurredAt: value }),
        field: 'body occurredAt',
      },
      {
        name: `detectedAt ${what}`,
        method: 'POST',
        path: '/api/v1/incidents',
        body: create({ detectedAt: value }),
        field: 'body detectedAt',
      },
      {
        name: `PATCH occurredAt ${what}`,
        method: 'PATCH',
        path: `/api/v1/incidents/${incident}`,
        body: { occurredAt: value },
        field: 'body occurredAt',
      },
      {
        name: `list from ${what}`,
        method: 'GET',
        path: `/api/v1/incidents?from=${encodeURIComponent(value)}`,
        field: 'query from',
      },
    );
  }
  set.push(
    {
      name: 'occurredAt after detectedAt',
      method: 'POST',
      path: '/api/v1/incidents',
      body: create({ occurredAt: '2026-11-30T10:00:00Z', detectedAt: '2026-11-30T09:00:00Z' }),
      field: 'body occurredAt',
    },
    {
      name: 'PATCH occurredAt after detectedAt',
      method: 'PATCH',
      path: `/api/v1/incidents/${incident}`,
      body: { occurredAt: '2099-01-01T00:00:00Z' },
      field: 'body occurredAt',
    },
    // content types
    {
      name: 'create as text/plain',
      method: 'POST',
      path: '/api/v1/incidents',
      body: JSON.stringify(create({})),
      contentType: 'text/plain',
      field: 'Content-Type',
      status: 415,
    },
    {
      name: 'comment as a form',
      method: 'POST',
      path: `/api/v1/incidents/${incident}/comments`,
      body: 'text=hello',
      contentType: 'application/x-www-form-urlencoded',
      field: 'Content-Type',
      status: 415,
    },
    {
      name: 'transition as text/plain',
      method: 'POST',
      path: `/api/v1/incidents/${incident}/acknowledge`,
      body: '{}',
      contentType: 'text/plain',
      field: 'Content-Type',
      status: 415,
    },
    {
      name: 'webhook as text/plain',
      method: 'POST',
      path: '/api/v1/alertmanager/webhook',
      body: JSON.stringify(webhook({})),
      contentType: 'text/plain',
      field: 'Content-Type',
      status: 415,
    },
    {
      name: 'PATCH as XML',
      method: 'PATCH',
      path: `/api/v1/incidents/${incident}`,
      body: '<title>x</title>',
      contentType: 'application/xml',
      field: 'Content-Type',
      status: 415,
    },
    // on call (no roster is configured here: the shape is refused before any lookup)
    {
      name: 'NUL in an override reason',
      method: 'POST',
      path: '/api/v1/oncall/overrides',
      body: {
        roster: 'ops',
        layer: 'primary',
        person: 'a',
        start: '2026-12-01T09:00:00+08:00',
        end: '2026-12-02T09:00:00+08:00',
        reason: nul,
      },
      field: 'body reason',
    },
    {
      name: 'override start not an instant',
      method: 'POST',
      path: '/api/v1/oncall/overrides',
      body: {
        roster: 'ops',
        layer: 'primary',
        person: 'a',
        start: 'tomorrow 9am',
        end: '2026-12-02T09:00:00+08:00',
        reason: 'r',
      },
      field: 'body start',
    },
    {
      name: 'override of a roster that does not exist',
      method: 'POST',
      path: '/api/v1/oncall/overrides',
      body: {
        roster: 'ops',
        layer: 'primary',
        person: 'a',
        start: '2026-12-01T09:00:00+08:00',
        end: '2026-12-02T09:00:00+08:00',
        reason: 'r',
      },
      field: 'body roster',
      status: 404,
    },
    {
      name: 'swap without its second side',
      method: 'POST',
      path: '/api/v1/oncall/swaps',
      body: { roster: 'ops', layer: 'primary', a: { person: 'a', start: '2026-12-01T09:00:00+08:00' } },
      field: 'body b',
    },
    {
      name: 'NUL in handover notes',
      method: 'POST',
      path: '/api/v1/oncall/handovers',
      body: { roster: 'ops', layer: 'primary', to: 'a', notes: nul },
      field: 'body notes',
    },
    {
      name: 'handover acknowledgement with a body field',
      method: 'POST',
      path: '/api/v1/oncall/handovers/x/acknowledge',
      body: { as: 'someone else' },
      field: 'as',
    },
    {
      name: 'on call at a time that is not an instant',
      method: 'GET',
      path: '/api/v1/oncall/now?at=now',
      field: 'query at',
    },
    {
      name: 'schedule without from',
      method: 'GET',
      path: '/api/v1/oncall/rosters/ops/schedule?to=2026-12-01T00:00:00Z',
      field: 'query from',
    },
    {
      name: 'override as text/plain',
      method: 'POST',
      path: '/api/v1/oncall/overrides',
      body: '{}',
      contentType: 'text/plain',
      field: 'Content-Type',
      status: 415,
    },
    // notifications (no channel is configured here: the shape is refused before any lookup)
    {
      name: 'messages of a status that does not exist',
      method: 'GET',
      path: '/api/v1/notify/messages?status=lost',
      field: 'query status',
    },
    {
      name: 'messages from a cursor that is not one',
      method: 'GET',
      path: '/api/v1/notify/messages?cursor=abc',
      field: 'query cursor',
    },
    {
      name: 'deliveries of a message id that is not a number',
      method: 'GET',
      path: '/api/v1/notify/messages/x/deliveries',
      field: 'path id',
    },
    {
      name: 'a test message on a channel that is not configured',
      method: 'POST',
      path: '/api/v1/notify/channels/nope/test',
      field: 'channel nope',
      status: 404,
    },
    {
      name: 'the bridge with a payload of another version',
      method: 'POST',
      path: '/api/v1/alertmanager/notify/nope',
      body: { ...webhook({}), version: '3' },
      field: 'body version',
    },
    // pending patches (no Prometheus is configured here: the shape is refused before any collection)
    {
      name: 'collect hosts given as a string',
      method: 'POST',
      path: '/api/v1/patches/collect',
      body: { hosts: 'db1:9741' },
      field: 'body hosts',
    },
    {
      name: 'collect an empty list of hosts',
      method: 'POST',
      path: '/api/v1/patches/collect',
      body: { hosts: [] },
      field: 'body hosts',
    },
    {
      name: 'collect a host with a NUL byte',
      method: 'POST',
      path: '/api/v1/patches/collect',
      body: { hosts: [nul] },
      field: 'body hosts.0',
    },
    {
      name: 'collect with an unknown field',
      method: 'POST',
      path: '/api/v1/patches/collect',
      body: { host: 'db1:9741' },
      field: 'body',
    },
    {
      name: 'a patch host name longer than any instance',
      method: 'GET',
      path: `/api/v1/patches/hosts/${'h'.repeat(300)}`,
      field: 'path host',
    },
    {
      name: 'a patch host nobody collected',
      method: 'GET',
      path: '/api/v1/patches/hosts/db9%3A9741',
      field: 'no host db9:9741',
      status: 404,
    },
    {
      name: 'collect without Prometheus',
      method: 'POST',
      path: '/api/v1/patches/collect',
      body: {},
      field: 'prometheus.url',
      status: 409,
    },
    // backups: reports from backup hosts, and data-restore requests
    ...((): Hostile[] => {
      const run = (over: Record<string, unknown>) => ({
        id: 'hostile-run-0001',
        policy: 'db',
        tool: 'restic',
        startedAt: '2026-11-30T01:00:00Z',
        finishedAt: '2026-11-30T01:05:00Z',
        exitCode: 0,
        result: 'success',
        ...over,
      });
      const post = (name: string, body: unknown, field: string, status?: number): Hostile => ({
        name,
        method: 'POST',
        path: '/api/v1/backups/runs',
        body,
        field,
        ...(status ? { status } : {}),
      });
      return [
        post('a run of a policy that is not configured', run({}), 'body policy', 422),
        post('a run id of one character', run({ id: 'x' }), 'body id'),
        post('a run id with a slash', run({ id: '../../etc/passwd' }), 'body id'),
        post(
          'a run started at a time without an offset',
          run({ startedAt: '2026-11-30 01:00' }),
          'body startedAt',
        ),
        post('a run finished in year 9999', run({ finishedAt: '9999-01-01T00:00:00Z' }), 'body finishedAt'),
        post('a fractional exit code', run({ exitCode: 1.5 }), 'body exitCode'),
        post('negative bytes added', run({ bytesAdded: -1 }), 'body bytesAdded'),
        post('bytes added beyond 2^53', run({ bytesAdded: 2 ** 60 }), 'body bytesAdded'),
        post('a result that is not one', run({ result: 'ok' }), 'body result'),
        post('a summary that is an array', run({ summary: [1, 2] }), 'body summary'),
        post('an unknown field', run({ extra: 1 }), 'body'),
        {
          name: 'a restore test without its verification',
          method: 'POST',
          path: '/api/v1/backups/restore-tests',
          body: {
            ...run({}),
            durationSeconds: 10,
            result: 'passed',
            restoreExitCode: 0,
            exitCode: undefined,
            tool: undefined,
          },
          field: 'body verification',
        },
        {
          name: 'runs from a cursor that is not one',
          method: 'GET',
          path: '/api/v1/backups/runs?cursor=abc',
          field: 'query cursor',
        },
        {
          name: 'runs of a result that does not exist',
          method: 'GET',
          path: '/api/v1/backups/runs?result=lost',
          field: 'query result',
        },
        {
          name: 'NUL in what is to be restored',
          method: 'POST',
          path: '/api/v1/backups/restore-requests',
          body: { incidentId: incident, what: nul, requestedBy: 'x' },
          field: 'body what',
        },
        {
          name: 'a restore request for an incident that does not exist',
          method: 'POST',
          path: '/api/v1/backups/restore-requests',
          body: { incidentId: 'INC-1999-0001', what: 'db', requestedBy: 'nobody' },
          field: 'body requestedBy',
          status: 422,
        },
        {
          name: 'a restore action that does not exist',
          method: 'POST',
          path: '/api/v1/backups/restore-requests/x/undo',
          body: {},
          field: 'path action',
        },
        {
          name: 'a token with a scope that does not exist',
          method: 'POST',
          path: '/api/v1/tokens',
          body: { name: 'hostile-scope', role: 'editor', scope: 'admin:*' },
          field: 'body scope',
        },
      ];
    })(),
    // vulnerability imports and findings: refused before anything is stored
    {
      name: 'NUL in an import asset',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: { asset: nul, report: { Results: [] } },
      field: 'body asset',
    },
    {
      name: 'an import report that is a list',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: { report: [] },
      field: 'body report',
    },
    {
      name: 'an import from a scanner that is not supported',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: { scanner: 'nessus', report: {} },
      field: 'body scanner',
    },
    {
      name: 'a report that is neither Trivy nor Grype',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: { report: { findings: [] } },
      field: 'body report',
    },
    {
      name: 'a Trivy report with a severity Trivy never writes',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: {
        report: {
          ArtifactName: 'h',
          Results: [
            {
              Target: 't',
              Vulnerabilities: [
                { VulnerabilityID: 'CVE-2024-1', PkgName: 'p', InstalledVersion: '1', Severity: 'EXTREME' },
              ],
            },
          ],
        },
      },
      field: 'body report.Results.0.Vulnerabilities.0.Severity',
    },
    {
      name: 'a Grype match without its artifact',
      method: 'POST',
      path: '/api/v1/vulnerabilities/imports',
      body: { report: { matches: [{ vulnerability: { id: 'CVE-2024-1', severity: 'High' } }] } },
      field: 'body report.matches.0.artifact',
    },
    {
      name: 'findings of a severity that does not exist',
      method: 'GET',
      path: '/api/v1/vulnerabilities/findings?severity=extreme',
      field: 'query severity',
    },
    {
      name: 'findings overdue=yes',
      method: 'GET',
      path: '/api/v1/vulnerabilities/findings?overdue=yes',
      field: 'query overdue',
    },
    {
      name: 'findings from a cursor that is not one',
      method: 'GET',
      path: `/api/v1/vulnerabilities/findings?cursor=${enc(['yesterday', 'id'])}`,
      field: 'query cursor',
    },
    {
      name: 'NUL in a finding id',
      method: 'GET',
      path: '/api/v1/vulnerabilities/findings/a%00b',
      field: 'path id',
    },
    {
      name: 'a risk acceptance expiring on 2026-02-30',
      method: 'POST',
      path: '/api/v1/vulnerabilities/findings/x/accept-risk',
      body: { approver: 'a', reason: 'r', expiresAt: '2026-02-30T00:00:00+08:00' },
      field: 'body expiresAt',
    },
    {
      name: 'a verification by guessing',
      method: 'POST',
      path: '/api/v1/vulnerabilities/findings/x/verify',
      body: { method: 'guess' },
      field: 'body method',
    },
    {
      name: 'a finding by hand with a package type in capitals',
      method: 'POST',
      path: '/api/v1/vulnerabilities/findings',
      body: {
        asset: 'h',
        packageType: 'DEB',
        packageName: 'openssl',
        installedVersion: '1',
        vulnerabilityId: 'CVE-2024-1',
        severity: 'high',
      },
      field: 'body packageType',
    },
    // inspections (巡检): templates refused with the line and path, runs of nothing
    {
      name: 'a template whose YAML is not YAML',
      method: 'POST',
      path: '/api/v1/inspections/templates',
      body: { yaml: 'key: [daily\n' },
      field: 'body yaml',
    },
    {
      name: 'a template metric item without a threshold',
      method: 'POST',
      path: '/api/v1/inspections/templates',
      body: {
        definition: {
          key: 'x',
          title: 'x',
          layers: [
            {
              layer: 'network',
              items: [{ key: 'a', title: 'a', kind: 'metric', query: 'up', comparison: '>' }],
            },
          ],
        },
      },
      field: 'definition.layers.0.items.0.warning',
    },
    {
      name: 'a template in an unknown layer',
      method: 'POST',
      path: '/api/v1/inspections/templates',
      body: { definition: { key: 'x', title: 'x', layers: [{ layer: 'os', items: [] }] } },
      field: 'definition.layers.0.layer',
    },
    {
      name: 'a run of a template that does not exist',
      method: 'POST',
      path: '/api/v1/inspections/runs',
      body: { template: 'nowhere' },
      field: 'inspection template nowhere',
      status: 404,
    },
    {
      name: 'a manual result that is neither normal nor abnormal',
      method: 'POST',
      path: '/api/v1/inspections/runs/INS-1/items/logs',
      body: { result: 'fine' },
      field: 'body result',
    },
    {
      name: 'a signature in a role that does not exist',
      method: 'POST',
      path: '/api/v1/inspections/runs/INS-1/sign',
      body: { role: 'manager' },
      field: 'body role',
    },
    {
      name: 'a report in a language the server does not write',
      method: 'GET',
      path: '/api/v1/inspections/runs/INS-1/report.pdf?lang=fr',
      field: 'query lang',
    },
    // a path with no route is a 404 whatever the body: it is never read (a dot segment, "/incidents/.",
    // reaches the server as "/incidents/")
    {
      name: 'PATCH to the collection, with broken JSON',
      method: 'PATCH',
      path: '/api/v1/incidents/',
      body: '"; DROP TABLE incidents; --',
      field: 'no route for PATCH /api/v1/incidents/',
      status: 404,
    },
    {
      name: 'POST to an unknown path, with broken JSON',
      method: 'POST',
      path: '/api/v1/nowhere',
      body: '{"a":',
      field: 'no route for POST /api/v1/nowhere',
      status: 404,
    },
  );
  return set;
}

describe.each(DATABASE_KINDS)('hostile input on %s', (kind) => {
  let s: TestServer;
  let incident = '';
  beforeAll(async () => {
    s = await startTestServer(kind);
    incident = (
      await s.api<{ number: string }>('POST', '/api/v1/incidents', { title: 'Target', severity: 'P3' })
    ).body.number;
  });
  afterAll(() => s.stop());

  const fingerprint = () => storeFingerprint(s.ctx.db);

  test('every hostile request gets a 4xx naming the field, and nothing is stored', async () => {
    const before = await fingerprint();
    const answers: string[] = [];
    const wrong: string[] = [];
    for (const h of hostileSet(incident)) {
      const headers: Record<string, string> = { authorization: 'Bearer odk_test-admin-token-0123456789' };
      if (h.body !== undefined) headers['content-type'] = h.contentType ?? 'application/json';
      const res = await fetch(`${s.url}${h.path}`, {
        method: h.method,
        headers,
        body: h.body === undefined ? undefined : typeof h.body === 'string' ? h.body : JSON.stringify(h.body),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      const message = body.error?.message ?? '';
      answers.push(`${res.status} ${h.name}: ${message}`);
      const statusOk =
        h.status !== undefined ? res.status === h.status : res.status >= 400 && res.status < 500;
      if (!statusOk || !message.includes(h.field)) wrong.push(`${h.name} → ${res.status} ${message}`);
    }
    expect(wrong).toEqual([]);
    expect(answers.length).toBeGreaterThan(45);
    expect(await fingerprint()).toBe(before);
    const list = await s.api('GET', '/api/v1/incidents');
    expect(list.status).toBe(200);
  });
});
