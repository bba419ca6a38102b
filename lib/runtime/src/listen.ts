export interface ListenAddress {
  host: string;
  port: number;
}

/** Parses `HOST:PORT`, `:PORT` or `[v6]:PORT`; throws an Error naming the input and the expected form. */
export function parseListenAddress(text: string): ListenAddress {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new Error(
      `invalid listen address ${JSON.stringify(text)}: expected HOST:PORT, e.g. 0.0.0.0:9741 or :9741`,
    );
  }
  const host = m[1] ?? (m[2] || '0.0.0.0');
  return { host, port };
}

export function formatListenAddress(addr: ListenAddress): string {
  return addr.host.includes(':') ? `[${addr.host}]:${addr.port}` : `${addr.host}:${addr.port}`;
}
