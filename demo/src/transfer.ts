import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Transfer faults that can be switched on while the demo runs (PUT /faults). */
export interface TransferFaults {
  /** this participant's channels carry nothing (an outage at the participant) */
  transfer_outage: string | null;
  /** latency on every channel rises from about 20 ms to about 800 ms */
  transfer_latency: boolean;
  /** fund_c's settlement file is not delivered */
  late_file: boolean;
  /** this share (0–1) of messages is lost: the gateway reports them failed with reason timeout */
  transfer_loss: number;
}

export const PARTICIPANTS = ['broker_a', 'broker_b', 'fund_c'] as const;

const CHANNELS = [
  { participant: 'broker_a', channel: 'orders_api', perTick: 8 },
  { participant: 'broker_b', channel: 'fix_gateway', perTick: 20 },
] as const;

/** Today's date in Shanghai as YYYYMMDD. */
const today = (now = Date.now()) =>
  new Date(now + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

/**
 * The participants' side of the transfer channels: messages on broker_a's API and broker_b's FIX
 * gateway posted to the transfer exporter every 500 ms, and fund_c's settlement file dropped into
 * its folder, with faults to switch on.
 */
export function startTransferSim(opts: {
  exporterUrl: string;
  token: string;
  dropDir: string;
  faults: TransferFaults;
}) {
  const dropFolder = path.join(opts.dropDir, 'fund_c');
  mkdirSync(dropFolder, { recursive: true });
  const stats = { sent: 0, sendErrors: 0 };
  const deliver = () => {
    const file = path.join(dropFolder, `SETTLE_${today()}.csv`);
    // late_file: today's file has not come (yet); switched off, it arrives
    if (opts.faults.late_file) rmSync(file, { force: true });
    else if (!existsSync(file))
      writeFileSync(file, 'account,instrument,qty,amount\nA001,600000,100,1052.00\n');
  };
  deliver();
  const tick = setInterval(async () => {
    deliver();
    const lines: string[] = [];
    for (const c of CHANNELS) {
      if (opts.faults.transfer_outage === c.participant) continue;
      for (let i = 0; i < c.perTick; i++) {
        const failed = Math.random() < Math.max(0.003, opts.faults.transfer_loss);
        const latency = (opts.faults.transfer_latency ? 0.8 : 0.02) * (0.5 + Math.random());
        lines.push(
          JSON.stringify({
            participant: c.participant,
            channel: c.channel,
            direction: i % 2 ? 'out' : 'in',
            bytes: 200 + Math.floor(Math.random() * 800),
            latency: Number(latency.toFixed(4)),
            ...(failed ? { outcome: 'failed', reason: 'timeout' } : {}),
          }),
        );
      }
    }
    if (lines.length === 0) return;
    try {
      const res = await fetch(`${opts.exporterUrl}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/x-ndjson' },
        body: lines.join('\n') + '\n',
      });
      await res.arrayBuffer();
      if (res.ok) stats.sent += lines.length;
      else stats.sendErrors++;
    } catch {
      stats.sendErrors++; // the exporter is not up yet
    }
  }, 500);
  return { stats, stop: () => clearInterval(tick) };
}
