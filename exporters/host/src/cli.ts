import { runExporterCli } from '@opsdesk/exporter-core';
import { hostExporter } from './index';

export function main(argv: string[]): void {
  void runExporterCli(hostExporter, argv);
}
