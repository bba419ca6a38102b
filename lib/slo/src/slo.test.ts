import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { generate, sloRules, sloSchema } from './index';

const ROOT = path.join(__dirname, '..', '..', '..');

test('the committed rules/slo-*.rules.yml are what provisioning/slo generates (npm run generate -w lib/slo)', () => {
  const generated = generate(path.join(ROOT, 'provisioning', 'slo'));
  expect(generated.size).toBeGreaterThan(0);
  for (const [file, text] of generated) {
    expect([
      file,
      readFileSync(path.join(ROOT, 'provisioning', 'prometheus', 'rules', file), 'utf8'),
    ]).toEqual([file, text]);
  }
});

test('recording rules for every window, budget rules, and a page and a ticket alert', () => {
  const slo = sloSchema.parse({
    name: 'gateway-orders',
    service: 'gateway',
    objective: 0.999,
    sli: {
      error_query: 'sum(rate(orders_failed_total[{{window}}]))',
      total_query: 'sum(rate(orders_total[{{window}}]))',
    },
  });
  const { groups } = sloRules(slo);
  const records = groups[0]!.rules.map((r) => ('record' in r ? r.record : ''));
  expect(records).toEqual([
    ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:sli_error:ratio_rate${w}`),
    'slo:objective:ratio',
    'slo:error_budget:ratio',
    'slo:error_budget_remaining:ratio_rate30d',
  ]);
  const [page, ticket] = groups[1]!.rules as Array<{
    alert: string;
    expr: string;
    labels: { severity: string };
  }>;
  expect(page).toMatchObject({ alert: 'GatewayOrdersErrorBudgetBurnFast', labels: { severity: 'critical' } });
  expect(page!.expr).toContain('slo:sli_error:ratio_rate1h{slo="gateway-orders"} > (14.4 * 0.001)');
  expect(page!.expr).toContain('slo:sli_error:ratio_rate30m{slo="gateway-orders"} > (6 * 0.001)');
  expect(ticket).toMatchObject({
    alert: 'GatewayOrdersErrorBudgetBurnSlow',
    labels: { severity: 'warning' },
  });
  expect(ticket!.expr).toContain('slo:sli_error:ratio_rate3d{slo="gateway-orders"} > (1 * 0.001)');
});

test('a bad SLO file is refused with the path and the reason', () => {
  expect(() =>
    parseConfigText(
      'name: x\nservice: s\nobjective: 99.9\nsli: { error_query: "a", total_query: "b[{{window}}]" }\n',
      'bad.yml',
      sloSchema,
    ),
  ).toThrow(/bad\.yml:3: objective: .*\n.*bad\.yml:4: sli\.error_query: must contain \{\{window\}\}/);
});
