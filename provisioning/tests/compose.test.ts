/**
 * No Docker engine runs here, so the compose file is checked statically: against the Compose
 * Specification's JSON schema (as shipped by dclint), for healthchecks and pinned images, that
 * every mounted path exists, and that every build target is a stage of the Dockerfile.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
type Service = {
  image?: string;
  build?: { context: string; target: string };
  volumes?: string[];
  healthcheck?: { test: string[] };
  profiles?: string[];
};
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};

/** What `npm run build -w grafana-app` writes (webpack DIST_DIR of the create-plugin config). */
const BUILD_OUTPUTS = new Map([['grafana-app/dist', 'grafana-app/.config/bundler/constants.ts']]);

test('docker-compose.yml is valid against the Compose Specification schema', () => {
  // the schema dclint ships (its package exports do not expose the file, so it is read by path)
  const { $schema: _draft07, ...schema } = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', 'dclint', 'schemas', 'compose.schema.json'), 'utf8'),
  ) as Record<string, unknown>; // draft-07, which ajv speaks by default (its $schema URL spelling differs)
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  const ok = validate(compose);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  // and it does refuse what Compose refuses
  expect(validate({ services: { web: { imagee: 'nginx:1.27' } } })).toBe(false);
});

test('every service has a healthcheck and a pinned image or a Dockerfile target', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
  for (const [name, svc] of Object.entries(compose.services)) {
    expect([name, Array.isArray(svc.healthcheck?.test)]).toEqual([name, true]);
    if (svc.image) expect([name, /:(?!latest$)[\w.-]+$/.test(svc.image)]).toEqual([name, true]);
    else expect([name, stages.includes(svc.build?.target)]).toEqual([name, true]);
  }
  expect(Object.keys(compose.services)).toEqual(
    expect.arrayContaining([
      'grafana',
      'prometheus',
      'alertmanager',
      'host-exporter',
      'opsdesk-server',
      'postgres',
    ]),
  );
  expect(compose.services.postgres?.profiles).toEqual(['postgres']);
});

test('every path mounted from the repository exists (or is what the build writes)', () => {
  const missing: string[] = [];
  for (const [name, svc] of Object.entries(compose.services)) {
    for (const v of svc.volumes ?? []) {
      const source = v.split(':')[0] as string;
      if (!source.startsWith('./')) continue;
      const rel = source.slice(2);
      if (BUILD_OUTPUTS.has(rel)) {
        const constants = readFileSync(path.join(ROOT, BUILD_OUTPUTS.get(rel)!), 'utf8');
        if (!constants.includes(`DIST_DIR = '${path.basename(rel)}'`))
          missing.push(`${name}: ${rel} is not where the build writes`);
        continue;
      }
      if (!existsSync(path.join(ROOT, rel))) missing.push(`${name}: ${rel}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the host exporter sees the host: /proc, /sys and / read-only, the host PID namespace', () => {
  const host = compose.services['host-exporter'] as Service & { pid?: string };
  expect(host.pid).toBe('host');
  expect(host.volumes).toEqual(
    expect.arrayContaining(['/proc:/host/proc:ro', '/sys:/host/sys:ro', '/:/host/root:ro']),
  );
  const config = parse(readFileSync(path.join(ROOT, 'provisioning', 'exporters', 'host.yml'), 'utf8')) as {
    paths: Record<string, string>;
  };
  expect(config.paths).toEqual({ procfs: '/host/proc', sysfs: '/host/sys', rootfs: '/host/root' });
});
