import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import {
  describeWithPrograms,
  freePort,
  program,
  startService,
  waitFor,
  type RunningService,
} from '@opsdesk/testing';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppContext } from '../context';
import { webhookPayload } from '../testing/alerts';
import { channelSchema, type ChannelConfig } from './config';
import { bridgeEvents } from './routes';
import { renderMessage, TemplateError, type RenderOptions } from './templates';
import { renderMarkdown } from './templates/markdown';
import { EVENT_KINDS, type EventKind, type Language, type NotifyEvent, type Rendered } from './types';

const REPO = path.resolve(__dirname, '../../..');
const AT = Date.parse('2026-12-01T02:05:00Z');
const OCCURRED = '2026-12-01T01:00:00Z'; // 1 h 5 min before AT; 09:00 in Shanghai
const GRAFANA = 'https://grafana.example.cn/grafana/';
const AM = 'http://am.example.cn:9093';

const channel = (language: Language, extra: Record<string, unknown> = {}): ChannelConfig =>
  channelSchema.parse({ name: 'ops-wecom', type: 'wecom', language, webhook_url: { env: 'X' }, ...extra });
const opts = (extra: Partial<RenderOptions> = {}): RenderOptions => ({
  grafanaUrl: GRAFANA,
  alertmanagerUrl: AM,
  mentions: [],
  baseDir: REPO,
  ...extra,
});

const alertLabels = {
  alertname: 'TradeGatewayDown',
  severity: 'critical',
  service: 'gateway',
  instance: 'gw-1:9742',
};
const apiAlert = {
  fingerprint: 'f1',
  startsAt: OCCURRED,
  endsAt: null,
  status: 'firing',
  alertname: 'TradeGatewayDown',
  labels: alertLabels,
  annotations: { summary: 'Gateway gw-1 down', value: '0 sessions' },
  runbookUrl: 'https://wiki.example.cn/runbooks/gateway',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up%3D%3D0',
  lastSeenAt: OCCURRED,
};
const incident = (status: string, resolvedAt: string | null = null) => ({
  id: '7d0c1b9e-0000-4000-8000-000000000042',
  number: 'INC-2026-0042',
  title: '交易网关不可用',
  severity: 'P1',
  status,
  service: 'gateway',
  source: 'alertmanager',
  labels: { alertname: 'TradeGatewayDown', service: 'gateway' },
  symptom: '参与方无法下单',
  occurredAt: OCCURRED,
  detectedAt: OCCURRED,
  resolvedAt,
});

const incidentEvent = (kind: EventKind, extra: Record<string, unknown> = {}): NotifyEvent => {
  const resolved = kind === 'incident.resolved';
  return {
    kind,
    key: 'INC-2026-0042',
    // as enqueueIncidentEvent (outbox.ts) gives them
    phase: resolved ? 'resolved' : kind === 'incident.acknowledged' ? 'info' : 'firing',
    severity: 'P1',
    service: 'gateway',
    at: AT,
    data: {
      incident: incident(resolved ? 'resolved' : 'triggered', resolved ? '2026-12-01T02:05:00Z' : null),
      alerts: [
        resolved
          ? {
              ...apiAlert,
              status: 'resolved',
              endsAt: '2026-12-01T02:05:00Z',
              annotations: { ...apiAlert.annotations, recovery_value: '812 sessions' },
            }
          : apiAlert,
      ],
      actor: 'zhang.san',
      ...extra,
    },
  };
};

const groupEvent = (status: 'firing' | 'resolved', key = 'g1'): NotifyEvent => {
  const payload = webhookPayload({ alertname: 'TradeGatewayDown' }, [
    {
      labels: { ...alertLabels, instance: 'gw-1:9742' },
      annotations: {
        summary: 'Gateway gw-1 down',
        value: '0 sessions',
        runbook_url: 'https://wiki.example.cn/runbooks/gateway',
        ...(status === 'resolved' ? { recovery_value: '812 sessions' } : {}),
      },
      startsAt: OCCURRED,
      status,
      ...(status === 'resolved' ? { endsAt: '2026-12-01T02:00:00Z' } : {}),
    },
    {
      labels: { ...alertLabels, instance: 'gw-2:9742' },
      annotations: { summary: 'Gateway gw-2 down', value: '3 sessions' },
      startsAt: '2026-12-01T01:50:00Z',
      status,
      ...(status === 'resolved' ? { endsAt: '2026-12-01T02:00:00Z' } : {}),
    },
    // the other phase, in the same body: never in this message
    {
      labels: { ...alertLabels, instance: 'gw-9:9742' },
      annotations: { summary: 'Gateway gw-9 other phase', value: '99 sessions' },
      startsAt: OCCURRED,
      status: status === 'firing' ? 'resolved' : 'firing',
      ...(status === 'firing' ? { endsAt: '2026-12-01T01:30:00Z' } : {}),
    },
  ]);
  return { kind: 'alert.group', key, phase: status, severity: 'P1', at: AT, data: payload };
};

