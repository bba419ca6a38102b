import { runExporterCli } from '@opsdesk/exporter-core';
import { transferExporter } from './index';

export function main(argv: string[]): void {
  void runExporterCli(transferExporter, argv);
}
