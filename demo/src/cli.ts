import { parseArgs } from 'node:util';
import { startDemo } from './index';

export function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      'flow-exporter': {
        type: 'string',
        default: process.env.OPSDESK_FLOW_EXPORTER_URL ?? 'http://localhost:9743',
      },
      rate: { type: 'string', default: '5' },
      port: { type: 'string', default: '9750' },
      'orders-db': { type: 'string', default: 'data/demo/orders.db' },
      'transfer-exporter': {
        type: 'string',
        default: process.env.OPSDESK_TRANSFER_EXPORTER_URL ?? 'http://localhost:9742',
      },
      'drop-dir': { type: 'string', default: 'data/demo/drop' },
      server: { type: 'string', default: process.env.OPSDESK_SERVER_URL ?? 'http://localhost:9744' },
    },
  });
  const token = process.env.OPSDESK_FLOW_TOKEN;
  if (!token) {
    process.stderr.write('opsdesk-demo: set OPSDESK_FLOW_TOKEN to a token the flow exporter accepts\n');
    process.exit(2);
  }
  const rate = Number(values.rate);
  if (!(rate > 0 && rate <= 10_000)) {
    process.stderr.write(
      `opsdesk-demo: --rate must be between 0 and 10000 orders per second, got ${JSON.stringify(values.rate)}\n`,
    );
    process.exit(2);
  }
  void startDemo({
    flowExporterUrl: values['flow-exporter']!,
    token,
    rate,
    port: Number(values.port),
    ordersDb: values['orders-db'],
    // transfer traffic when the transfer exporter's token is given
    transfer: process.env.OPSDESK_TRANSFER_TOKEN
      ? {
          exporterUrl: values['transfer-exporter']!,
          token: process.env.OPSDESK_TRANSFER_TOKEN,
          dropDir: values['drop-dir']!,
        }
      : undefined,
    // the alert_storm fault when an editor token for the server is given
    server: process.env.OPSDESK_DEMO_SERVER_TOKEN
      ? { url: values.server!, token: process.env.OPSDESK_DEMO_SERVER_TOKEN }
      : undefined,
  }).then((demo) => {
    process.stdout.write(
      `OpsDesk demo: ${rate} orders/s to ${values['flow-exporter']}; faults at ${demo.url}/faults (PUT {"stuck_step":"cleared"}, {"failure_burst":true}, {"journey_down":true}, {"transfer_outage":"broker_b"}, {"transfer_latency":true}, {"late_file":true}, {"alert_storm":30}); journey target ${demo.url}/api\n`,
    );
    const stop = () => void demo.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