/** For each kind: an event, and what its message must say (values from the event, not the output). */
const CASES: Record<EventKind, { event: NotifyEvent; says: string[]; buttons: RegExp[] }> = {
  'incident.opened': {
    event: incidentEvent('incident.opened'),
    says: ['INC-2026-0042', '交易网关不可用', 'P1', '0 sessions', '参与方无法下单'],
    buttons: [
      /\/incidents\/INC-2026-0042$/,
      /#\/silences\/new\?filter=/,
      /prometheus:9090\/graph/,
      /runbooks\/gateway$/,
    ],
  },
  'incident.acknowledged': {
    event: incidentEvent('incident.acknowledged'),
    says: ['INC-2026-0042', 'P1', '0 sessions', 'zhang.san'],
    buttons: [/\/incidents\/INC-2026-0042$/, /#\/silences\/new/, /graph/, /runbooks/],
  },
  'incident.escalated': {
    event: incidentEvent('incident.escalated', {
      escalation: { step: 2, steps: 3, notified: ['李四'], uncovered: [{ roster: 'ops', layer: 'backup' }] },
    }),
    says: ['INC-2026-0042', 'P1', '0 sessions', '李四', '2', '3', 'ops/backup'],
    buttons: [/\/incidents\/INC-2026-0042$/, /#\/silences\/new/],
  },
  'incident.resolved': {
    event: incidentEvent('incident.resolved'),
    says: ['INC-2026-0042', '0 sessions', '812 sessions', 'zhang.san'],
    buttons: [/\/incidents\/INC-2026-0042$/, /graph/],
  },
  'incident.reopened': {
    event: incidentEvent('incident.reopened'),
    says: ['INC-2026-0042', 'P1', '0 sessions', 'zhang.san'],
    buttons: [/\/incidents\/INC-2026-0042$/, /#\/silences\/new/],
  },
  'sla.at_risk': {
    // as the SLA tick writes it: the goal beside the incident
    event: incidentEvent('sla.at_risk', { goal: 'response', dueAt: '2026-12-01T02:15:00Z' }),
    says: ['INC-2026-0042', 'P1', '10:15:00'],
    buttons: [/\/incidents\/INC-2026-0042$/],
  },
  'sla.breached': {
    event: incidentEvent('sla.breached', {
      sla: { goal: 'resolution', dueAt: '2026-12-01T01:35:00Z' },
    }),
    says: ['INC-2026-0042', 'P1', '09:35:00'],
    buttons: [/\/incidents\/INC-2026-0042$/],
  },
  'alert.group': {
    event: groupEvent('firing'),
    says: ['TradeGatewayDown', 'gw-1:9742', 'gw-2:9742', '0 sessions', '3 sessions', 'Gateway gw-1 down'],
    buttons: [/#\/silences\/new/, /graph/, /runbooks/],
  },
  'inspection.report_ready': {
    event: {
      kind: 'inspection.report_ready',
      key: 'insp-1',
      phase: 'info',
      at: AT,
      data: {
        title: '2026 年 11 月巡检',
        period: '2026-11',
        findings: 3,
        url: 'https://grafana.example.cn/r/1',
      },
    },
    says: ['2026 年 11 月巡检', '2026-11', '3'],
    buttons: [/\/r\/1$/],
  },
  'backup.failed': {
    event: {
      kind: 'backup.failed',
      key: 'bk-1',
      phase: 'firing',
      severity: 'P2',
      at: AT,
      data: {
        job: 'settlement-db-nightly',
        target: 'db-1',
        error: 'disk full',
        lastSuccessAt: '2026-11-30T18:00:00Z',
      },
    },
    says: ['settlement-db-nightly', 'db-1', 'disk full', 'P2', '2026-12-01 02:00:00'],
    buttons: [],
  },
  'vulnerability.overdue': {
    event: {
      kind: 'vulnerability.overdue',
      key: 'CVE-2026-1234',
      phase: 'firing',
      severity: 'P3',
      at: AT,
      data: { id: 'CVE-2026-1234', title: 'openssl', host: 'gw-1', dueAt: '2026-11-29T02:05:00Z' },
    },
    says: ['CVE-2026-1234', 'openssl', 'gw-1', 'P3'],
    buttons: [],
  },
  'survey.low_score': {
    event: {
      kind: 'survey.low_score',
      key: 's-1',
      phase: 'info',
      at: AT,
      data: {
        score: 2,
        maxScore: 5,
        customer: '某交易中心',
        comment: '响应太慢',
        incident: { number: 'INC-2026-0042' },
      },
    },
    says: ['2', '5', '某交易中心', '响应太慢', 'INC-2026-0042'],
    buttons: [/\/incidents\/INC-2026-0042$/],
  },
  test: {
    event: {
      kind: 'test',
      key: 'test',
      phase: 'info',
      at: AT,
      data: { title: 'OpsDesk test message', actor: 'admin', channel: 'ops-wecom' },
    },
    says: ['ops-wecom', 'admin'],
    buttons: [],
  },
};

/**
 * Alertmanager's UI reading a silence link, ported from its Elm source (v0.35.0, unchanged since
 * 0.25): Parsing.elm splits the fragment at its first `?`; elm/url's query parser splits at `&`
 * and `=` (a parameter with a second raw `=` is dropped) and percent-decodes; Utils/Filter.elm
 * reads `{name op "json string", …}` with a name of anything but spaces and {}!=~,\"'`.
 */
function parseSilenceUrl(url: string) {
  const hash = url.indexOf('#');
  const fragment = url.slice(hash + 1);
  const q = fragment.indexOf('?');
  const route = fragment.slice(0, q);
  const params = new Map<string, string>();
  for (const segment of fragment.slice(q + 1).split('&')) {
    const kv = segment.split('=');
    if (kv.length === 2) params.set(decodeURIComponent(kv[0] as string), decodeURIComponent(kv[1] as string));
  }
  if (route !== '/silences/new') throw new Error(`not the new-silence route: ${route}`);
  const filter = params.get('filter') ?? '';
  const matchers: Array<{ name: string; op: string; value: string }> = [];
  let i = 0;
  const spaces = () => {
    while (i < filter.length && /\s/.test(filter[i] as string)) i++;
  };
  const expect = (t: string) => {
    if (!filter.startsWith(t, i)) throw new Error(`expected ${t} at ${i} in ${filter}`);
    i += t.length;
  };
  expect('{');
  spaces();
  while (filter[i] !== '}') {
    const start = i;
    while (i < filter.length && !/[\s{}!=~,\\"'`]/.test(filter[i] as string)) i++;
    const name = filter.slice(start, i);
    if (!name) throw new Error(`expected a label name at ${i} in ${filter}`);
    const op = ['=~', '!~', '=', '!='].find((o) => filter.startsWith(o, i));
    if (!op) throw new Error(`expected an operator at ${i} in ${filter}`);
    i += op.length;
    const from = i;
    expect('"');
    while (filter[i] !== '"') {
      if (i >= filter.length) throw new Error('unterminated string');
      i += filter[i] === '\\' ? 2 : 1;
    }
    i++;
    matchers.push({ name, op, value: JSON.parse(filter.slice(from, i)) as string });
    spaces();
    if (filter[i] === ',') {
      i++;
      spaces();
    }
  }
  expect('}');
  if (i !== filter.length) throw new Error(`trailing text in ${filter}`);
  return { base: url.slice(0, hash), matchers, comment: params.get('comment') ?? '' };
}

const all = (r: Rendered) => [r.title, ...r.sections].join('\n');
const CJK = /[\u4e00-\u9fff]/;

describe('built-in templates', () => {
  test('cover every event kind', () => {
    expect(Object.keys(CASES).sort()).toEqual([...EVENT_KINDS].sort());
  });

  describe.each(['zh-Hans', 'en'] as const)('in %s', (lang) => {
    test.each(EVENT_KINDS.map((k) => [k]))('%s says its fields and links', (kind) => {
      const { event, says, buttons } = CASES[kind];
      const r = renderMessage([event], channel(lang), opts());
      expect(r.language).toBe(lang);
      expect(r.title).not.toBe('');
      expect(r.title).not.toMatch(/[*\\\n]|\{\{/);
      const text = all(r);
      for (const s of says) expect(text).toContain(s);
      for (const b of buttons) expect(r.buttons.map((x) => x.url)).toContainEqual(expect.stringMatching(b));
      // the words around the values are the channel's language
      const words = text.replace(
        /交易网关不可用|参与方无法下单|李四|2026 年 11 月巡检|某交易中心|响应太慢/g,
        '',
      );
      if (lang === 'en') expect(words).not.toMatch(CJK);
      else expect(r.title).toMatch(CJK);
      // every button is labelled in the language too
      for (const b of r.buttons) expect(CJK.test(b.label)).toBe(lang === 'zh-Hans');
    });
  });

  test('the level is the severity and its colour; resolved is green', () => {
    const colors = (['P1', 'P2', 'P3', 'P4'] as const).map(
      (severity) =>
        renderMessage(
          [
            {
              ...incidentEvent('incident.opened'),
              severity,
              data: { incident: { ...incident('triggered'), severity } },
            },
          ],
          channel('en'),
          opts(),
        ).color,
    );
    expect(colors).toEqual(['red', 'orange', 'yellow', 'blue']);
    const resolved = renderMessage([incidentEvent('incident.resolved')], channel('en'), opts());
    expect(resolved.color).toBe('green');
    expect(resolved.phase).toBe('resolved');
    expect(renderMessage([groupEvent('resolved')], channel('en'), opts()).color).toBe('green');
  });

  test('how long it lasted, in each language, from the event time (not the wall clock)', () => {
    expect(all(renderMessage([incidentEvent('incident.opened')], channel('zh-Hans'), opts()))).toContain(
      '1 小时 5 分钟',
    );
    const en = all(renderMessage([incidentEvent('incident.opened')], channel('en'), opts()));
    expect(en).toContain('1h 5m');
    // times in the team's zone by default, another when asked
    expect(en).toContain('2026-12-01 09:00:00 UTC+8');
    expect(
      all(renderMessage([incidentEvent('incident.opened')], channel('en'), opts({ timeZone: 'UTC' }))),
    ).toContain('2026-12-01 01:00:00 UTC');
  });

  test('the incident link is the app page Grafana serves: plugin id and route from the app itself', () => {
    const plugin = JSON.parse(readFileSync(path.join(REPO, 'grafana-app/src/plugin.json'), 'utf8')) as {
      id: string;
    };
    const app = readFileSync(path.join(REPO, 'grafana-app/src/components/App.tsx'), 'utf8');
    const constants = readFileSync(path.join(REPO, 'grafana-app/src/constants.ts'), 'utf8');
    expect(app).toContain('path={`${ROUTES.Incidents}/:id`}');
    const route = /Incidents = '([^']+)'/.exec(constants)?.[1];
    const r = renderMessage([incidentEvent('incident.opened')], channel('en'), opts());
    expect(r.buttons[0]?.url).toBe(
      `https://grafana.example.cn/grafana/a/${plugin.id}/${route}/INC-2026-0042`,
    );
  });

  test('alert.group: one section per alert of the phase, the other phase never', () => {
    for (const phase of ['firing', 'resolved'] as const) {
      const r = renderMessage([groupEvent(phase)], channel('en'), opts());
      const alertSections = r.sections.filter((s) => s.includes('**TradeGatewayDown**'));
      expect(alertSections).toHaveLength(2);
      // what the alerts share is said once, before them; each shows the label that tells it apart
      expect(r.sections[0]).toMatch(
        /^\*\*Common labels:\*\* alertname=TradeGatewayDown, service=gateway, severity=critical$/,
      );
      expect(alertSections.every((x) => !x.includes('severity=critical'))).toBe(true);
      expect(alertSections[0]).toContain('gw-1:9742');
      expect(alertSections[1]).toContain('gw-2:9742');
      expect(all(r)).not.toContain('gw-9');
      expect(r.title).toContain('(2)');
    }
    const resolved = all(renderMessage([groupEvent('resolved')], channel('zh-Hans'), opts()));
    expect(resolved).toContain('812 sessions'); // the recovery value
    expect(resolved).toContain('1 小时'); // 01:00 → 02:00
  });

  test("a Chinese channel reads the rules' summary_zh and description_zh; an English one summary and description", () => {
    const event = groupEvent('firing');
    const body = event.data as { alerts: Array<{ annotations: Record<string, string> }> };
    for (const a of body.alerts)
      Object.assign(a.annotations, {
        summary_zh: `网关 ${a.annotations.summary?.slice(8, 12)} 不可用`,
        description: 'No sessions for 5 minutes',
        description_zh: '5 分钟没有会话',
      });
    const zh = all(renderMessage([event], channel('zh-Hans'), opts()));
    expect(zh).toContain('网关 gw-1 不可用');
    expect(zh).toContain('5 分钟没有会话');
    expect(zh).not.toContain('Gateway gw-1 down');
    const en = all(renderMessage([event], channel('en'), opts()));
    expect(en).toContain('Gateway gw-1 down');
    expect(en).toContain('No sessions for 5 minutes');
    expect(en).not.toContain('5 分钟没有会话');
  });

  test("the bridge's events (POST /api/v1/alertmanager/notify) render one message per phase", () => {
    const ctx = {
      config: {
        incidents: {
          severity_map: { critical: 'P1', warning: 'P3' },
          default_severity: 'P4',
          service_label: 'service',
        },
      },
      now: () => AT,
    } as unknown as AppContext;
    const body = groupEvent('firing').data as Parameters<typeof bridgeEvents>[2];
    const events = bridgeEvents(ctx, 'ops-wecom', body);
    expect(events.map((e) => e.phase)).toEqual(['firing', 'resolved']);
    const [firing, resolved] = events.map((e) => renderMessage([e], channel('zh-Hans'), opts()));
    expect(firing?.color).toBe('red');
    expect(all(firing as Rendered)).toContain('gw-1:9742');
    expect(all(firing as Rendered)).not.toContain('gw-9');
    expect(resolved?.color).toBe('green');
    expect(all(resolved as Rendered)).toContain('gw-9');
    expect(all(resolved as Rendered)).not.toContain('gw-1:9742');
  });

  test('the silence button opens the form with every label of the alerts, as Alertmanager parses it', () => {
    const tricky = {
      alertname: 'DiskFull',
      instance: 'db-1:9741',
      mountpoint: '/data "hot", {x}=~y\\z',
      team: '结算',
    };
    const event = groupEvent('firing');
    const data = event.data as ReturnType<typeof webhookPayload>;
    data.alerts = data.alerts.slice(0, 1).map((a) => ({ ...a, labels: tricky }));
    data.commonLabels = tricky;
    const r = renderMessage([event], channel('zh-Hans'), opts());
    const silence = r.buttons.find((b) => b.url.includes('silences'));
    expect(silence).toBeDefined();
    const parsed = parseSilenceUrl(silence?.url as string);
    expect(parsed.base).toBe(`${AM}/`);
    expect(parsed.matchers).toEqual(
      Object.entries(tricky)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, value]) => ({ name, op: '=', value })),
    );
    expect(parsed.comment).toContain('1h');
    // the link as the channels write a button in Markdown survives it: ( ) in the comment never end it
    const href = /href="([^"]*silences[^"]*)"/
      .exec(renderMarkdown(`[${silence?.label}](${silence?.url})`).html)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(parseSilenceUrl(href as string).matchers).toEqual(parsed.matchers);
    expect(parseSilenceUrl(href as string).comment).toBe(parsed.comment);
    // an incident's silence: the labels its firing alerts share
    const inc = renderMessage([incidentEvent('incident.opened')], channel('en'), opts());
    const incSilence = parseSilenceUrl(inc.buttons.find((b) => b.url.includes('silences'))?.url as string);
    expect(incSilence.matchers).toEqual(
      Object.entries(alertLabels)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, value]) => ({ name, op: '=', value })),
    );
    expect(incSilence.comment).toContain('INC-2026-0042');
    // a resolved message has nothing to silence
    expect(
      renderMessage([incidentEvent('incident.resolved')], channel('en'), opts()).buttons.map((b) => b.url),
    ).not.toContainEqual(expect.stringContaining('silences'));
  });
});

