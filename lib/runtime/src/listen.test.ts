import { formatListenAddress, parseListenAddress } from './listen';

test('HOST:PORT, :PORT and [v6]:PORT parse, and format back to the same text', () => {
  expect(parseListenAddress('127.0.0.1:9741')).toEqual({ host: '127.0.0.1', port: 9741 });
  expect(parseListenAddress(':9744')).toEqual({ host: '0.0.0.0', port: 9744 });
  expect(parseListenAddress(' localhost:0 ')).toEqual({ host: 'localhost', port: 0 });
  expect(parseListenAddress('[::1]:9742')).toEqual({ host: '::1', port: 9742 });
  for (const text of ['127.0.0.1:9741', '[::1]:9742', '0.0.0.0:9744']) {
    expect(formatListenAddress(parseListenAddress(text))).toBe(text);
  }
});

test.each(['9741', 'localhost', 'host:65536', 'host:port', '::1:9742', '[::1]', ''])(
  '%j is refused with the expected form',
  (text) => {
    expect(() => parseListenAddress(text)).toThrow(
      `invalid listen address ${JSON.stringify(text)}: expected HOST:PORT, e.g. 0.0.0.0:9741 or :9741`,
    );
  },
);
