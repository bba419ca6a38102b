import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWithPrograms,
  freePort,
  parseExposition,
  program,
  startPrometheus,
  startService,
  waitFor,
  type RunningService,
} from '@opsdesk/testing';

// These tests run the built binary, as a user would; `npm test` builds first (pretest).
const BIN = path.join(__dirname, '..', 'bin', 'opsdesk-host-exporter.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'debian12-vm');

async function startHostExporter(
  configYaml?: string,
): Promise<RunningService & { url: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-hostexp-'));
  const port = await freePort();
  const args = ['--listen', `127.0.0.1:${port}`];
  if (configYaml !== undefined) {
    writeFileSync(path.join(dir, 'host.yml'), configYaml);
    args.push('--config', path.join(dir, 'host.yml'));
  }
  const url = `http://127.0.0.1:${port}`;
  const svc = await startService({ command: BIN, args, readyUrl: `${url}/-/ready` });
  return { ...svc, url, dir };
}

describe('the host exporter binary', () => {
  let exp: Awaited<ReturnType<typeof startHostExporter>>;
  beforeAll(async () => {
    exp = await startHostExporter();
  });
  afterAll(async () => {
    await exp.stop();
    rmSync(exp.dir, { recursive: true, force: true });
  });

  test('serves host series from this machine with every Linux collector succeeding', async () => {
    const samples = parseExposition(await (await fetch(`${exp.url}/metrics`)).text());
    for (const c of [
      'cpu',
      'stat',
      'loadavg',
      'meminfo',
      'filefd',
      'diskstats',
      'filesystem',
      'netdev',
      'pressure',
    ]) {
      expect([c, samples.get(`opsdesk_host_collector_success{collector="${c}"}`)]).toEqual([c, 1]);
    }
    expect(samples.get('opsdesk_host_memory_total_bytes')).toBeGreaterThan(0);
    expect(
      [...samples.keys()].some((k) => k.startsWith('opsdesk_host_cpu_seconds_total{cpu="0",mode="user"}')),
    ).toBe(true);
    expect([...samples.keys()].some((k) => k.startsWith('opsdesk_host_build_info{'))).toBe(true);
  });

  test('health, readiness and a JSON 404', async () => {
    expect((await fetch(`${exp.url}/-/healthy`)).status).toBe(200);
    expect((await fetch(`${exp.url}/-/ready`)).status).toBe(200);
    const res = await fetch(`${exp.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('collect[] with an unknown name is refused with the known names', async () => {
    const res = await fetch(`${exp.url}/metrics?collect[]=cpu&collect[]=nvidia`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /unknown collector "nvidia".*known collectors: cpu, diskstats/,
    );
  });
});

describeWithPrograms({ promtool: 'prometheus' }, 'promtool', () => {
  test('promtool check metrics finds nothing to complain about in the real /metrics', async () => {
    const exp = await startHostExporter();
    try {
      // let the background checks (inventory, patches) land so their series are linted too
      await waitFor('inventory', async () =>
        (await (await fetch(`${exp.url}/metrics`)).text()).includes('opsdesk_host_info{') ? true : undefined,
      );
      const body = await (await fetch(`${exp.url}/metrics`)).text();
      const r = spawnSync(program('promtool'), ['check', 'metrics'], { input: body, encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      await exp.stop();
    }
  });
});

describeWithPrograms({ prometheus: 'prometheus' }, 'scraped by the real Prometheus', () => {
  test('Prometheus scrapes it every second and sees up == 1 and host series', async () => {
    const exp = await startHostExporter();
    const prom = await startPrometheus(
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        '  - job_name: host',
        `    static_configs: [{ targets: ["${exp.url.replace('http://', '')}"] }]`,
        '',
      ].join('\n'),
    );
    try {
      const up = await waitFor('up{job="host"} == 1', async () => {
        const r = await prom.query('up{job="host"} == 1');
        return r.length === 1 ? r : undefined;
      });
      expect(up[0]?.metric.job).toBe('host');
      const cpu = await waitFor('CPU series', async () => {
        const r = await prom.query('sum by (mode) (opsdesk_host_cpu_seconds_total)');
        return r.length >= 4 ? r : undefined;
      });
      expect(cpu.map((s) => s.metric.mode)).toEqual(
        expect.arrayContaining(['user', 'system', 'idle', 'iowait']),
      );
      const failing = await prom.query('opsdesk_host_collector_success == 0');
      expect(failing).toEqual([]);
      // two scrapes a second apart give a rate, which is how every dashboard reads these counters
      const rate = await waitFor('a CPU rate', async () => {
        const r = await prom.query('sum(rate(opsdesk_host_cpu_seconds_total[5s]))');
        return r.length === 1 ? Number(r[0]?.value[1]) : undefined;
      });
      expect(rate).toBeGreaterThan(0);
    } finally {
      await prom.stop();
      await exp.stop();
    }
  });
});

describe('faults', () => {
  test('an invalid config stops it with exit 2, naming file, line, path and reason', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-hostcfg-'));
    const file = path.join(dir, 'host.yml');
    writeFileSync(
      file,
      'collectors:\n  filesystem:\n    mount_timeout: 2 seconds\n  systemd:\n    units: [sshd]\n',
    );
    const r = spawnSync(process.execPath, [BIN, '--config', file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'host.yml:3: collectors.filesystem.mount_timeout: expected a duration like 30s, 5m or 1h, got "2 seconds"',
    );
    expect(r.stderr).toContain(
      'host.yml:5: collectors.systemd.units[0]: expected a systemd unit name with its type, e.g. sshd.service',
    );
  });

  test('--check-config validates the example config', () => {
    const out = execFileSync(
      process.execPath,
      [BIN, '--config', path.join(__dirname, '..', 'host.example.yml'), '--check-config'],
      { encoding: 'utf8' },
    );
    expect(out).toContain('valid');
  });

  test('a bad --listen is exit 2 with the expected form', () => {
    const r = spawnSync(process.execPath, [BIN, '--listen', 'localhost'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid listen address "localhost": expected HOST:PORT');
  });

  test('an unreadable /proc file fails only its collector, with one log line', async () => {
    const exp = await startHostExporter(
      'collectors: { patches: { enabled: false }, inventory: { enabled: false } }\n',
    );
    const dir = exp.dir;
    await exp.stop();
    cpSync(FIXTURE, path.join(dir, 'root'), { recursive: true });
    rmSync(path.join(dir, 'root', 'proc', 'meminfo'));
    const broken = await startHostExporter(
      `paths: { procfs: "${dir}/root/proc", sysfs: "${dir}/root/sys" }\ncollectors: { patches: { enabled: false }, inventory: { enabled: false } }\n`,
    );
    try {
      for (let i = 0; i < 3; i++) {
        const samples = parseExposition(await (await fetch(`${broken.url}/metrics`)).text());
        expect(samples.get('opsdesk_host_collector_success{collector="meminfo"}')).toBe(0);
        expect(samples.get('opsdesk_host_collector_success{collector="cpu"}')).toBe(1);
        expect(samples.get('opsdesk_host_load1')).toBe(0.14);
        expect(samples.has('opsdesk_host_memory_total_bytes')).toBe(false);
      }
      const lines = broken
        .output()
        .split('\n')
        .filter((l) => l.includes('collector failed'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({
        level: 'warn',
        collector: 'meminfo',
        err: expect.stringContaining('meminfo'),
      });
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SIGTERM stops it cleanly with exit 0', async () => {
    const exp = await startHostExporter();
    // a scraper's idle keep-alive connection must not hold the process open
    expect((await fetch(`${exp.url}/metrics`)).status).toBe(200);
    const started = Date.now();
    const code = await exp.stop();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(exp.output()).toContain('"msg":"stopped"');
    rmSync(exp.dir, { recursive: true, force: true });
  });
});

describe('what it loads', () => {
  // The packages a started exporter may have loaded when its config asks for nothing more: the
  // config loader's (yaml, zod); the logger is lib/runtime's own (no pino). A collector that needs
  // more loads it when it starts, never at import; inventory's systeminformation is loaded only by
  // the short-lived child that reads it (readInventoryIsolated), never by the exporter.
  const AT_START = new Set(['yaml', 'zod']);

  test('serving /metrics with the Linux collectors and the inventory loads no npm package beyond the config loader', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-hostexp-'));
    const config = path.join(dir, 'host.yml');
    writeFileSync(config, 'collectors: { patches: { enabled: false } }\n');
    // the built exporter, started in-process so its require.cache can be read after a scrape
    const script = `
      const { startExporter } = require('@opsdesk/exporter-core');
      const { loadConfigFile } = require('@opsdesk/runtime');
      const { hostExporter } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'index.js'))});
      const config = loadConfigFile(${JSON.stringify(config)}, hostExporter.configSchema);
      startExporter(hostExporter, { ...config, log_level: 'error' }, { listen: '127.0.0.1:0' }).then(async (exp) => {
        // until the inventory child has answered: the host's facts are served, read elsewhere
        for (let i = 0; ; i++) {
          const text = await (await fetch(exp.url + '/metrics')).text();
          if (text.includes('opsdesk_host_info{')) break;
          if (i === 300) throw new Error('no opsdesk_host_info after 30 s');
          await new Promise((r) => setTimeout(r, 100));
        }
        const packages = new Set();
        for (const file of Object.keys(require.cache)) {
          const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
          if (m) packages.add(m[1]);
        }
        process.stdout.write(JSON.stringify([...packages]));
        await exp.close();
      });`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: path.join(__dirname, '..'),
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    const loaded = JSON.parse(out) as string[];
    expect(loaded).toContain('zod');
    expect(loaded.filter((p) => !AT_START.has(p))).toEqual([]);
  });
});
