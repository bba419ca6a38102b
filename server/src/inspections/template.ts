import { createHash } from 'node:crypto';
import { ConfigError, parseConfigText } from '@opsdesk/runtime';
import { z } from 'zod';

/**
 * An inspection template (巡检模板) as code: the YAML a team keeps in provisioning/inspections/ and
 * the definition the server stores per version. Items are grouped in layers; each is a metric
 * check (PromQL against thresholds), a configuration check (every series a PromQL query returns
 * is a finding) or a manual checklist item an engineer completes.
 */
export const LAYERS = ['infrastructure', 'network', 'middleware', 'application', 'business'] as const;
export type Layer = (typeof LAYERS)[number];
export const COMPARISONS = ['>', '>=', '<', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const UNITS = ['ratio', 'percent', 'seconds', 'bytes', 'count', 'none'] as const;

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'expected 1-63 lowercase letters, digits or dashes, e.g. daily-trading',
  );
const title = z.string().trim().min(1).max(200);
const promql = z.string().trim().min(1).max(4000);
/** label → what the report calls it (instance → 主机); the labels listed are the ones shown */
const labelAliases = z
  .record(
    z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'expected a Prometheus label name'),
    z.string().min(1).max(50),
  )
  .default({});

const metricItem = z
  .strictObject({
    key: slug,
    title,
    description: z.string().max(2000).optional(),
    kind: z.literal('metric'),
    query: promql,
    /** a series fails when `value comparison threshold` */
    comparison: z.enum(COMPARISONS),
    warning: z.number().finite().optional(),
    critical: z.number().finite().optional(),
    unit: z.enum(UNITS).default('none'),
    labels: labelAliases,
    /** what an empty result means; by default an error (the query matched nothing: a renamed metric, a target gone) */
    no_data: z.enum(['normal', 'warning', 'critical', 'error']).default('error'),
  })
  .refine((i) => i.warning !== undefined || i.critical !== undefined, {
    message: 'a metric item needs a warning or a critical threshold (or both)',
    path: ['warning'],
  })
  .refine(
    (i) =>
      i.warning === undefined ||
      i.critical === undefined ||
      (i.comparison.startsWith('>') ? i.critical >= i.warning : i.critical <= i.warning),
    { message: 'critical must be at least as far past the comparison as warning', path: ['critical'] },
  );

const configurationItem = z.strictObject({
  key: slug,
  title,
  description: z.string().max(2000).optional(),
  kind: z.literal('configuration'),
  /** every series the query returns is a finding, e.g. opsdesk_host_reboot_required == 1 */
  query: promql,
  severity: z.enum(['warning', 'critical']),
  labels: labelAliases,
});

const manualItem = z.strictObject({
  key: slug,
  title,
  description: z.string().max(2000).optional(),
  kind: z.literal('manual'),
  guidance: z.string().max(4000).optional(),
  evidence_required: z.boolean().default(false),
});

export const itemSchema = z.discriminatedUnion('kind', [metricItem, configurationItem, manualItem]);
export type TemplateItem = z.output<typeof itemSchema>;
export type MetricItem = Extract<TemplateItem, { kind: 'metric' }>;
export type ConfigurationItem = Extract<TemplateItem, { kind: 'configuration' }>;

export const templateDefinitionSchema = z
  .strictObject({
    key: slug,
    title,
    description: z.string().max(4000).optional(),
    client: z.string().max(200).optional(),
    system: z.string().max(200).optional(),
    layers: z
      .array(z.strictObject({ layer: z.enum(LAYERS), items: z.array(itemSchema).min(1).max(200) }))
      .min(1)
      .max(LAYERS.length),
  })
  .superRefine((t, ctx) => {
    const layers = new Set<string>();
    const keys = new Set<string>();
    t.layers.forEach((l, i) => {
      if (layers.has(l.layer))
        ctx.addIssue({
          code: 'custom',
          path: ['layers', i, 'layer'],
          message: `layer ${l.layer} appears twice; merge its items`,
        });
      layers.add(l.layer);
      l.items.forEach((item, j) => {
        if (keys.has(item.key))
          ctx.addIssue({
            code: 'custom',
            path: ['layers', i, 'items', j, 'key'],
            message: `item key ${item.key} appears twice in the template; keys name an item across versions, keep them unique`,
          });
        keys.add(item.key);
      });
    });
  });
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>;

/** The items in report order, with their layer. */
export function itemsOf(def: TemplateDefinition): Array<TemplateItem & { layer: Layer; position: number }> {
  let position = 0;
  return def.layers.flatMap((l) =>
    l.items.map((item) => ({ ...item, layer: l.layer, position: position++ })),
  );
}

/** A template's YAML, validated; problems name the line and the path (`daily.yml:14: layers[0].items[1].warning: …`). */
export function parseTemplateYaml(text: string, name = 'template.yml'): TemplateDefinition {
  // no environment substitution: a template is data, not deployment configuration
  return parseConfigText(text, name, templateDefinitionSchema, {});
}

export { ConfigError as TemplateError };

/** The definition's canonical JSON hash: an import whose definition is unchanged adds no version. */
export function definitionHash(def: TemplateDefinition): string {
  return createHash('sha256').update(JSON.stringify(def)).digest('hex');
}

/** The definition as YAML (GET …/export), the form kept in provisioning/inspections/. */
export function templateToYaml(def: TemplateDefinition): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof import('yaml');
  return yaml.stringify(def, { lineWidth: 0 });
}
