import { readdirSync } from 'node:fs';
import path from 'node:path';
import { duration, formatDuration, loadConfigFile } from '@opsdesk/runtime';
import { stringify } from 'yaml';
import { z } from 'zod';

/** One SLO: the SLI as an error query and a total query, each with `{{window}}` where the range goes. */
export const sloSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a lowercase name with dashes, e.g. host-scrape-availability'),
  service: z.string().min(1),
  description: z.string().default(''),
  /** the description in Chinese (zh-Hans), for the alerts' `description_zh` */
  description_zh: z.string().default(''),
  objective: z.number().gt(0.5).lt(1),
  period: duration({ min: '1d' }).default(30 * 86_400_000),
  sli: z.strictObject({
    error_query: z
      .string()
      .includes('{{window}}', { message: 'must contain {{window}} where the range goes' }),
    total_query: z
      .string()
      .includes('{{window}}', { message: 'must contain {{window}} where the range goes' }),
  }),
});
export type Slo = z.output<typeof sloSchema>;

export const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** Multi-window, multi-burn-rate alerts for a 30-day period (Google SRE workbook, chapter 5). */
export const BURN_ALERTS = [
  {
    kind: 'page',
    severity: 'critical',
    pairs: [
      ['1h', '5m', 14.4],
      ['6h', '30m', 6],
    ],
  },
  {
    kind: 'ticket',
    severity: 'warning',
    pairs: [
      ['1d', '2h', 3],
      ['3d', '6h', 1],
    ],
  },
] as const;

const camel = (name: string) => name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

/** The rule file of one SLO, as the object promtool and Prometheus read. */
export function sloRules(slo: Slo) {
  const sel = `{slo="${slo.name}"}`;
  const budget = +(1 - slo.objective).toPrecision(6);
  const periodWindow = formatDuration(slo.period);
  const ratio = (w: string) =>
    `(${slo.sli.error_query.replaceAll('{{window}}', w)})\n/\n(${slo.sli.total_query.replaceAll('{{window}}', w)})`;
  const recording = [...WINDOWS, ...(WINDOWS.includes(periodWindow as never) ? [] : [periodWindow])].map(
    (w) => ({
      record: `slo:sli_error:ratio_rate${w}`,
      expr: ratio(w),
      labels: { slo: slo.name, service: slo.service },
    }),
  );
  const budgetRules = [
    {
      record: 'slo:objective:ratio',
      expr: `vector(${slo.objective})`,
      labels: { slo: slo.name, service: slo.service },
    },
    {
      record: 'slo:error_budget:ratio',
      expr: `vector(${budget})`,
      labels: { slo: slo.name, service: slo.service },
    },
    {
      record: `slo:error_budget_remaining:ratio_rate${periodWindow}`,
      expr: `1 - slo:sli_error:ratio_rate${periodWindow}${sel} / on (slo) slo:error_budget:ratio${sel}`,
      labels: { service: slo.service },
    },
  ];
  const alerts = BURN_ALERTS.map((a) => {
    const name = `${camel(slo.name)}ErrorBudgetBurn${a.kind === 'page' ? 'Fast' : 'Slow'}`;
    return {
      alert: name,
      expr: a.pairs
        .map(
          ([long, short, factor]) =>
            `(slo:sli_error:ratio_rate${long}${sel} > (${factor} * ${budget}) and slo:sli_error:ratio_rate${short}${sel} > (${factor} * ${budget}))`,
        )
        .join('\nor\n'),
      labels: { severity: a.severity, slo: slo.name, service: slo.service },
      annotations: {
        summary: `${slo.service}: error budget of ${slo.name} burning ${a.kind === 'page' ? 'fast' : 'slowly'}`,
        description:
          `${a.kind === 'page' ? 'At this rate' : 'At a sustained rate'} the ${slo.objective * 100} % objective over ${periodWindow} is missed${a.kind === 'page' ? ' within days' : ''}: burn rate above ${a.pairs.map((p) => `${p[2]}× over ${p[0]} and ${p[1]}`).join(', or ')}. ${slo.description}`.trim(),
        summary_zh: `${slo.service}：${slo.name} 的错误预算${a.kind === 'page' ? '消耗过快' : '持续消耗'}`,
        description_zh:
          `${a.kind === 'page' ? '按当前速率' : '按持续速率'}，${periodWindow} 内 ${slo.objective * 100} % 的目标将${a.kind === 'page' ? '在数天内' : ''}无法达成：燃烧率${a.pairs.map((p) => `在 ${p[0]} 和 ${p[1]} 内均高于 ${p[2]} 倍`).join('，或')}。${slo.description_zh}`.trim(),
        runbook_url: `https://github.com/opsdesk/opsdesk/blob/main/docs/runbooks.md#${name.toLowerCase()}`,
      },
    };
  });
  return {
    groups: [
      { name: `slo-${slo.name}-recording`, rules: [...recording, ...budgetRules] },
      { name: `slo-${slo.name}-alerts`, rules: alerts },
    ],
  };
}

const HEADER =
  '# Generated from provisioning/slo by `npm run generate -w lib/slo`: edit the SLO file, not this one.\n';

/** rules/slo-<name>.rules.yml for every provisioning/slo/*.yml. */
export function generate(sloDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(sloDir)
    .filter((f) => f.endsWith('.yml'))
    .sort()) {
    const slo = loadConfigFile(path.join(sloDir, file), sloSchema);
    out.set(`slo-${slo.name}.rules.yml`, HEADER + stringify(sloRules(slo), { lineWidth: 0 }));
  }
  return out;
}
