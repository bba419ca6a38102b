import { runExporterCli } from '@opsdesk/exporter-core';
import { flowExporter } from './index';

export function main(argv: string[]): void {
  void runExporterCli(flowExporter, argv);
}
