/**
 * The inventory child: reads the host's static facts with systeminformation and prints them as
 * JSON on stdout (readInventoryIsolated runs it, so the exporter never loads systeminformation).
 */
import { readInventory } from './inventory';

readInventory().then(
  (inv) => process.stdout.write(JSON.stringify(inv)),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  },
);
