import os from 'node:os';
import { parseInventory } from './inventory';
// the built module: the child it runs is the compiled inventory-main.js beside it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readInventoryIsolated } = require('../../dist/collectors/inventory') as typeof import('./inventory');

describe('inventory, read in a child process', () => {
  test('the child reads the facts of this host', async () => {
    const inv = await readInventoryIsolated({ timeoutMs: 30_000 });
    expect(inv.hostname).toBe(os.hostname());
    expect(inv.arch).toBe(os.arch());
    expect(inv.logicalCpus).toBe(os.cpus().length);
    expect(inv.memoryBytes).toBe(os.totalmem());
    expect(inv.os).not.toBe('');
  });

  test('an answer that is not the inventory is refused, naming the field', () => {
    const good = {
      os: 'Debian GNU/Linux',
      osVersion: '12',
      kernel: '6.1.0',
      arch: 'x64',
      cpuModel: 'Intel Xeon',
      hostname: 'db1',
      logicalCpus: 2,
      physicalCpus: 1,
      memoryBytes: 1024,
    };
    expect(parseInventory(JSON.stringify({ ...good, extra: 'dropped' }))).toEqual(good);
    expect(() => parseInventory('Segmentation fault')).toThrow('inventory child printed no JSON');
    expect(() => parseInventory(JSON.stringify({ ...good, hostname: 7 }))).toThrow(
      'hostname is not a string',
    );
    expect(() => parseInventory(JSON.stringify({ ...good, memoryBytes: -1 }))).toThrow(
      'memoryBytes is not a non-negative number',
    );
  });
});
