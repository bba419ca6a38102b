import net from 'node:net';
import tls from 'node:tls';
import { gaugeDescriptor } from '@opsdesk/exporter-core';
import { z } from 'zod';
import {
  commonFields,
  hostPort,
  PhaseError,
  PROBE_LABELS,
  resolveTlsPaths,
  splitHostPort,
  tlsConfigSchema,
  tlsOptions,
  type Phase,
  type ProbeKind,
} from './common';

export const tlsSchema = z.strictObject({
  kind: z.literal('tls'),
  /** host:port of the participant's TLS endpoint; the certificate's expiry and chain are checked */
  target: hostPort('api.broker-a.example:443'),
  /** report the expiry of a certificate that does not verify without failing the probe */
  insecure_skip_verify: z.boolean().default(false),
  tls_config: tlsConfigSchema,
  ...commonFields,
});
type TlsProbe = z.output<typeof tlsSchema>;

const CERT_EXPIRY = gaugeDescriptor(
  'opsdesk_transfer_tls_cert_expiry_timestamp_seconds',
  "When the participant endpoint's certificate expires, Unix seconds (tls probes).",
  PROBE_LABELS,
);
const CHAIN_VALID = gaugeDescriptor(
  'opsdesk_transfer_tls_chain_valid',
  "1 when the participant endpoint's certificate chain verifies for its name (tls probes).",
  PROBE_LABELS,
);

/** TLS handshake: certificate expiry and whether the chain verifies for the name. */
export const tlsProbe: ProbeKind<TlsProbe> = {
  endpoint: (p) => splitHostPort(p.target),
  resolvePaths: (p, resolve) => ({ ...p, tls_config: resolveTlsPaths(p.tls_config, resolve) }),
  async run(probe, ctx) {
    const files = await tlsOptions(probe.tls_config).catch((err: Error) => {
      throw new PhaseError('tls', `cannot read tls_config: ${err.message}`);
    });
    await new Promise<void>((resolve, reject) => {
      const host = splitHostPort(probe.target).host;
      const socket = tls.connect({
        host: ctx.address,
        port: ctx.port,
        servername: net.isIP(host) ? undefined : host,
        rejectUnauthorized: false,
        ...files,
      });
      let phase: Phase = 'connect';
      const fail = (e: Error) => {
        socket.destroy();
        reject(
          ctx.signal.aborted
            ? new PhaseError('timeout', `timed out in ${phase}`)
            : new PhaseError(phase, e.message),
        );
      };
      ctx.signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
      socket.once('error', fail);
      socket.once('connect', () => {
        ctx.lap('connect');
        phase = 'tls';
      });
      socket.once('secureConnect', () => {
        ctx.lap('tls');
        const cert = socket.getPeerCertificate();
        const notAfter = cert.valid_to ? Date.parse(cert.valid_to) : undefined;
        ctx.extra.certNotAfter = notAfter;
        ctx.extra.chainValid = socket.authorized;
        const why = socket.authorizationError ? String(socket.authorizationError) : undefined;
        socket.destroy();
        if (!socket.authorized && !probe.insecure_skip_verify)
          return reject(new PhaseError('tls', `certificate does not verify: ${why}`));
        if (notAfter !== undefined && notAfter <= Date.now())
          return reject(new PhaseError('tls', `certificate expired at ${new Date(notAfter).toISOString()}`));
        resolve();
      });
    });
  },
  writeSeries(sink, probes) {
    for (const { labels, last } of probes) {
      if (last?.certNotAfter !== undefined) sink.add(CERT_EXPIRY, last.certNotAfter / 1000, ...labels);
      if (last?.chainValid !== undefined) sink.add(CHAIN_VALID, last.chainValid ? 1 : 0, ...labels);
    }
  },
};
