import { createLogger } from '@opsdesk/runtime';

export const silentLogger = createLogger('test', 'error', { write: () => undefined } as never);

/** Parses text exposition into `name{labels}` → value, enough for assertions on a real /metrics body. */
export function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
