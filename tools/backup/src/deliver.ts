import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from './args';
import { postReport } from './client';
import { REPORT_PATHS, type Spool } from './spool';

export interface FlushOutcome {
  /** ids the server acknowledged (201, or 200: recorded before) */
  delivered: string[];
  /** ids still waiting, with why the first of them could not be sent */
  waiting: string[];
  retryReason: string | undefined;
  rejected: Array<{ id: string; file: string; reason: string }>;
}

/**
 * Sends the spooled reports oldest first, removing each only after the server acknowledged it.
 * The first one that cannot be sent now (server down, 5xx, timeout) stops the flush: the rest would
 * meet the same server, and the order is kept for the next try. A refused one (4xx) moves aside.
 */
export async function flushSpool(spool: Spool, conn: Connection): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { delivered: [], waiting: [], retryReason: undefined, rejected: [] };
  const files = spool.list();
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string;
    let report;
    try {
      report = spool.read(file);
    } catch (err) {
      const target = path.join(spool.rejectedDir, path.basename(file));
      mkdirSync(spool.rejectedDir, { recursive: true, mode: 0o700 });
      renameSync(file, target);
      outcome.rejected.push({
        id: path.basename(file),
        file: target,
        reason: `unreadable: ${(err as Error).message}`,
      });
      continue;
    }
    if (outcome.retryReason !== undefined) {
      outcome.waiting.push(report.body.id);
      continue;
    }
    const delivery = await postReport(conn, REPORT_PATHS[report.kind], report.body);
    if (delivery.kind === 'delivered') {
      spool.remove(file);
      outcome.delivered.push(report.body.id);
    } else if (delivery.kind === 'retry') {
      spool.update(file, { ...report, attempts: report.attempts + 1, lastError: delivery.reason });
      outcome.retryReason = delivery.reason;
      outcome.waiting.push(report.body.id);
    } else {
      const target = spool.reject(file, report, delivery.reason);
      outcome.rejected.push({ id: report.body.id, file: target, reason: delivery.reason });
    }
  }
  return outcome;
}
