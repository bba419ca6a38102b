import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { regexSchema } from '@opsdesk/runtime';
import { z } from 'zod';
import {
  commonFields,
  PhaseError,
  resolveTlsPaths,
  tlsConfigSchema,
  tlsOptions,
  type Phase,
  type ProbeKind,
} from './common';

export const httpSchema = z.strictObject({
  kind: z.literal('http'),
  url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  expect_status: z.array(z.number().int().min(100).max(599)).default([200]),
  /** a regular expression the body must match */
  body_match: regexSchema.optional(),
  /** accept a certificate that does not verify (a participant's test endpoint) */
  insecure_skip_verify: z.boolean().default(false),
  /** for https: a private CA, a client certificate and its key */
  tls_config: tlsConfigSchema,
  ...commonFields,
});
type HttpProbe = z.output<typeof httpSchema>;

/** HTTP(S): dns, connect, tls, then the response's status and body. */
export const httpProbe: ProbeKind<HttpProbe> = {
  endpoint(p) {
    const u = new URL(p.url);
    return {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
    };
  },
  resolvePaths: (p, resolve) => ({ ...p, tls_config: resolveTlsPaths(p.tls_config, resolve) }),
  async run(probe, ctx) {
    const url = new URL(probe.url);
    const secure = url.protocol === 'https:';
    const files = secure
      ? await tlsOptions(probe.tls_config).catch((err: Error) => {
          throw new PhaseError('tls', `cannot read tls_config: ${err.message}`);
        })
      : {};
    await new Promise<void>((resolve, reject) => {
      let phase: Phase = 'connect';
      const req = (secure ? https : http).request(
        {
          method: probe.method,
          host: ctx.address,
          port: ctx.port,
          path: url.pathname + url.search,
          headers: { host: url.host, 'user-agent': 'opsdesk-transfer-exporter' },
          servername: net.isIP(url.hostname) ? undefined : url.hostname,
          rejectUnauthorized: !probe.insecure_skip_verify,
          agent: false,
          ...files,
        },
        (res) => {
          ctx.lap('http');
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            if (body.length < 1 << 20) body += d;
          });
          res.on('error', (e) => reject(new PhaseError('http', e.message)));
          res.on('end', () => {
            if (!probe.expect_status.includes(res.statusCode ?? 0))
              return reject(
                new PhaseError(
                  'http',
                  `status ${res.statusCode}, expected ${probe.expect_status.join(' or ')}`,
                ),
              );
            if (probe.body_match !== undefined && !new RegExp(probe.body_match).test(body))
              return reject(new PhaseError('http', `body does not match /${probe.body_match}/`));
            resolve();
          });
        },
      );
      req.on('socket', (socket) => {
        socket.once('connect', () => {
          ctx.lap('connect');
          phase = secure ? 'tls' : 'http';
        });
        socket.once('secureConnect', () => {
          ctx.lap('tls');
          phase = 'http';
        });
      });
      req.on('error', (e) => reject(new PhaseError(phase, e.message)));
      ctx.signal.addEventListener('abort', () => req.destroy(new Error('timed out')), { once: true });
      req.end();
    });
  },
};
