/**
 * Inspections (巡检) end to end: templates imported as YAML and versioned, runs evaluated against a
 * real Prometheus scraping the real host exporter (a check that passes, one that fails on a series,
 * a configuration finding, a query Prometheus refuses), manual items, the two signatures and the
 * completion gate, a follow-up incident linked both ways, the stored reports, and a verification
 * run an incident needs before it closes. On SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPrograms,
  freePort,
  startPrometheus,
  startService,
  waitFor,
  type RunningPrometheus,
  type RunningService,
} from '@opsdesk/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/server';

const HOST_EXPORTER = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'exporters',
  'host',
  'bin',
  'opsdesk-host-exporter.js',
);

const templateYaml = (title: string, host: string) => `
key: daily-check
title: ${title}
client: 某证券交易所
system: 交易系统
layers:
  - layer: infrastructure
    items:
      - key: memory-present
        title: 主机内存
        kind: metric
        query: opsdesk_host_memory_total_bytes{instance="${host}"}
        comparison: '<'
        critical: 1024
        unit: bytes
        labels: { instance: 主机 }
      - key: exporter-up
        title: 采集器在线（阈值故意设为失败）
        kind: metric
        query: up{job="host"}
        comparison: '<'
        critical: 2
        labels: { instance: 主机, job: 任务 }
      - key: bad-query
        title: 写错的查询
        kind: metric
        query: rate(up[5m]
        comparison: '>'
        warning: 1
      - key: targets-up
        title: 在线的采集目标
        kind: configuration
        query: up{job="host"} == 1
        severity: warning
        labels: { instance: 主机 }
  - layer: application
    items:
      - key: engine-logs
        title: 检查撮合引擎错误日志
        kind: manual
        guidance: grep ERROR /var/log/engine/*.log
      - key: clearing-file
        title: 核对清算文件
        kind: manual
        evidence_required: true
`;

const verificationYaml = (host: string) => `
key: after-repair
title: 故障修复后验证
layers:
  - layer: infrastructure
    items:
      - key: memory-present
        title: 主机内存
        kind: metric
        query: opsdesk_host_memory_total_bytes{instance="${host}"}
        comparison: '<'
        critical: 1024
  - layer: business
    items:
      - key: smoke
        title: 交易冒烟测试
        kind: manual
`;

type Err = { error: { code: string; message: string; details: Array<{ missing?: string; path?: string }> } };
interface Item {
  key: string;
  status: string;
  value: number | null;
  series: Array<{ labels: Record<string, string>; value: number }>;
  error: string | null;
  followUp: { kind: string; id: string; ref: string } | null;
}
interface Run {
  id: string;
  number: string;
  state: string;
  items: Item[];
  events: Array<{ kind: string; actor: string; detail: Record<string, unknown> }>;
  summary: Record<string, number>;
}
const item = (run: Run, key: string) => run.items.find((i) => i.key === key)!;

describeWithPrograms(
  { prometheus: 'prometheus' },
  'inspections against the real host exporter and Prometheus',
  () => {
    let dir: string;
    let exporter: RunningService;
    let host: string;
    let prom: RunningPrometheus;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-inspections-'));
      host = `127.0.0.1:${await freePort()}`;
      writeFileSync(
        path.join(dir, 'host.yml'),
        'collectors:\n  patches: { enabled: false }\n  systemd: { enabled: false }\n',
      );
      exporter = await startService({
        command: HOST_EXPORTER,
        args: ['--listen', host, '--config', path.join(dir, 'host.yml')],
        readyUrl: `http://${host}/-/ready`,
      });
      prom = await startPrometheus(
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          'scrape_configs:',
          '  - job_name: host',
          `    static_configs: [{ targets: ['${host}'] }]`,
        ].join('\n'),
      );
      await waitFor('Prometheus to scrape the exporter', async () =>
        (await prom.query(`opsdesk_host_memory_total_bytes{instance="${host}"}`)).length === 1
          ? true
          : undefined,
      );
    }, 120_000);

    afterAll(async () => {
      await prom?.stop();
      await exporter?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    describe.each(DATABASE_KINDS)('on %s', (kind) => {
      let s: TestServer;
      const tokens: Record<string, string> = {};
      const as = <T>(person: string, method: string, p: string, body?: unknown) =>
        s.api<T>(method, p, body, tokens[person]);

      beforeAll(async () => {
        s = await startTestServer(kind, {
          people: [
            { id: 'zhang.san', name: '张三' },
            { id: 'li.si', name: '李四' },
          ],
          prometheus: { url: prom.url },
          incidents: { review_required_for: [] },
          inspections: { verification_required_for: ['P1'], report_locale: 'zh-Hans' },
        });
        for (const person of ['zhang.san', 'li.si']) {
          const r = await s.api<{ token: string }>('POST', '/api/v1/tokens', {
            name: person,
            role: 'editor',
          });
          tokens[person] = r.body.token;
        }
      }, 60_000);
      afterAll(() => s?.stop());

      test('a template is imported from YAML, versioned when it changes and refused with the line and path when invalid', async () => {
        const created = await s.api<{ outcome: string; template: { version: number; itemCount: number } }>(
          'POST',
          '/api/v1/inspections/templates',
          { yaml: templateYaml('日常巡检', host) },
        );
        expect(created.status).toBe(200);
        expect(created.body).toMatchObject({ outcome: 'created', template: { version: 1, itemCount: 6 } });
        const again = await s.api<{ outcome: string }>('POST', '/api/v1/inspections/templates', {
          yaml: templateYaml('日常巡检', host),
        });
        expect(again.body.outcome).toBe('unchanged');
        const changed = await s.api<{ outcome: string; template: { version: number; title: string } }>(
          'POST',
          '/api/v1/inspections/templates',
          { yaml: templateYaml('交易日日常巡检', host) },
        );
        expect(changed.body).toMatchObject({
          outcome: 'updated',
          template: { version: 2, title: '交易日日常巡检' },
        });
        const detail = await s.api<{ versions: Array<{ version: number }> }>(
          'GET',
          '/api/v1/inspections/templates/daily-check',
        );
        expect(detail.body.versions.map((v) => v.version)).toEqual([2, 1]);
        const exported = await fetch(`${s.url}/api/v1/inspections/templates/daily-check/export`, {
          headers: { authorization: `Bearer ${tokens['li.si']}` },
        });
        expect(await exported.text()).toContain('title: 交易日日常巡检');

        const bad = await s.api<Err>('POST', '/api/v1/inspections/templates', {
          yaml: templateYaml('x', host).replace('critical: 2\n', 'critical: 2\n        warning: many\n'),
        });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/yaml:\d+: layers\[0\]\.items\[1\]\.warning/);
        const noThreshold = await s.api<Err>('POST', '/api/v1/inspections/templates', {
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
        });
        expect(noThreshold.status).toBe(400);
        expect(noThreshold.body.error.message).toContain(
          'definition.layers.0.items.0.warning: a metric item needs a warning or a critical threshold',
        );
      });

      let run: Run;
      test('a run freezes what Prometheus answered: a pass, a failing series with its value, a configuration finding, a refused query as an error item', async () => {
        const started = await as<Run>('zhang.san', 'POST', '/api/v1/inspections/runs', {
          template: 'daily-check',
          reviewer: 'li.si',
        });
        expect(started.status).toBe(201);
        run = started.body;
        expect(run).toMatchObject({ state: 'open', number: expect.stringMatching(/^INS-\d+$/) });
        const memory = item(run, 'memory-present');
        expect(memory.status).toBe('normal');
        expect(memory.value).toBeGreaterThan(1024 * 1024);
        expect(memory.series).toEqual([]);
        const up = item(run, 'exporter-up');
        expect(up).toMatchObject({ status: 'critical', value: 1 });
        expect(up.series).toEqual([
          { labels: expect.objectContaining({ instance: host, job: 'host' }), value: 1 },
        ]);
        const badQuery = item(run, 'bad-query');
        expect(badQuery.status).toBe('error');
        expect(badQuery.error).toContain('rate(up[5m]');
        expect(item(run, 'targets-up')).toMatchObject({ status: 'warning', value: 1 });
        expect(item(run, 'engine-logs').status).toBe('pending');
        expect(run.summary).toMatchObject({
          normal: 1,
          warning: 1,
          critical: 1,
          error: 1,
          pending: 2,
          total: 6,
        });
        // frozen: what the run holds does not change when read again later
        const read = await s.api<Run>('GET', `/api/v1/inspections/runs/${run.number}`);
        expect(item(read.body, 'memory-present').value).toBe(memory.value);
      });

      test('it cannot be signed or completed while a manual item is empty, nor reviewed by its inspector', async () => {
        const early = await as<Err>('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/sign`, {
          role: 'inspector',
        });
        expect(early.status).toBe(409);
        expect(early.body.error.code).toBe('gate_unmet');
        expect(early.body.error.message).toContain('engine-logs, clearing-file');
        const complete = await as<Err>('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/complete`);
        expect(complete.status).toBe(409);
        expect(complete.body.error.details.map((d) => d.missing)).toEqual([
          'manual_items',
          'inspector_signature',
          'reviewer_signature',
        ]);

        const noNote = await as<Err>(
          'zhang.san',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/engine-logs`,
          { result: 'abnormal' },
        );
        expect([noNote.status, noNote.body.error.code]).toEqual([422, 'note_required']);
        const noEvidence = await as<Err>(
          'zhang.san',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/clearing-file`,
          { result: 'normal' },
        );
        expect([noEvidence.status, noEvidence.body.error.code]).toEqual([422, 'evidence_required']);
        const measured = await as<Err>(
          'zhang.san',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/memory-present`,
          { result: 'normal' },
        );
        expect([measured.status, measured.body.error.code]).toEqual([409, 'not_manual']);

        await as('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/items/engine-logs`, {
          result: 'abnormal',
          note: '02:13 起每分钟一条 order book resync 错误',
        });
        const filled = await as<Run>(
          'zhang.san',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/clearing-file`,
          {
            result: 'normal',
            evidence: [{ name: '清算文件核对表', url: 'https://files.example.com/clearing/2026-12-02.xlsx' }],
          },
        );
        expect(item(filled.body, 'engine-logs').status).toBe('abnormal');

        const signed = await as<Run>('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/sign`, {
          role: 'inspector',
        });
        expect(signed.body.state).toBe('signed');
        const stillOpen = await as<Err>('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/complete`);
        expect(stillOpen.body.error.details.map((d) => d.missing)).toEqual(['reviewer_signature']);
        const self = await as<Err>('zhang.san', 'POST', `/api/v1/inspections/runs/${run.id}/sign`, {
          role: 'reviewer',
        });
        expect(self.status).toBe(409);
        expect(self.body.error.details.map((d) => d.missing)).toEqual(['independent_reviewer']);
        const admin = await s.api<Err>('POST', `/api/v1/inspections/runs/${run.id}/sign`, {
          role: 'reviewer',
        });
        expect([admin.status, admin.body.error.code]).toEqual([403, 'not_a_person']);

        const reviewed = await as<Run>('li.si', 'POST', `/api/v1/inspections/runs/${run.id}/sign`, {
          role: 'reviewer',
        });
        expect(reviewed.body.state).toBe('completed');
        expect(reviewed.body.events.map((e) => e.kind)).toEqual([
          'started',
          'item_recorded',
          'item_recorded',
          'signed',
          'signed',
          'completed',
        ]);
        expect((await as<Run>('li.si', 'POST', `/api/v1/inspections/runs/${run.id}/complete`)).status).toBe(
          200,
        );
      });

      test('an abnormal item opens an incident, linked both ways', async () => {
        const r = await as<{ incident: { id: string; number: string }; run: Run }>(
          'li.si',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/engine-logs/follow-up`,
          { kind: 'incident', severity: 'P3' },
        );
        expect(r.status).toBe(201);
        expect(item(r.body.run, 'engine-logs').followUp).toEqual({
          kind: 'incident',
          id: r.body.incident.id,
          ref: r.body.incident.number,
        });
        const incident = await s.api<unknown>('GET', `/api/v1/incidents/${r.body.incident.id}/timeline`);
        expect(JSON.stringify(incident.body)).toContain(run.number);
        expect(JSON.stringify(incident.body)).toContain('inspection_follow_up');
        const twice = await as<Err>(
          'li.si',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/engine-logs/follow-up`,
          { severity: 'P3' },
        );
        expect([twice.status, twice.body.error.code]).toEqual([409, 'already_followed_up']);
        const normal = await as<Err>(
          'li.si',
          'POST',
          `/api/v1/inspections/runs/${run.id}/items/memory-present/follow-up`,
          { severity: 'P3' },
        );
        expect(normal.body.error.code).toBe('item_normal');
      });

      test('the completed run’s report is stored in HTML, PDF and Excel, with its Chinese text', async () => {
        const stored = await waitFor(
          'the three report files stored',
          async () => {
            const r = await s.api<{ reports: Array<{ run: string; format: string; bytes: number }> }>(
              'GET',
              '/api/v1/inspections/reports',
            );
            const mine = r.body.reports.filter((x) => x.run === run.number);
            return mine.length === 3 ? mine : undefined;
          },
          { timeoutMs: 120_000, intervalMs: 500 },
        );
        expect(stored.map((x) => x.format).sort()).toEqual(['html', 'pdf', 'xlsx']);
        const get = (format: string) =>
          fetch(`${s.url}/api/v1/inspections/runs/${run.number}/report.${format}`, {
            headers: { authorization: `Bearer ${tokens['li.si']}` },
          });
        const html = await (await get('html')).text();
        expect(html).toContain('交易日日常巡检');
        expect(html).toContain('02:13 起每分钟一条 order book resync 错误');
        const pdf = Buffer.from(await (await get('pdf')).arrayBuffer());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const xlsx = await get('xlsx');
        expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
        expect(
          Buffer.from(await xlsx.arrayBuffer())
            .subarray(0, 2)
            .toString(),
        ).toBe('PK');
        const report = await s.api<{
          summary: Record<string, number>;
          run: { inspector: string; reviewer: string };
        }>('GET', `/api/v1/inspections/runs/${run.number}/report`);
        expect(report.body.run).toMatchObject({ inspector: '张三 (zhang.san)', reviewer: '李四 (li.si)' });
        expect(report.body.summary).toMatchObject({ manualAbnormal: 1, pending: 0 });
      }, 150_000);

      test('a P1 closes only after a passing verification run', async () => {
        await s.api('POST', '/api/v1/inspections/templates', { yaml: verificationYaml(host) });
        const inc = await s.api<{ id: string; number: string }>('POST', '/api/v1/incidents', {
          title: 'matching engine down',
          severity: 'P1',
          service: 'matching',
        });
        for (const action of ['acknowledge', 'resolve'])
          await s.api('POST', `/api/v1/incidents/${inc.body.id}/${action}`, {});
        const refused = await s.api<Err>('POST', `/api/v1/incidents/${inc.body.id}/close`, {});
        expect([refused.status, refused.body.error.code]).toEqual([409, 'gate_unmet']);
        expect(refused.body.error.message).toContain('no verification run');

        const v = await as<Run>('zhang.san', 'POST', `/api/v1/incidents/${inc.body.number}/verifications`, {
          template: 'after-repair',
        });
        if (v.status !== 201) throw new Error(JSON.stringify(v.body));
        const notYet = await s.api<Err>('POST', `/api/v1/incidents/${inc.body.id}/close`, {});
        expect(notYet.body.error.message).toContain(`verification run ${v.body.number} is open`);
        await as('zhang.san', 'POST', `/api/v1/inspections/runs/${v.body.id}/items/smoke`, {
          result: 'normal',
        });
        await as('zhang.san', 'POST', `/api/v1/inspections/runs/${v.body.id}/sign`, { role: 'inspector' });
        await as('li.si', 'POST', `/api/v1/inspections/runs/${v.body.id}/sign`, { role: 'reviewer' });
        const closed = await s.api<{ status: string }>('POST', `/api/v1/incidents/${inc.body.id}/close`, {});
        expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
        const runs = await s.api<{ runs: Array<{ number: string; trigger: string }> }>(
          'GET',
          `/api/v1/inspections/runs?incident=${inc.body.number}`,
        );
        expect(runs.body.runs).toEqual([
          expect.objectContaining({ number: v.body.number, trigger: 'verification' }),
        ]);
      });

      test('trends and a side-by-side comparison of two runs', async () => {
        const second = await as<Run>('zhang.san', 'POST', '/api/v1/inspections/runs', {
          template: 'daily-check',
        });
        const trend = await s.api<{ runs: Array<{ number: string; passRate: number | null }> }>(
          'GET',
          '/api/v1/inspections/templates/daily-check/trend',
        );
        expect(trend.body.runs.map((r) => r.number)).toEqual([second.body.number, run.number]);
        // the first: normal 2 (memory, clearing file) of 6 with a result
        expect(trend.body.runs[1]!.passRate).toBeCloseTo(2 / 6);
        const history = await s.api<{ points: Array<{ number: string; value: number | null }> }>(
          'GET',
          '/api/v1/inspections/templates/daily-check/items/memory-present/history',
        );
        expect(history.body.points).toHaveLength(2);
        const cmp = await s.api<{
          items: Array<{
            key: string;
            a: { status: string } | null;
            b: { status: string } | null;
            changed: boolean;
          }>;
        }>('GET', `/api/v1/inspections/runs/compare?a=${run.number}&b=${second.body.number}`);
        expect(cmp.body.items.find((i) => i.key === 'engine-logs')).toMatchObject({
          a: { status: 'abnormal' },
          b: { status: 'pending' },
          changed: true,
        });
      });
    });
  },
);
