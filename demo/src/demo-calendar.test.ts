import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { ChannelStore } from '../../exporters/transfer/src/channels';
import { transferConfigSchema } from '../../exporters/transfer/src/config';
import { DropWatcher } from '../../exporters/transfer/src/drops';

// The channel configs the demo runs with: `npm start` (channels.example.yml) and docker compose's
// demo profile (provisioning/exporters/channels.yml). Its faults must show whenever someone tries
// them, not only in Shanghai trading hours on trading days.
const ROOT = path.join(__dirname, '..', '..');
const CONFIGS = ['exporters/transfer/channels.example.yml', 'provisioning/exporters/channels.yml'];

const shanghai = (date: string, hour: number) =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const DAYS = [
  '2026-12-02', // a Wednesday
  '2026-12-06', // a Sunday
  '2026-10-01', // National Day
];

test.each(CONFIGS)(
  '%s: every channel is in its window, and a silent one interrupted, at any hour of any day',
  (file) => {
    const config = parseConfigText(readFileSync(path.join(ROOT, file), 'utf8'), file, transferConfigSchema, {
      OPSDESK_TRANSFER_TOKEN: 'example-token-0123456789',
    });
    for (const day of DAYS)
      for (let hour = 0; hour < 24; hour++) {
        let now = shanghai(day, hour);
        const store = new ChannelStore(config, () => now);
        // the outage fault: nothing arrives for an hour
        now += 3_600_000;
        store.tick();
        for (const ch of store.channels) {
          expect([file, day, hour, ch.spec.name, ch.inWindow]).toEqual([file, day, hour, ch.spec.name, true]);
          if (ch.spec.expect.max_silence !== undefined)
            for (const d of ch.directions)
              expect([day, hour, ch.spec.name, d.interrupted]).toEqual([day, hour, ch.spec.name, true]);
        }
      }
  },
);

test.each(CONFIGS)(
  '%s: the late_file fault (no settlement file today) is a missing file at any hour after 00:05',
  (file) => {
    const config = parseConfigText(readFileSync(path.join(ROOT, file), 'utf8'), file, transferConfigSchema, {
      OPSDESK_TRANSFER_TOKEN: 'example-token-0123456789',
    });
    for (const day of DAYS)
      for (let hour = 0; hour < 24; hour++) {
        const now = shanghai(day, hour);
        const store = new ChannelStore(config, () => now);
        const ch = store.channels.find((c) => c.spec.drop)!;
        const w = new DropWatcher(ch, ch.spec.drop!, store, () => now);
        w.readable = true; // the folder is there, the file is not
        expect([day, hour, w.expected()]).toEqual([
          day,
          hour,
          [expect.objectContaining({ name: 'settlement', present: false, missing: true })],
        ]);
      }
  },
);