describe('aggregation', () => {
  test('an incident opened then acknowledged: one title saying how many, sections in order', () => {
    for (const lang of ['zh-Hans', 'en'] as const) {
      const r = renderMessage(
        [incidentEvent('incident.opened'), { ...incidentEvent('incident.acknowledged'), at: AT + 60_000 }],
        channel(lang),
        opts(),
      );
      expect(r.title).toMatch(/^2\D/);
      const single = (k: EventKind) => renderMessage([incidentEvent(k)], channel(lang), opts()).title;
      expect(r.title).toContain(single('incident.acknowledged'));
      const texts = r.sections.map((s) => renderMarkdown(s).text);
      const opened = texts.findIndex((s) => s.startsWith(single('incident.opened')));
      const acked = texts.findIndex((s) => s.startsWith(single('incident.acknowledged')));
      expect(opened).toBeGreaterThanOrEqual(0);
      expect(acked).toBeGreaterThan(opened);
      // the same link once
      expect(new Set(r.buttons.map((b) => b.url)).size).toBe(r.buttons.length);
    }
  });

  test("one group's later notification supersedes the earlier; two groups are two parts", () => {
    const early = groupEvent('firing');
    const late = groupEvent('firing');
    (late.data as ReturnType<typeof webhookPayload>).alerts[0]!.annotations = {
      summary: 'later',
      value: '42 sessions',
    };
    const one = renderMessage([early, late], channel('en'), opts());
    expect(one.title).not.toMatch(/^2 /);
    expect(all(one)).toContain('42 sessions');
    expect(all(one)).not.toContain('0 sessions');
    // what a forwarding channel (the webhook) sends as data: the events shown, not the superseded
    expect(one.events).toEqual([late]);
    const two = renderMessage([early, groupEvent('firing', 'g2')], channel('en'), opts());
    expect(two.title).toMatch(/^2 notifications · /);
    expect(two.events?.map((e) => e.key)).toEqual(['g1', 'g2']);
  });

  test('mentions are the recipients passed, each once', () => {
    const zs = { id: 'zhangsan', name: '张三', wecomUserId: 'ZhangSan', language: 'zh-Hans' as const };
    const ls = { id: 'lisi', name: '李四', language: 'zh-Hans' as const };
    const r = renderMessage(
      [incidentEvent('incident.escalated')],
      channel('zh-Hans'),
      opts({ mentions: [zs, ls, zs] }),
    );
    expect(r.mentions).toEqual([zs, ls]);
  });
});

