import net from 'node:net';
import { z } from 'zod';
import { commonFields, hostPort, PhaseError, splitHostPort, type ProbeKind } from './common';

export const tcpSchema = z.strictObject({
  kind: z.literal('tcp'),
  target: hostPort('gw.broker-a.example:7001'),
  ...commonFields,
});
type TcpProbe = z.output<typeof tcpSchema>;

/** TCP connect: dns, then connect. */
export const tcp: ProbeKind<TcpProbe> = {
  endpoint: (p) => splitHostPort(p.target),
  run: (_p, ctx) =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: ctx.address, port: ctx.port });
      const fail = (e: Error) => {
        socket.destroy();
        reject(
          ctx.signal.aborted
            ? new PhaseError('timeout', 'timed out connecting')
            : new PhaseError('connect', e.message),
        );
      };
      ctx.signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.destroy();
        ctx.lap('connect');
        resolve();
      });
    }),
};
