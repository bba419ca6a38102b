import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeWithPrograms } from '@opsdesk/testing';

/**
 * Loss measured for real: a network namespace of the test's own, where iptables drops a known
 * share of the SYNs to one port (`-m statistic --mode random`; tc netem is missing from this
 * kernel), and a loss train run inside it. Skipped, saying so, only where namespaces are refused.
 */
const NS = `opsdesk-loss-${process.pid}`;
const PORT = 7001;
const DROP = 0.1;
const DIST = path.join(__dirname, '..', 'dist', 'index.js');

const sh = (args: string[]) => spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
const nsUp = sh(['ip', 'netns', 'add', NS]);
const refused =
  nsUp.status !== 0 ? `namespaces refused here: ${(nsUp.stderr || nsUp.error?.message || '').trim()}` : '';
if (refused) console.log(`loss test SKIPPED: ${refused}`);

afterAll(() => {
  if (!refused) sh(['ip', 'netns', 'del', NS]);
});

describeWithPrograms({ iptables: 'iptables', ip: 'iproute2' }, 'loss through a network namespace', () => {
  (refused ? test.skip : test)(
    `a train measures the configured ${DROP * 100} % SYN drop within 2 percentage points`,
    () => {
      expect(existsSync(DIST)).toBe(true); // built by `npm test`'s pretest
      for (const cmd of [
        ['ip', 'netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up'],
        // a drop rule for the train's SYNs only, so one attempt is lost with probability DROP
        [
          'ip',
          'netns',
          'exec',
          NS,
          'iptables',
          '-A',
          'INPUT',
          '-p',
          'tcp',
          '--syn',
          '--dport',
          String(PORT),
        ].concat(['-m', 'statistic', '--mode', 'random', '--probability', String(DROP), '-j', 'DROP']),
      ]) {
        const r = sh(cmd);
        expect([cmd.join(' '), r.status, r.stderr]).toEqual([cmd.join(' '), 0, '']);
      }
      const script = `
        const { runProbe, probeSchema } = require(${JSON.stringify(DIST)});
        const probe = probeSchema.parse({ kind: 'train', target: '127.0.0.1:${PORT}', count: 4000, spacing: '1ms', timeout: '800ms' });
        // under 1 s: a dropped SYN is retransmitted after 1 s, which must count as lost
        runProbe(probe).then((r) => console.log(JSON.stringify({ sent: r.sent, received: r.received })));`;
      const run = spawnSync('ip', ['netns', 'exec', NS, process.execPath, '-e', script], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      const { sent, received } = JSON.parse(run.stdout) as { sent: number; received: number };
      const loss = 1 - received / sent;
      console.log(
        `loss test RAN in namespace ${NS}: configured ${DROP * 100} %, measured ${(loss * 100).toFixed(2)} % over ${sent} attempts`,
      );
      expect(sent).toBe(4000);
      expect(Math.abs(loss - DROP)).toBeLessThanOrEqual(0.02);
    },
    180_000,
  );
});