describe('escaping', () => {
  test('Markdown in labels and annotations is shown as written and opens nothing', () => {
    const hostile = '*bold* _em_ [click](https://evil.example/) <at id=all></at> `code` # heading\n- item';
    const event = incidentEvent('incident.opened');
    const data = event.data as { incident: Record<string, unknown>; alerts: Array<Record<string, unknown>> };
    data.incident.title = hostile;
    data.alerts = [
      {
        ...apiAlert,
        annotations: { summary: hostile, value: '<b>1</b>' },
        runbookUrl: 'javascript:alert(1)',
      },
    ];
    const r = renderMessage([event], channel('en'), opts());
    for (const section of r.sections) {
      const { text, html } = renderMarkdown(section);
      expect(html).not.toMatch(/<at|<b>|href="https:\/\/evil|<code>|<h\d|<li>item/);
      expect(section).not.toMatch(/(^|[^\\])\[click\]|<at/);
      if (section.includes('heading')) expect(text).toContain(hostile.replace('\n', ' '));
    }
    expect(r.title).toContain('*bold* _em_ [click](https://evil.example/) <at id=all></at>');
    // a runbook that is not a web link is no button
    expect(r.buttons.map((b) => b.url)).not.toContainEqual(expect.stringContaining('javascript'));
  });
});

describe('per-channel templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('<kind>.<lang>.hbs in the folder replaces the built-in one; other kinds stay built-in', () => {
    writeFileSync(
      path.join(dir, 'incident.opened.en.hbs'),
      '{{#title}}Custom {{incident.number}}{{/title}}\n{{#section}}Custom body {{incident.title}} {{level.text}}{{/section}}\n{{button "Open" links.incident}}\n{{button "Evil" "javascript:alert(1)"}}{{links "Evil" "javascript:alert(2)"}}\n',
    );
    const ch = channel('en', { templates: path.basename(dir) });
    const r = renderMessage([incidentEvent('incident.opened')], ch, opts({ baseDir: path.dirname(dir) }));
    expect(r.title).toBe('Custom INC-2026-0042');
    expect(r.sections).toEqual(['Custom body 交易网关不可用 P1']);
    expect(r.buttons).toEqual([{ label: 'Open', url: expect.stringContaining('/incidents/INC-2026-0042') }]);
    const acked = renderMessage(
      [incidentEvent('incident.acknowledged')],
      ch,
      opts({ baseDir: path.dirname(dir) }),
    );
    expect(acked.title).toContain('INC-2026-0042');
    expect(acked.title).not.toContain('Custom');
    // zh-Hans channels keep the built-in zh-Hans one
    const zh = renderMessage(
      [incidentEvent('incident.opened')],
      channel('zh-Hans', { templates: dir }),
      opts(),
    );
    expect(zh.title).not.toContain('Custom');
  });

  test("the README's example is a working override", () => {
    const readme = readFileSync(path.join(__dirname, 'templates/README.md'), 'utf8');
    const example = /Example, `([^`]+)`:\n\n```handlebars\n([\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    writeFileSync(path.join(dir, example?.[1] as string), example?.[2] as string);
    const r = renderMessage([incidentEvent('incident.opened')], channel('en', { templates: dir }), opts());
    expect(r.title).toBe('[P1] INC-2026-0042 交易网关不可用');
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]).toContain('1h 5m');
    expect(r.sections[0]).toContain('0 sessions');
    expect(r.buttons.map((b) => b.label)).toEqual(['Open', 'Silence 1 h']);
  });

  test('an edited template is used at the next message', () => {
    const file = path.join(dir, 'test.en.hbs');
    writeFileSync(file, '{{#title}}first{{/title}}');
    const ch = channel('en', { templates: dir });
    expect(renderMessage([CASES.test.event], ch, opts()).title).toBe('first');
    writeFileSync(file, '{{#title}}second version{{/title}}');
    utimesSync(file, new Date(AT), new Date(AT + 1000));
    expect(renderMessage([CASES.test.event], ch, opts()).title).toBe('second version');
  });

  test.each([
    [
      'a block closed by the wrong name',
      '{{#title}}x{{/title}}\n{{#section}}\nline {{#if value}}two{{/each}}\n{{/section}}\n',
      3,
    ],
    ['a broken expression', '{{#title}}x{{/title}}\n\n{{incident.}}\n', 3],
    ['an unknown helper', '{{#title}}x{{/title}}\n\n{{shout incident.title}}\n', 3],
  ])('%s is a configuration error naming the file and the line', (_what, source, line) => {
    const file = path.join(dir, 'incident.opened.zh-Hans.hbs');
    writeFileSync(file, source);
    let error: unknown;
    try {
      renderMessage([incidentEvent('incident.opened')], channel('zh-Hans', { templates: dir }), opts());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe(file);
    expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}: `));
  });

  test('a file name OpsDesk does not use, or a missing folder, is a configuration error too', () => {
    writeFileSync(path.join(dir, 'incident.open.zh-Hans.hbs'), 'x');
    expect(() =>
      renderMessage([incidentEvent('incident.opened')], channel('zh-Hans', { templates: dir }), opts()),
    ).toThrow(
      /incident\.open\.zh-Hans\.hbs: not a template name OpsDesk uses; expected <event kind>\.<language>\.hbs/,
    );
    expect(() =>
      renderMessage(
        [incidentEvent('incident.opened')],
        channel('zh-Hans', { templates: path.join(dir, 'nope') }),
        opts(),
      ),
    ).toThrow(/notify\.channels\[ops-wecom\]\.templates: cannot read the folder .*nope: ENOENT/);
  });
});

/**
 * The real Alertmanager (the current release scripts/go-tools.sh builds; Debian's 0.25 if not):
 * the matchers the link carries, sent as its form sends them — the preview as `filter=` query
 * parameters (Utils/Filter.elm generateAPIQueryString), the silence as API matchers — find and
 * silence exactly the alert the message was about. The form itself is not rendered here: neither
 * binary on this machine carries the web UI (Debian ships "no-ui", go-tools.sh builds without it),
 * so the parse above stands in for its Elm parser.
 */
describeWithPrograms(
  { 'prometheus-alertmanager': 'prometheus-alertmanager' },
  'the silence link against the real Alertmanager',
  () => {
    let dir: string;
    let am: RunningService;
    let amUrl: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-am-silence-'));
      writeFileSync(
        path.join(dir, 'alertmanager.yml'),
        'route:\n  receiver: none\nreceivers:\n  - name: none\n',
      );
      const port = await freePort();
      amUrl = `http://127.0.0.1:${port}`;
      am = await startService({
        command: program('prometheus-alertmanager'),
        args: [
          `--config.file=${path.join(dir, 'alertmanager.yml')}`,
          `--storage.path=${path.join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        readyUrl: `${amUrl}/-/ready`,
      });
    });
    afterAll(async () => {
      await am?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the preview finds the alert and the silence mutes it, and only it', async () => {
      const labels = {
        alertname: 'DiskFull',
        instance: 'db-1:9741',
        mountpoint: '/data "hot", {x}=~y\\z',
        team: '结算',
      };
      const neighbour = { ...labels, instance: 'db-2:9741' };
      const now = Date.now();
      const post = await fetch(`${amUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          [labels, neighbour].map((l) => ({
            labels: l,
            annotations: { summary: 'disk full' },
            startsAt: new Date(now - 60_000).toISOString(),
            endsAt: new Date(now + 3_600_000).toISOString(),
            generatorURL: 'http://prometheus:9090/graph',
          })),
        ),
      });
      expect(post.status).toBe(200);

      const event = groupEvent('firing');
      const data = event.data as ReturnType<typeof webhookPayload>;
      data.alerts = data.alerts.slice(0, 1).map((a) => ({ ...a, labels }));
      data.commonLabels = labels; // one alert: Alertmanager's common labels are its labels
      const r = renderMessage([event], channel('zh-Hans'), opts({ alertmanagerUrl: amUrl }));
      const silence = r.buttons.find((b) => b.url.includes('silences'));
      const href = /href="([^"]*silences[^"]*)"/
        .exec(renderMarkdown(`[${silence?.label}](${silence?.url})`).html)?.[1]
        ?.replace(/&amp;/g, '&');
      const { base, matchers } = parseSilenceUrl(href as string);
      expect(base).toBe(`${amUrl}/`);

      type AmAlert = { labels: Record<string, string>; status: { state: string; silencedBy: string[] } };
      const query = matchers.map(
        (m) => `filter=${encodeURIComponent(`${m.name}${m.op}${JSON.stringify(m.value)}`)}`,
      );
      const preview = await waitFor(
        'the posted alerts',
        async () => {
          const res = await fetch(`${amUrl}/api/v2/alerts?${query.join('&')}`);
          expect(res.status).toBe(200);
          const found = (await res.json()) as AmAlert[];
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 100 },
      );
      expect(preview.map((a) => a.labels)).toEqual([labels]);

      const created = await fetch(`${amUrl}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: matchers.map((m) => ({ name: m.name, value: m.value, isRegex: false, isEqual: true })),
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
          createdBy: 'opsdesk-test',
          comment: parseSilenceUrl(href as string).comment,
        }),
      });
      expect(created.status).toBe(200);
      const { silenceID } = (await created.json()) as { silenceID: string };
      const states = await waitFor(
        'the silence applied',
        async () => {
          const all = (await (
            await fetch(`${amUrl}/api/v2/alerts?silenced=true&active=true`)
          ).json()) as AmAlert[];
          const muted = all.find((a) => a.labels.instance === 'db-1:9741');
          return muted?.status.state === 'suppressed' ? all : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 100 },
      );
      const byInstance = Object.fromEntries(states.map((a) => [a.labels.instance, a.status]));
      expect(byInstance['db-1:9741']).toEqual(
        expect.objectContaining({ state: 'suppressed', silencedBy: [silenceID] }),
      );
      expect(byInstance['db-2:9741']).toEqual(expect.objectContaining({ state: 'active', silencedBy: [] }));
    });
  },
);
