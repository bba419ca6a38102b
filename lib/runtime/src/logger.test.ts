import { createLogger, type LogLevel } from './logger';

/** The lines a logger writes, as text and parsed. */
function captured(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const log = createLogger('host-exporter', level, { write: (line: string) => lines.push(line) });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

test('a line is pino-shaped: level label, ISO time, component and name, the fields, then msg', () => {
  const { log, lines, parsed } = captured();
  log.info({ mount: '/srv', device: 'sda1', skipped: undefined }, 'filesystem read failed');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.endsWith('}\n')).toBe(true);
  expect(lines[0]!.split('\n')).toHaveLength(2); // one line, newline-terminated
  const [line] = parsed();
  // key order is what log shippers and our docs show: level, time, component, name, fields, msg
  expect(Object.keys(line!)).toEqual(['level', 'time', 'component', 'name', 'mount', 'device', 'msg']);
  expect(line).toMatchObject({
    level: 'info',
    component: 'host-exporter',
    name: 'host-exporter',
    mount: '/srv',
    device: 'sda1',
    msg: 'filesystem read failed',
  });
  expect(line!.time).toMatch(ISO);
});

test('a message alone, a field object alone, and printf-style arguments', () => {
  const { log, parsed } = captured();
  log.warn('listening');
  log.warn({ code: 3 });
  log.warn('read %s: %d bytes, %j', '/proc/stat', 42, { a: 1 });
  log.warn('100%% done', 'ignored');
  const [a, b, c, d] = parsed();
  expect(a).not.toHaveProperty('code');
  expect(a!.msg).toBe('listening');
  expect(b).not.toHaveProperty('msg');
  expect(b!.code).toBe(3);
  expect(c!.msg).toBe('read /proc/stat: 42 bytes, {"a":1}');
  expect(d!.msg).toBe('100% done');
});

test('levels below the threshold are dropped, and the threshold can be changed (config reload)', () => {
  const { log, parsed } = captured('warn');
  log.debug('no');
  log.info('no');
  log.warn('yes');
  log.error('yes');
  log.level = 'debug';
  log.debug('now yes');
  expect(log.level).toBe('debug');
  expect(parsed().map((l) => [l.level, l.msg])).toEqual([
    ['warn', 'yes'],
    ['error', 'yes'],
    ['debug', 'now yes'],
  ]);
  expect(() => (log.level = 'loud')).toThrow(/unknown log level "loud"; use one of debug, info, warn, error/);
});

test('errors are serialised like pino: type, message and stack with their causes, own fields', () => {
  const { log, parsed } = captured();
  const cause = new Error('EACCES: permission denied');
  const err = Object.assign(new TypeError('cannot read /proc/pressure/io', { cause }), { code: 'EACCES' });
  log.error({ err }, 'collector failed');
  log.error(err); // an error as the first argument: msg is its message
  log.error({ err: 'just text' }, 'not an Error');
  const [a, b, c] = parsed();
  expect(a!.err).toEqual({
    type: 'TypeError',
    message: 'cannot read /proc/pressure/io: EACCES: permission denied',
    stack: expect.stringContaining('\ncaused by: Error: EACCES: permission denied') as string,
    code: 'EACCES',
  });
  expect(a!.msg).toBe('collector failed');
  expect(b!.err).toEqual(a!.err);
  expect(b!.msg).toBe('cannot read /proc/pressure/io');
  expect(c!.err).toBe('just text');
});

test('a circular field or a BigInt does not lose the line', () => {
  const { log, parsed } = captured();
  const loop: Record<string, unknown> = { name: 'loop' };
  loop.self = loop;
  log.info({ loop, big: 2n ** 40n }, 'odd values');
  const [line] = parsed();
  expect(line!.loop).toEqual({ name: 'loop', self: '[Circular]' });
  expect(line!.big).toBe(2 ** 40);
  expect(line!.msg).toBe('odd values');
});
